// LexiconViolation.swift: why a value does not match its lexicon, and where.
// Book: docs/09-lexicons.md ("What the validator checks").

/// The first place a value breaks its schema: a path such as `record/embed/images/0/alt` and
/// what is wrong there. The description never contains the value itself; only a `$type` or a
/// blob MIME type is echoed, cut to 64 characters.
public struct LexiconViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// What a length limit counts.
    public enum Unit: String, Sendable, Equatable {
        /// UTF-8 bytes of a string (`minLength`/`maxLength`).
        case utf8Bytes = "UTF-8 bytes"
        /// Extended grapheme clusters of a string (`minGraphemes`/`maxGraphemes`).
        case graphemes
        /// Items of an array.
        case items
        /// Bytes of a byte string.
        case bytes
    }

    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// The value has the wrong data-model type (`expected` is a lexicon type name).
        case wrongType(expected: String)
        /// A required property is absent (the path ends with its name).
        case missingRequired
        /// Longer than allowed.
        case tooLong(max: Int, unit: Unit)
        /// Shorter than allowed.
        case tooShort(min: Int, unit: Unit)
        /// Not one of the schema's `enum` values.
        case notInEnum
        /// Not the schema's `const` value (or not the token named).
        case notConst
        /// An integer below `minimum`.
        case belowMinimum(Int64)
        /// An integer above `maximum`.
        case aboveMaximum(Int64)
        /// A string that does not follow its format.
        case badFormat(LexiconStringFormat)
        /// A union value or a record without a string `$type`.
        case missingType
        /// A closed union's value whose `$type` is not one of its members.
        case typeNotAllowed(String)
        /// A record whose `$type` is not its collection.
        case recordTypeMismatch(expected: String)
        /// A blob object missing `ref`, `mimeType` or a non-negative `size`.
        case malformedBlob
        /// A legacy blob (`{cid, mimeType}`), refused unless the options allow it.
        case legacyBlob
        /// A blob whose MIME type is not accepted.
        case mimeTypeNotAccepted(String)
        /// A blob larger than `maxSize`.
        case blobTooLarge(max: Int64)
        /// The NSID names a definition of another kind (a query where a record was expected…).
        case wrongDefinition(expected: String, found: String)
        /// Nested deeper than the validator follows.
        case tooDeep(limit: Int)
    }

    /// Where: `/`-separated keys and indexes from the root (`record`, `input`, `output`, `params`, `message`).
    public let path: String
    /// What is wrong.
    public let kind: Kind

    /// A violation.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// The most characters of a `$type` or MIME type kept.
    public static let maxEchoedCharacters = 64

    /// `value` cut to `maxEchoedCharacters` Unicode scalars.
    static func echo(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard scalars.count > maxEchoedCharacters else { return value }
        return String(String.UnicodeScalarView(scalars.prefix(maxEchoedCharacters))) + "…"
    }

    /// One line: `path: message`.
    public var description: String { "\(path): \(message)" }

    /// The explanation without the path.
    public var message: String {
        switch kind {
        case .wrongType(let t): "must be \(t == "object" || t == "integer" || t == "array" ? "an" : "a") \(t)"
        case .missingRequired: "is required"
        case .tooLong(let n, let unit): "must be at most \(n) \(unit.rawValue)"
        case .tooShort(let n, let unit): "must be at least \(n) \(unit.rawValue)"
        case .notInEnum: "is not one of the allowed values"
        case .notConst: "is not the required value"
        case .belowMinimum(let n): "must be at least \(n)"
        case .aboveMaximum(let n): "must be at most \(n)"
        case .badFormat(let f): "must be a valid \(f.rawValue)"
        case .missingType: "must be an object with a string $type"
        case .typeNotAllowed(let t): "$type \(t.debugDescription) is not one of the union's members"
        case .recordTypeMismatch(let e): "$type must be \(e)"
        case .malformedBlob: "is not a well-formed blob"
        case .legacyBlob: "is a legacy blob reference"
        case .mimeTypeNotAccepted(let m): "MIME type \(m.debugDescription) is not accepted"
        case .blobTooLarge(let n): "blob must be at most \(n) bytes"
        case .wrongDefinition(let e, let f): "is a \(f) definition, not a \(e)"
        case .tooDeep(let n): "nested deeper than \(n) levels"
        }
    }
}
