// CBORWriter.swift: measures and writes DAG-CBOR into one preallocated buffer.
// Book: docs/05-cid-dag-cbor.md.

/// Computes the exact encoded size of a value so the encoder allocates once.
enum CBORSizer {
    @inline(__always) static func head(_ v: UInt64) -> Int {
        v < 24 ? 1 : v <= 0xFF ? 2 : v <= 0xFFFF ? 3 : v <= 0xFFFF_FFFF ? 5 : 9
    }

    static func size(of value: IPLD) -> Int {
        switch value {
        case .null, .bool: return 1
        case .int(let i): return head(i >= 0 ? UInt64(i) : UInt64(-1 - i))
        case .string(let s):
            let n = s.utf8.count
            return head(UInt64(n)) + n
        case .bytes(let b): return head(UInt64(b.count)) + b.count
        case .link(let c):
            let n = c.encodedLength + 1
            return 2 + head(UInt64(n)) + n
        case .list(let l):
            var total = head(UInt64(l.count))
            for v in l { total += size(of: v) }
            return total
        case .map(let m):
            var total = head(UInt64(m.count))
            for e in m.entries {
                let n = e.key.utf8.count
                total += head(UInt64(n)) + n + size(of: e.value)
            }
            return total
        }
    }
}

/// Writes DAG-CBOR at a raw pointer; the caller sized the buffer with `CBORSizer`.
struct CBORWriter {
    let base: UnsafeMutableRawPointer
    var position = 0

    init(_ base: UnsafeMutableRawPointer) { self.base = base }

    @inline(__always) mutating func put(_ b: UInt8) {
        base.storeBytes(of: b, toByteOffset: position, as: UInt8.self)
        position += 1
    }

    @inline(__always) mutating func head(_ major: UInt8, _ v: UInt64) {
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
        case .null: put(0xF6)
        case .bool(let b): put(b ? 0xF5 : 0xF4)
        case .int(let i): if i >= 0 { head(0, UInt64(i)) } else { head(1, UInt64(-1 - i)) }
        case .string(let s): text(s)
        case .bytes(let b):
            head(2, UInt64(b.count))
            b.withUnsafeBytes { raw($0) }
        case .link(let c):
            put(0xD8)
            put(42)
            head(2, UInt64(c.encodedLength + 1))
            put(0)
            position += c.write(to: base + position)
        case .list(let l):
            head(4, UInt64(l.count))
            for v in l { write(v) }
        case .map(let m):
            head(5, UInt64(m.count))
            for e in m.entries {
                text(e.key)
                write(e.value)
            }
        }
    }
}
