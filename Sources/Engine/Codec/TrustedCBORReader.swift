// TrustedCBORReader.swift: builds IPLD values from bytes the scanner has already checked.
// Book: docs/05-cid-dag-cbor.md.

/// Reads DAG-CBOR that `cengine_cbor_scan` has accepted. It re-checks nothing:
/// never point it at unchecked bytes.
@usableFromInline struct TrustedCBORReader {
    let base: UnsafeRawPointer
    @usableFromInline var position = 0

    @usableFromInline init(_ buffer: UnsafeRawBufferPointer) {
        // An empty buffer never passes validation, so the address exists.
        base = buffer.baseAddress!
    }

    @inline(__always) mutating func byte() -> UInt8 {
        let b = base.load(fromByteOffset: position, as: UInt8.self)
        position += 1
        return b
    }

    @inline(__always) mutating func argument(_ ai: UInt8) -> UInt64 {
        switch ai {
        case 0..<24: return UInt64(ai)
        case 24: return UInt64(byte())
        case 25:
            let v = UInt16(bigEndian: base.loadUnaligned(fromByteOffset: position, as: UInt16.self))
            position += 2
            return UInt64(v)
        case 26:
            let v = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self))
            position += 4
            return UInt64(v)
        default:
            let v = UInt64(bigEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            position += 8
            return v
        }
    }

    @inline(__always) mutating func string(_ n: Int) -> String {
        let s = String(unsafeUninitializedCapacity: n) { dst in
            dst.baseAddress!.initialize(from: (base + position).assumingMemoryBound(to: UInt8.self), count: n)
            return n
        }
        position += n
        return s
    }

    @usableFromInline mutating func readValue() -> IPLD {
        let ib = byte()
        let ai = ib & 31
        switch ib >> 5 {
        case 0: return .int(Int64(argument(ai)))
        case 1: return .int(-1 - Int64(argument(ai)))
        case 2:
            let n = Int(argument(ai))
            let b = [UInt8](UnsafeRawBufferPointer(start: base + position, count: n))
            position += n
            return .bytes(b)
        case 3: return .string(string(Int(argument(ai))))
        case 4:
            let n = Int(argument(ai))
            var list = [IPLD]()
            list.reserveCapacity(n)
            for _ in 0..<n { list.append(readValue()) }
            return .list(list)
        case 5:
            let n = Int(argument(ai))
            var entries = [IPLDMap.Entry]()
            entries.reserveCapacity(n)
            for _ in 0..<n {
                let kb = byte()
                let key = string(Int(argument(kb & 31)))
                entries.append(IPLDMap.Entry(key: key, value: readValue()))
            }
            return .map(IPLDMap(canonicalEntries: entries))
        case 6:
            _ = argument(ai)  // tag 42
            let n = Int(argument(byte() & 31))
            // Skip the 0x00 multibase prefix; the scanner has checked the CID's shape.
            let cid = try! CID.decodePrefix(UnsafeRawBufferPointer(start: base + position + 1, count: n - 1)).0
            position += n
            return .link(cid)
        default:
            switch ai {
            case 20: return .bool(false)
            case 21: return .bool(true)
            default: return .null
            }
        }
    }
}
