// LexiconScalars.swift: the schemas of single values: boolean, integer, string, bytes, blob.
// Book: docs/09-lexicons.md ("The schema model").

/// A boolean field.
public struct LexiconBoolean: Sendable, Equatable {
    /// The only value allowed, if set.
    public var const: Bool?
    /// The value assumed when the field is absent (used for query parameters).
    public var `default`: Bool?

    /// A boolean schema.
    public init(const: Bool? = nil, default: Bool? = nil) {
        self.const = const
        self.default = `default`
    }
}

/// An integer field.
public struct LexiconInteger: Sendable, Equatable {
    /// Smallest value allowed.
    public var minimum: Int64?
    /// Largest value allowed.
    public var maximum: Int64?
    /// The only values allowed, if set.
    public var `enum`: [Int64]?
    /// The only value allowed, if set.
    public var const: Int64?
    /// The value assumed when the field is absent.
    public var `default`: Int64?

    /// An integer schema.
    public init(
        minimum: Int64? = nil, maximum: Int64? = nil, enum: [Int64]? = nil, const: Int64? = nil,
        default: Int64? = nil
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.enum = `enum`
        self.const = const
        self.default = `default`
    }
}

/// A string field.
public struct LexiconString: Sendable, Equatable {
    /// A syntax the string must follow.
    public var format: LexiconStringFormat?
    /// Shortest length, in UTF-8 bytes.
    public var minLength: Int?
    /// Longest length, in UTF-8 bytes.
    public var maxLength: Int?
    /// Fewest extended grapheme clusters (user-perceived characters).
    public var minGraphemes: Int?
    /// Most extended grapheme clusters.
    public var maxGraphemes: Int?
    /// The only values allowed, if set.
    public var `enum`: [String]?
    /// Suggested values; documentation only, never enforced.
    public var knownValues: [String]?
    /// The only value allowed, if set.
    public var const: String?
    /// The value assumed when the field is absent.
    public var `default`: String?

    /// A string schema.
    public init(
        format: LexiconStringFormat? = nil, minLength: Int? = nil, maxLength: Int? = nil,
        minGraphemes: Int? = nil, maxGraphemes: Int? = nil, enum: [String]? = nil,
        knownValues: [String]? = nil, const: String? = nil, default: String? = nil
    ) {
        self.format = format
        self.minLength = minLength
        self.maxLength = maxLength
        self.minGraphemes = minGraphemes
        self.maxGraphemes = maxGraphemes
        self.enum = `enum`
        self.knownValues = knownValues
        self.const = const
        self.default = `default`
    }
}

/// A byte-string field.
public struct LexiconBytes: Sendable, Equatable {
    /// Fewest bytes.
    public var minLength: Int?
    /// Most bytes.
    public var maxLength: Int?

    /// A bytes schema.
    public init(minLength: Int? = nil, maxLength: Int? = nil) {
        self.minLength = minLength
        self.maxLength = maxLength
    }
}

/// A blob field: a reference to uploaded bytes with a MIME type and a size.
public struct LexiconBlob: Sendable, Equatable {
    /// Accepted MIME types; `image/*` and `*/*` are wildcards. Nil accepts any.
    public var accept: [String]?
    /// Largest size in bytes.
    public var maxSize: Int64?

    /// A blob schema.
    public init(accept: [String]? = nil, maxSize: Int64? = nil) {
        self.accept = accept
        self.maxSize = maxSize
    }
}
