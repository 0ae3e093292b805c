// CBORWriter.swift: writes DAG-CBOR in one pass into a growable scratch buffer.
// Book: docs/05-cid-dag-cbor.md.

/// Writes DAG-CBOR into memory it owns; call `deallocate()` when done.
///
/// One walk of the tree: a separate sizing pass would touch every node (and
/// its reference counts) twice, which measured slower than growing a buffer.
struct CBORWriter {
    private(set) var base: UnsafeMutableRawPointer
    private var capacity: Int
    var position = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    mutating func deallocate() { base.deallocate() }

    /// The bytes written so far.
    var bytes: [UInt8] { [UInt8](UnsafeRawBufferPointer(start: base, count: position)) }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if position + n > capacity { grow(position + n) }
    }

    @inline(never) mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutableRawPointer.allocate(byteCount: c, alignment: 8)
        b.copyMemory(from: base, byteCount: position)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always) mutating func put(_ b: UInt8) {
        base.storeBytes(of: b, toByteOffset: position, as: UInt8.self)
        position += 1
    }

    @inline(__always) mutating func head(_ major: UInt8, _ v: UInt64) {
        reserve(9)
        let m = major << 5
        if v < 24 {
            put(m | UInt8(v))
        } else if v <= 0xFF {
            put(m | 24)
            put(UInt8(v))
        } else if v <= 0xFFFF {
            put(m | 25)
            base.storeBytes(of: UInt16(v).bigEndian, toByteOffset: position, as: UInt16.self)
            position += 2
        } else if v <= 0xFFFF_FFFF {
            put(m | 26)
            base.storeBytes(of: UInt32(v).bigEndian, toByteOffset: position, as: UInt32.self)
            position += 4
        } else {
            put(m | 27)
            base.storeBytes(of: v.bigEndian, toByteOffset: position, as: UInt64.self)
            position += 8
        }
    }

    @inline(__always) mutating func raw(_ p: UnsafeRawBufferPointer) {
        guard let src = p.baseAddress, p.count > 0 else { return }
        reserve(p.count)
        (base + position).copyMemory(from: src, byteCount: p.count)
        position += p.count
    }

    @inline(__always) mutating func text(_ s: String) {
        head(3, UInt64(s.utf8.count))
        if s.utf8.withContiguousStorageIfAvailable({ raw(UnsafeRawBufferPointer($0)) }) == nil {
            var copy = s
            copy.withUTF8 { raw(UnsafeRawBufferPointer($0)) }
        }
    }

    mutating func write(_ value: IPLD) {
        switch value {
        case .null:
            reserve(1)
            put(0xF6)
        case .bool(let b):
            reserve(1)
            put(b ? 0xF5 : 0xF4)
        case .int(let i): if i >= 0 { head(0, UInt64(i)) } else { head(1, UInt64(-1 - i)) }
        case .string(let s): text(s)
        case .bytes(let b):
            head(2, UInt64(b.count))
            b.withUnsafeBytes { raw($0) }
        case .link(let c):
            reserve(2 + 2 + 1 + c.encodedLength)
            put(0xD8)
            put(42)
            head(2, UInt64(c.encodedLength + 1))
            put(0)
            position += c.write(to: base + position)
        case .list(let l):
            head(4, UInt64(l.count))
            // Walking the storage in place avoids a retain/release pair per element.
            l.withUnsafeBufferPointer { p in for i in p.indices { write(p[i]) } }
        case .map(let m):
            head(5, UInt64(m.count))
            m.entries.withUnsafeBufferPointer { p in
                for i in p.indices {
                    text(p[i].key)
                    write(p[i].value)
                }
            }
        }
    }
}
