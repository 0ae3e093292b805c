// CARSection.swift: parsing one length-prefixed section out of a buffer.
// Book: docs/08-car.md.

/// The result of looking at the front of a buffer for a complete section.
enum CARSection {
    /// More bytes are needed.
    case needMore
    /// A section: the CID, the block's range in the buffer, and the section's total length.
    case section(CID, Range<Int>, total: Int)

    /// Looks for the section starting at `at` in `buf`; `streamOffset` is `buf[at]`'s position in the stream.
    static func parse(_ buf: UnsafeRawBufferPointer, at: Int, streamOffset: Int, limits: CARLimits)
        throws(CARError) -> CARSection
    {
        let rest = UnsafeRawBufferPointer(rebasing: buf[at...])
        let length: UInt64, n: Int
        switch Varint.decode(rest) {
        case .value(let v, let len): (length, n) = (v, len)
        case .truncated: return .needMore
        case .invalid: throw .badVarint(offset: streamOffset)
        }
        guard length <= UInt64(limits.maxSectionBytes) else { throw .tooLarge(offset: streamOffset, length: length) }
        guard rest.count - n >= Int(length) else { return .needMore }
        guard length > 0 else { throw .badCID(offset: streamOffset + n, .truncated) }
        let body = UnsafeRawBufferPointer(rebasing: rest[n..<(n + Int(length))])
        let cid: CID, cidLen: Int
        do { (cid, cidLen) = try CID.decodePrefix(body) } catch {
            throw .badCID(offset: streamOffset + n, error == .truncated ? .digestLengthMismatch : error)
        }
        let start = at + n + cidLen
        return .section(cid, start..<(at + n + Int(length)), total: n + Int(length))
    }

    /// Checks a block's hash against its CID.
    @inline(__always) static func verify(_ cid: CID, _ block: UnsafeRawBufferPointer) throws(CARError) {
        switch cid.matches(block) {
        case true?: return
        case false?: throw .hashMismatch(cid)
        case nil: throw .unsupportedHash(cid)
        }
    }
}
