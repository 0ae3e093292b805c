// CARError.swift: why a CAR stream was rejected.
// Book: docs/08-car.md.

/// A CAR v1 failure with the byte offset (from the start of the stream) where it was found.
public enum CARError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream ended inside the header or a section.
    case truncated(offset: Int)
    /// A length prefix is not a minimal varint.
    case badVarint(offset: Int)
    /// The header is not `{roots: [links], version: 1}` in DAG-CBOR.
    case badHeader(String)
    /// A section or header longer than the configured limit.
    case tooLarge(offset: Int, length: UInt64)
    /// A section does not start with a readable CID.
    case badCID(offset: Int, CIDError)
    /// A block's bytes do not hash to its CID.
    case hashMismatch(CID)
    /// Verification was asked for a block whose hash function is not SHA-256.
    case unsupportedHash(CID)
    /// I/O failed reading the source.
    case io(String)

    public var description: String {
        switch self {
        case .truncated(let o): "CAR truncated at byte \(o)"
        case .badVarint(let o): "CAR has a bad length varint at byte \(o)"
        case .badHeader(let why): "CAR header invalid: \(why)"
        case .tooLarge(let o, let n): "CAR section of \(n) bytes at byte \(o) exceeds the limit"
        case .badCID(let o, let e): "CAR section at byte \(o): \(e)"
        case .hashMismatch(let c): "CAR block does not hash to \(c)"
        case .unsupportedHash(let c): "CAR block \(c) uses a hash this engine does not verify"
        case .io(let why): "CAR read failed: \(why)"
        }
    }
}
