// LexiconStringFormat.swift: the string formats a lexicon can require, checked with the Syntax types.
// Book: docs/09-lexicons.md ("What the validator checks").

/// A syntax a string field must follow (`"format"` in a string schema).
public enum LexiconStringFormat: String, Sendable, Equatable, CaseIterable {
    /// A DID or a handle.
    case atIdentifier = "at-identifier"
    /// An `at://` URI.
    case atURI = "at-uri"
    /// A CID in string form.
    case cid
    /// An RFC 3339 datetime as atproto restricts it.
    case datetime
    /// A DID.
    case did
    /// A handle.
    case handle
    /// A namespaced identifier.
    case nsid
    /// A timestamp identifier.
    case tid
    /// A record key.
    case recordKey = "record-key"
    /// A generic URI.
    case uri
    /// A BCP-47 language tag.
    case language

    /// Whether `string` follows this format, by the same rules as the `Syntax` types.
    public func accepts(_ string: String) -> Bool {
        switch self {
        case .atIdentifier: (try? ATIdentifier(string)) != nil
        case .atURI: (try? ATURI(string)) != nil
        case .cid: (try? CIDString(string)) != nil
        case .datetime: (try? Datetime(string)) != nil
        case .did: (try? DID(string)) != nil
        case .handle: (try? Handle(string)) != nil
        case .nsid: (try? NSID(string)) != nil
        case .tid: (try? TID(string)) != nil
        case .recordKey: (try? RecordKey(string)) != nil
        case .uri: (try? URIString(string)) != nil
        case .language: (try? Language(string)) != nil
        }
    }
}
