// LexiconValidation.swift: the outcome of validating a value: valid, invalid, or no schema to check.
// Book: docs/09-lexicons.md ("What the validator checks").

/// The outcome of validating a record or a body.
///
/// A missing schema is not an error: atproto lets repos hold records of any collection, so the
/// server decides what an unknown lexicon means (see `LexiconEnforcement`).
public enum LexiconValidation: Sendable, Equatable {
    /// The value matches its schema.
    case valid
    /// The value breaks its schema.
    case invalid(LexiconViolation)
    /// The catalog has no definition for this NSID.
    case unknownLexicon(NSID)

    /// True only for `.valid`.
    public var isValid: Bool { if case .valid = self { true } else { false } }

    /// The violation, if invalid.
    public var violation: LexiconViolation? { if case .invalid(let v) = self { v } else { nil } }
}

/// The outcome of validating query-string parameters: on success, the parameters as typed
/// values (integers, booleans, strings, lists of those) with schema defaults filled in.
public enum LexiconParamsValidation: Sendable, Equatable {
    /// The parameters match; the typed values, keyed by parameter name.
    case valid(IPLDMap)
    /// A parameter is missing, cannot be read as its type, or breaks its schema.
    case invalid(LexiconViolation)
    /// The catalog has no definition for this NSID.
    case unknownLexicon(NSID)

    /// The violation, if invalid.
    public var violation: LexiconViolation? { if case .invalid(let v) = self { v } else { nil } }
}

/// Limits and leniencies for validation.
public struct LexiconValidationOptions: Sendable, Equatable {
    /// How deep the validator follows nested values and refs before giving up with `tooDeep`.
    public var maxDepth: Int
    /// Accept legacy blob references (`{"cid": "…", "mimeType": "…"}`, from 2023 data).
    public var allowLegacyBlobs: Bool

    /// Options; the defaults suit records written today.
    public init(maxDepth: Int = 64, allowLegacyBlobs: Bool = false) {
        self.maxDepth = maxDepth
        self.allowLegacyBlobs = allowLegacyBlobs
    }

    /// The defaults: depth 64, legacy blobs refused.
    public static let `default` = LexiconValidationOptions()
}
