// CARWriter.swift: writes a CAR v1 stream into a buffer the caller drains.
// Book: docs/08-car.md.

/// Writes CAR v1: the header at creation, then one section per block.
///
/// For streaming, call `take()` whenever `pendingCount` passes your chunk
/// size and send what it returns; memory then stays at one chunk.
public struct CARWriter: Sendable {
    private var buffer: [UInt8] = []

    /// Starts a CAR with the given roots.
    public init(roots: [CID]) {
        let header = CARHeader(roots: roots).encoded()
        Varint.encode(UInt64(header.count), into: &buffer)
        buffer.append(contentsOf: header)
    }

    /// Bytes written but not yet taken.
    public var pendingCount: Int { buffer.count }

    /// Appends a block section.
    public mutating func append(cid: CID, block: UnsafeRawBufferPointer) {
        let cidLength = cid.encodedLength
        Varint.encode(UInt64(cidLength + block.count), into: &buffer)
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: cidLength))
        buffer.withUnsafeMutableBytes { _ = cid.write(to: $0.baseAddress! + start) }
        buffer.append(contentsOf: block)
    }

    /// Appends a block section.
    public mutating func append(cid: CID, block: [UInt8]) { block.withUnsafeBytes { append(cid: cid, block: $0) } }

    /// Returns the pending bytes and starts a new buffer.
    public mutating func take() -> [UInt8] {
        defer { buffer = []; buffer.reserveCapacity(64 * 1024) }
        return buffer
    }
}
