// CARReader.swift: an incremental CAR v1 reader fed arbitrary chunks.
// Book: docs/08-car.md.

/// Reads a CAR v1 stream pushed in chunks of any size.
///
/// Feed bytes with `append`, then call `next()` until it returns nil
/// (meaning: more bytes needed); at the end of input call `finish()`. The
/// buffer is compacted once half of it has been consumed, so it holds at
/// most about twice (one section + one chunk): memory is bounded by
/// `CARLimits.maxSectionBytes` and the chunk size whatever the input.
public struct CARReader: Sendable {
    /// What the reader found next.
    public enum Event: Sendable, Equatable {
        /// The header (always first, exactly once).
        case header(CARHeader)
        /// A block.
        case block(CARBlock)
    }

    let limits: CARLimits
    let verify: Bool
    var buffer: [UInt8] = []
    var readIndex = 0
    /// Stream offset of `buffer[0]`.
    var base = 0
    var sawHeader = false

    /// A reader; `verify` checks every block's SHA-256 against its CID.
    public init(verify: Bool = true, limits: CARLimits = .default) {
        self.verify = verify
        self.limits = limits
    }

    /// Stream offset of the next unread byte.
    public var offset: Int { base + readIndex }

    /// Adds input.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if readIndex > 0 && readIndex >= buffer.count / 2 {
            buffer.removeSubrange(0..<readIndex)
            base += readIndex
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Adds input.
    public mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// The next header or block, or nil if more input is needed.
    public mutating func next() throws(CARError) -> Event? {
        let buf = buffer  // a second reference, so `step` may mutate self while the bytes are lent
        let result = buf.withUnsafeBytes { b in Result { () throws(CARError) in try step(b) } }
        return try result.get()
    }

    private mutating func step(_ b: UnsafeRawBufferPointer) throws(CARError) -> Event? {
        if !sawHeader {
            let rest = UnsafeRawBufferPointer(rebasing: b[readIndex...])
            let length: UInt64, n: Int
            switch Varint.decode(rest) {
            case .value(let v, let len): (length, n) = (v, len)
            case .truncated: return nil
            case .invalid: throw .badVarint(offset: offset)
            }
            guard length > 0 else { throw .badHeader("empty") }
            guard length <= UInt64(limits.maxHeaderBytes) else { throw .tooLarge(offset: offset, length: length) }
            guard rest.count - n >= Int(length) else { return nil }
            let header = try CARHeader(decoding: UnsafeRawBufferPointer(rebasing: rest[n..<(n + Int(length))]))
            readIndex += n + Int(length)
            sawHeader = true
            return .header(header)
        }
        guard readIndex < b.count else { return nil }
        switch try CARSection.parse(b, at: readIndex, streamOffset: offset, limits: limits) {
        case .needMore: return nil
        case .section(let cid, let range, let total):
            let block = UnsafeRawBufferPointer(rebasing: b[range])
            if verify { try CARSection.verify(cid, block) }
            readIndex += total
            return .block(CARBlock(cid: cid, bytes: Array(block)))
        }
    }

    /// Declares the end of input: throws if it stopped inside the header or a section.
    public func finish() throws(CARError) {
        guard sawHeader, readIndex == buffer.count else { throw .truncated(offset: offset) }
    }
}
