// LexiconType.swift: the schema of one value (a field, an array item, a body).
// Book: docs/09-lexicons.md ("The schema model").

/// What a value must look like: one of the lexicon field types.
///
/// Refs are kept by their canonical name (`nsid#name`); the catalog looks them up when it
/// validates, and has already checked at load time that every one of them exists.
public indirect enum LexiconType: Sendable, Equatable {
    /// `true` or `false`.
    case boolean(LexiconBoolean)
    /// A 64-bit signed integer.
    case integer(LexiconInteger)
    /// A text string, possibly with a format and limits.
    case string(LexiconString)
    /// A byte string.
    case bytes(LexiconBytes)
    /// A link (`{"$link": cid}` in JSON, tag 42 in CBOR).
    case cidLink
    /// A blob reference object.
    case blob(LexiconBlob)
    /// A list of values of one type.
    case array(LexiconArray)
    /// A map with named properties.
    case object(LexiconObject)
    /// The definition named by a ref: `nsid#name`.
    case ref(String)
    /// An object carrying a `$type` that picks one of several definitions.
    case union(LexiconUnion)
    /// Any object (a map); its content is not checked.
    case unknown

    /// The lexicon `type` name, for messages.
    public var typeName: String {
        switch self {
        case .boolean: "boolean"
        case .integer: "integer"
        case .string: "string"
        case .bytes: "bytes"
        case .cidLink: "cid-link"
        case .blob: "blob"
        case .array: "array"
        case .object: "object"
        case .ref: "ref"
        case .union: "union"
        case .unknown: "unknown"
        }
    }
}
