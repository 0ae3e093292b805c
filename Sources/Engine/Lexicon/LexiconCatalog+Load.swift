// LexiconCatalog+Load.swift: building a catalog from a directory of JSON files or from JSON bytes.
// Book: docs/09-lexicons.md ("Loading").

extension LexiconCatalog {
    /// Loads every `*.json` file under `directory`, recursively (hidden entries skipped), and
    /// checks the result. Errors name the file.
    public init(directory: String) throws(LexiconError) {
        var docs: [LexiconDocument] = []
        for path in try LexiconFiles.jsonFiles(under: directory) {
            docs.append(try LexiconDocument(json: try LexiconFiles.read(path), source: path))
        }
        try self.init(documents: docs)
    }

    /// Loads documents given as JSON bytes; errors name them `document[i]`.
    public init(json: [[UInt8]]) throws(LexiconError) {
        var docs: [LexiconDocument] = []
        docs.reserveCapacity(json.count)
        for (i, bytes) in json.enumerated() {
            docs.append(try LexiconDocument(json: bytes, source: "document[\(i)]"))
        }
        try self.init(documents: docs)
    }

    /// This catalog plus more documents (for tests and for schemas added at run time).
    public func adding(_ more: [LexiconDocument]) throws(LexiconError) -> LexiconCatalog {
        try LexiconCatalog(documents: Array(documents.values) + more)
    }
}
