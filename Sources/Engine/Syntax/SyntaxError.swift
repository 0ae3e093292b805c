// SyntaxError.swift: the one error type for identifier and string-format validation. Book: docs/01-atproto.md.

/// A string that failed atproto syntax validation.
public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which identifier or string format was being validated.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A DID (`did:method:identifier`).
        case did
        /// A handle (a DNS name).
        case handle
        /// A namespaced identifier (`com.example.fooBar`).
        case nsid
        /// A timestamp identifier (13 base32-sortable chars).
        case tid
        /// A record key.
        case recordKey
        /// An `at://` URI.
        case atURI
        /// An RFC 3339 / ISO 8601 datetime.
        case datetime
        /// A BCP-47 language tag.
        case language
        /// A CID in string form (syntax only).
        case cid
        /// A DID or a handle.
        case atIdentifier
        /// A generic URI (the Lexicon `uri` format).
        case uri
    }

    /// The most characters of the offending input kept for diagnostics.
    public static let maxEchoedCharacters = 64

    /// Which format was being validated.
    public let kind: Kind
    /// A short, fixed explanation of the rule that was broken.
    public let reason: String
    /// The offending input, cut to `maxEchoedCharacters` Unicode scalars.
    public let input: String
    /// Whether `input` was cut short.
    public let inputTruncated: Bool

    /// Creates an error, keeping at most `maxEchoedCharacters` scalars of the input.
    public init(_ kind: Kind, _ reason: String, input: String) {
        self.kind = kind
        self.reason = reason
        let scalars = input.unicodeScalars
        var end = scalars.startIndex
        var count = 0
        while end != scalars.endIndex && count < Self.maxEchoedCharacters {
            scalars.formIndex(after: &end)
            count += 1
        }
        self.inputTruncated = end != scalars.endIndex
        self.input = String(scalars[scalars.startIndex..<end])
    }

    /// The same error reported as another kind (used when one format embeds another).
    func reported(as kind: Kind, input: String) -> SyntaxError {
        SyntaxError(kind, "invalid \(self.kind.rawValue) (\(reason))", input: input)
    }

    /// A one-line, escaped, length-bounded description.
    public var description: String {
        var quoted = input.debugDescription
        if inputTruncated {
            quoted.removeLast()
            quoted += "…\""
        }
        return "invalid \(kind.rawValue): \(reason) (input: \(quoted))"
    }
}
