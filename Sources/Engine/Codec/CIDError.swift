// CIDError.swift: why a CID could not be read.
// Book: docs/05-cid-dag-cbor.md.

/// Why bytes or text are not a CID this engine can hold.
public enum CIDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input ends inside the CID.
    case truncated
    /// A varint is not minimal or too long.
    case badVarint
    /// A version other than 0 or 1.
    case unsupportedVersion(UInt64)
    /// A multicodec or multihash code beyond 32 bits.
    case codeTooLarge
    /// A digest longer than 32 bytes (only 256-bit hashes are held inline).
    case digestTooLong(Int)
    /// The digest length prefix disagrees with the bytes present.
    case digestLengthMismatch
    /// Bytes after a CID that should fill the input.
    case trailingBytes
    /// Text that is not a supported multibase CID string.
    case badString

    public var description: String {
        switch self {
        case .truncated: "CID truncated"
        case .badVarint: "CID has a malformed varint"
        case .unsupportedVersion(let v): "CID version \(v) not supported"
        case .codeTooLarge: "CID codec or hash code too large"
        case .digestTooLong(let n): "CID digest of \(n) bytes is longer than 32"
        case .digestLengthMismatch: "CID digest length does not match"
        case .trailingBytes: "bytes after the CID"
        case .badString: "not a CID string"
        }
    }
}
