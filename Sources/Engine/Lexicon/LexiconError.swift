// LexiconError.swift: why a lexicon schema could not be loaded.
// Book: docs/09-lexicons.md ("Loading").

/// A lexicon document or catalog that cannot be loaded: unreadable, not JSON, not a valid schema,
/// or referring to a definition that does not exist.
///
/// This is about schemas, which the operator controls. Records that break a schema are reported
/// as a `LexiconViolation` instead.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: String, Sendable, Equatable {
        /// A file or directory could not be read.
        case io
        /// The bytes are not atproto JSON.
        case json
        /// The document is JSON but not a valid lexicon (wrong field type, unknown `type`, bad limits…).
        case invalidSchema
        /// Two documents define the same NSID.
        case duplicateDocument
        /// A `ref` or union member names a definition that is not in the catalog.
        case unresolvedRef
        /// A `ref` or union member names a definition of the wrong kind (a query, a permission set…).
        case badRefTarget
        /// Definitions that refer to each other in a loop with no value in between.
        case refCycle
    }

    /// What kind of problem.
    public let kind: Kind
    /// Where the document came from: a file path, an NSID or `document[i]`.
    public let source: String
    /// Where inside the document, as `/`-separated keys (`defs/main/record/properties/text`);
    /// empty for the whole document.
    public let path: String
    /// A short explanation.
    public let reason: String

    /// An error.
    public init(_ kind: Kind, source: String, path: String = "", _ reason: String) {
        self.kind = kind
        self.source = source
        self.path = path
        self.reason = reason
    }

    /// One line: source, path and reason.
    public var description: String {
        path.isEmpty ? "lexicon \(source): \(reason)" : "lexicon \(source) at \(path): \(reason)"
    }
}
