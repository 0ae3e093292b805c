// JSONError.swift: why JSON is not valid atproto JSON.
// Book: docs/05-cid-dag-cbor.md.

/// A failure reading JSON or mapping it onto the atproto data model, with the byte offset.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// Not JSON at all (unexpected character, truncated, bad escape, bad UTF-8).
        case syntax
        /// Deeper nesting than allowed.
        case tooDeep
        /// A non-integral number, or one outside 64-bit range (atproto has no floats).
        case number
        /// The same key twice in one object.
        case duplicateKey
        /// A `$link` object that is not exactly `{"$link": "<cid>"}`.
        case badLink
        /// A `$bytes` object that is not exactly `{"$bytes": "<base64>"}`.
        case badBytes
        /// A blob object missing `ref`, `mimeType` or an integer `size`.
        case badBlob
        /// A `$type` that is not a non-empty string.
        case badType
        /// The top level is not an object where one is required.
        case notObject
    }

    /// What went wrong.
    public let kind: Kind
    /// Byte offset in the input.
    public let offset: Int

    /// An error.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String { "JSON \(kind) at byte \(offset)" }
}
