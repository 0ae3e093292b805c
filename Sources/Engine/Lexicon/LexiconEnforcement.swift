// LexiconEnforcement.swift: what the server does with a validation outcome: log it, or refuse the write.
// Book: docs/09-lexicons.md ("Observe or enforce").

/// Whether records that break their lexicon are refused or only reported.
///
/// By default the server observes: it validates every write to a known collection, logs each
/// violation and stores the record anyway, so a schema this server has not caught up with never
/// blocks a client. `PDS_LEXICON_ENFORCE=true` switches to enforcing: violations are refused.
/// Either way a client that asks for validation (`validate: true`) gets it strictly.
public enum LexiconEnforcement: String, Sendable, Equatable {
    /// Log violations, accept the write.
    case observe
    /// Refuse writes that break their lexicon.
    case enforce

    /// The environment variable that selects the mode.
    public static let environmentVariable = "PDS_LEXICON_ENFORCE"

    /// Reads the mode from the environment: `true`, `1`, `yes` or `on` (any case) enforce; anything else observes.
    public init(environment: [String: String]) {
        switch environment[Self.environmentVariable]?.lowercased() {
        case "true", "1", "yes", "on": self = .enforce
        default: self = .observe
        }
    }

    /// Decides a write. `requested` is the client's `validate` flag: `false` skips validation,
    /// `true` demands it (an unknown lexicon or a violation is refused whatever the mode), and
    /// nil (absent) leaves it to the mode.
    public func decide(_ outcome: LexiconValidation, requested: Bool? = nil) -> LexiconDecision {
        if requested == false { return .unvalidated }
        switch outcome {
        case .valid: return .valid
        case .unknownLexicon(let nsid): return requested == true ? .rejectedUnknownLexicon(nsid) : .unvalidated
        case .invalid(let v): return self == .enforce || requested == true ? .rejected(v) : .acceptedDespite(v)
        }
    }
}

/// What to do with a write, given its validation outcome and the mode.
public enum LexiconDecision: Sendable, Equatable {
    /// Store it; it was validated.
    case valid
    /// Store it; it was not validated (asked not to, or no lexicon for it).
    case unvalidated
    /// Store it, and log the violation (observe mode).
    case acceptedDespite(LexiconViolation)
    /// Refuse it with this violation (`InvalidRecord` / `InvalidRequest`).
    case rejected(LexiconViolation)
    /// Refuse it: validation was demanded and there is no lexicon for the collection.
    case rejectedUnknownLexicon(NSID)

    /// Whether the write goes ahead.
    public var accepts: Bool {
        switch self {
        case .valid, .unvalidated, .acceptedDespite: true
        case .rejected, .rejectedUnknownLexicon: false
        }
    }

    /// The `validationStatus` a write reply carries: `valid`, `unknown`, or nil when refused.
    public var validationStatus: String? {
        switch self {
        case .valid: "valid"
        case .unvalidated, .acceptedDespite: "unknown"
        case .rejected, .rejectedUnknownLexicon: nil
        }
    }
}
