// IdentityError.swift: why a DID document could not be read.
// Book: docs/12-accounts-and-dids.md ("DID documents").

/// A failure reading a DID document (did:plc or did:web) from untrusted JSON.
///
/// No case carries document text, so descriptions are safe to log.
public enum IdentityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not JSON, or not atproto JSON (floats, bad escapes, too deep).
    case json(JSONError)
    /// Larger than the limit, before parsing.
    case tooLarge(bytes: Int, limit: Int)
    /// A required field is missing or a field has the wrong type: the reason names the field.
    case malformedDocument(String)
    /// A list has more entries than allowed.
    case tooManyEntries(field: String, count: Int, limit: Int)

    /// A log-safe description.
    public var description: String {
        switch self {
        case .json(let e): "DID document: \(e)"
        case .tooLarge(let n, let limit): "DID document is \(n) bytes, limit \(limit)"
        case .malformedDocument(let why): "malformed DID document: \(why)"
        case .tooManyEntries(let field, let n, let limit): "DID document \(field) has \(n) entries, limit \(limit)"
        }
    }
}
