// LexiconCatalog.swift: the set of loaded lexicons, with every ref checked, that records are validated against.
// Book: docs/09-lexicons.md ("Loading" and "Resolving refs").

/// All loaded lexicon documents, indexed by definition. Immutable once built, so one catalog is
/// shared by every request and task.
///
/// Building a catalog checks every document and then every ref and union member in all of them:
/// a catalog that exists has no dangling refs, so validation never meets one.
public struct LexiconCatalog: Sendable {
    /// The documents by NSID.
    public let documents: [NSID: LexiconDocument]
    /// Every definition by canonical name (`nsid#name`).
    let definitions: [String: LexiconDefinition]

    /// Builds a catalog from parsed documents; fails on two documents with one NSID, or on a ref
    /// to a definition that is missing or cannot be used where it is named.
    public init(documents: [LexiconDocument]) throws(LexiconError) {
        var docs: [NSID: LexiconDocument] = [:]
        var defs: [String: LexiconDefinition] = [:]
        docs.reserveCapacity(documents.count)
        for doc in documents {
            guard docs[doc.id] == nil else {
                throw LexiconError(.duplicateDocument, source: doc.id.string, "defined twice")
            }
            docs[doc.id] = doc
            for (name, def) in doc.defs { defs[doc.id.string + "#" + name] = def }
        }
        self.documents = docs
        self.definitions = defs
        try LexiconRefChecker(definitions: defs).checkAll(documents)
    }

    /// An empty catalog: every record is of an unknown lexicon.
    public init() {
        documents = [:]
        definitions = [:]
    }

    /// How many documents are loaded.
    public var count: Int { documents.count }

    /// The document for an NSID.
    public func document(_ nsid: NSID) -> LexiconDocument? { documents[nsid] }

    /// A definition by ref: `nsid#name`, or a bare `nsid` for `main`.
    public func definition(_ ref: String) -> LexiconDefinition? {
        definitions[ref] ?? definitions[ref + "#main"]
    }

    /// The `main` definition of an NSID.
    public func main(_ nsid: NSID) -> LexiconDefinition? { definitions[nsid.string + "#main"] }

    /// The record type of a collection, if the catalog has one.
    public func recordType(_ collection: NSID) -> LexiconRecord? {
        if case .record(let r)? = main(collection) { r } else { nil }
    }
}
