// CID+Binary.swift: the binary form of a CID (varints and a multihash).
// Book: docs/05-cid-dag-cbor.md.

extension CID {
    /// How many bytes the binary form takes.
    @inlinable public var encodedLength: Int {
        if version == 0 { return 34 }
        return 1 + Varint.length(UInt64(codec)) + Varint.length(UInt64(hashCode)) + 1 + Int(digestLength)
    }

    /// Appends the binary form.
    @inlinable public func encode(into out: inout [UInt8]) {
        if version == 1 {
            out.append(1)
            Varint.encode(UInt64(codec), into: &out)
            Varint.encode(UInt64(hashCode), into: &out)
        } else {
            out.append(UInt8(hashCode))
        }
        out.append(digestLength)
        paddedDigest.withUnsafeBytes { out.append(contentsOf: $0.prefix(Int(digestLength))) }
    }

    /// Writes the binary form at `dst`, which must have `encodedLength` bytes; returns the bytes written.
    @inlinable public func write(to dst: UnsafeMutableRawPointer) -> Int {
        var p = 0
        @inline(__always) func put(_ b: UInt8) { dst.storeBytes(of: b, toByteOffset: p, as: UInt8.self); p += 1 }
        @inline(__always) func varint(_ value: UInt32) {
            var v = value
            while v >= 0x80 { put(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
            put(UInt8(v))
        }
        if version == 1 {
            put(1)
            varint(codec)
            varint(hashCode)
        } else {
            put(UInt8(hashCode))
        }
        put(digestLength)
        paddedDigest.withUnsafeBytes { (dst + p).copyMemory(from: $0.baseAddress!, byteCount: Int(digestLength)) }
        return p + Int(digestLength)
    }

    /// The binary form.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedLength)
        encode(into: &out)
        return out
    }

    /// Reads a CID that fills `bytes` exactly.
    public init(bytes: UnsafeRawBufferPointer) throws(CIDError) {
        let (cid, n) = try CID.decodePrefix(bytes)
        guard n == bytes.count else { throw .trailingBytes }
        self = cid
    }

    /// Reads a CID that fills `bytes` exactly.
    public init(bytes: [UInt8]) throws(CIDError) {
        self = try bytes.withUnsafeBytes { b in Result { () throws(CIDError) in try CID(bytes: b) } }.get()
    }

    /// Reads a CID at the start of `buffer`; returns it and its length.
    public static func decodePrefix(_ buffer: UnsafeRawBufferPointer) throws(CIDError) -> (CID, Int) {
        // CIDv0: a bare SHA2-256 multihash.
        if buffer.count >= 2, buffer[0] == 0x12, buffer[1] == 0x20 {
            guard buffer.count >= 34 else { throw .truncated }
            let d = SHA256Digest.load(buffer, at: 2)
            return (CID(version: 0, codec: dagPBCodec, hashCode: sha256Code, digestLength: 32, paddedDigest: d), 34)
        }
        var p = 0
        let version = try readVarint(buffer, &p)
        guard version == 1 else { throw .unsupportedVersion(version) }
        let codec = try readVarint(buffer, &p), code = try readVarint(buffer, &p), length = try readVarint(buffer, &p)
        guard codec <= UInt32.max, code <= UInt32.max else { throw .codeTooLarge }
        guard length <= 32 else { throw .digestTooLong(Int(min(length, 1 << 20))) }
        guard buffer.count - p >= Int(length) else { throw .truncated }
        let digest: Digest32
        if length == 32 {
            digest = SHA256Digest.load(buffer, at: p)
        } else {
            var padded = [UInt8](repeating: 0, count: 32)
            for i in 0..<Int(length) { padded[i] = buffer[p + i] }
            digest = Digest32(padded)!
        }
        let cid = CID(version: 1, codec: UInt32(codec), hashCode: UInt32(code), digestLength: UInt8(length),
                      paddedDigest: digest)
        return (cid, p + Int(length))
    }
}

extension CID {
    /// Reads one varint at `p` and advances past it. A static function rather than a local
    /// closure over `p`, which measured as a heap allocation per CID read.
    @inline(__always) static func readVarint(_ buffer: UnsafeRawBufferPointer, _ p: inout Int) throws(CIDError)
        -> UInt64
    {
        switch Varint.decode(UnsafeRawBufferPointer(rebasing: buffer[p...])) {
        case .value(let v, let n):
            p += n
            return v
        case .truncated: throw .truncated
        case .invalid: throw .badVarint
        }
    }
}

/// Loading a 32-byte digest straight out of a buffer.
enum SHA256Digest {
    @inline(__always) static func load(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Digest32 {
        Digest32(words: (
            buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
            buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
            buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self),
            buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
    }
}
