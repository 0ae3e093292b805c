// CAR.swift: whole-buffer and whole-file CAR helpers.
// Book: docs/08-car.md.

#if canImport(Glibc)
    import Glibc
    private let posixRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let posixRead = Darwin.read
#endif

/// CAR v1 (Content Addressable aRchive) helpers.
public enum CAR {
    /// Walks a complete CAR held in memory without copying blocks; `body` sees each block's
    /// CID and bytes (valid only during the call). Returns the header.
    @discardableResult
    public static func forEachBlock(
        in buffer: UnsafeRawBufferPointer, verify: Bool = true, limits: CARLimits = .default,
        _ body: (CID, UnsafeRawBufferPointer) throws -> Void
    ) throws -> CARHeader {
        let length: UInt64, n: Int
        switch Varint.decode(buffer) {
        case .value(let v, let len): (length, n) = (v, len)
        case .truncated: throw CARError.truncated(offset: 0)
        case .invalid: throw CARError.badVarint(offset: 0)
        }
        guard length > 0 else { throw CARError.badHeader("empty") }
        guard length <= UInt64(limits.maxHeaderBytes) else { throw CARError.tooLarge(offset: 0, length: length) }
        guard buffer.count - n >= Int(length) else { throw CARError.truncated(offset: 0) }
        let header = try CARHeader(decoding: UnsafeRawBufferPointer(rebasing: buffer[n..<(n + Int(length))]))
        var p = n + Int(length)
        while p < buffer.count {
            switch try CARSection.parse(buffer, at: p, streamOffset: p, limits: limits) {
            case .needMore: throw CARError.truncated(offset: p)
            case .section(let cid, let range, let total):
                let block = UnsafeRawBufferPointer(rebasing: buffer[range])
                if verify { try CARSection.verify(cid, block) }
                try body(cid, block)
                p += total
            }
        }
        return header
    }

    /// Reads every block of a CAR held in memory.
    public static func read(_ bytes: [UInt8], verify: Bool = true, limits: CARLimits = .default) throws(CARError)
        -> (header: CARHeader, blocks: [CARBlock])
    {
        var blocks: [CARBlock] = []
        do {
            let header = try bytes.withUnsafeBytes { b in
                try forEachBlock(in: b, verify: verify, limits: limits) { blocks.append(CARBlock(cid: $0, bytes: Array($1))) }
            }
            return (header, blocks)
        } catch let e as CARError { throw e } catch { throw .io("\(error)") }
    }

    /// Streams a CAR file from disk in 1 MiB chunks; memory stays bounded whatever the file size.
    @discardableResult
    public static func readFile(
        atPath path: String, verify: Bool = true, limits: CARLimits = .default, _ body: (CARBlock) throws -> Void
    ) throws -> CARHeader {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CARError.io("cannot open \(path): errno \(errno)") }
        defer { close(fd) }
        var reader = CARReader(verify: verify, limits: limits)
        var header: CARHeader?
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw CARError.io("read failed: errno \(errno)") }
            if n == 0 { break }
            chunk.withUnsafeBytes { reader.append(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            while let event = try reader.next() {
                switch event {
                case .header(let h): header = h
                case .block(let b): try body(b)
                }
            }
        }
        try reader.finish()
        return header!
    }

    /// Encodes a complete CAR.
    public static func encode(roots: [CID], blocks: [CARBlock]) -> [UInt8] {
        var w = CARWriter(roots: roots)
        for b in blocks { w.append(cid: b.cid, block: b.bytes) }
        return w.take()
    }
}
