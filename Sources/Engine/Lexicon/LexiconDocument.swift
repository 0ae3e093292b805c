// LexiconDocument.swift: one lexicon JSON file, parsed into the schema model.
// Book: docs/09-lexicons.md ("Loading").

/// A parsed lexicon document: an NSID and its named definitions.
///
/// Parsing checks each document on its own (field types, limits, formats, which kinds may be
/// named what) and turns every ref into its canonical `nsid#name` form. Whether the refs point
/// at something is checked when documents are put together in a `LexiconCatalog`.
public struct LexiconDocument: Sendable, Equatable {
    /// The document's NSID (`"id"`).
    public let id: NSID
    /// The document's `"description"`.
    public let description: String?
    /// The definitions by name (`main`, `replyRef`, …).
    public let defs: [String: LexiconDefinition]

    /// A document built in code.
    public init(id: NSID, description: String? = nil, defs: [String: LexiconDefinition]) {
        self.id = id
        self.description = description
        self.defs = defs
    }

    /// Parses a document from JSON bytes; `source` names it in errors (a path, say).
    public init(json: [UInt8], source: String = "document") throws(LexiconError) {
        let value: IPLD
        do { value = try AtprotoJSON.decode(json) } catch {
            throw LexiconError(.json, source: source, error.description)
        }
        try self.init(value: value, source: source)
    }

    /// Parses a document already decoded into the data model.
    public init(value: IPLD, source: String = "document") throws(LexiconError) {
        self = try LexiconParser.document(value, source: source)
    }

    /// The `main` definition, if any.
    public var main: LexiconDefinition? { defs["main"] }
}
