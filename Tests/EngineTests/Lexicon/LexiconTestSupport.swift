// LexiconTestSupport.swift: the shared catalogs and small helpers of the lexicon tests. Book: docs/09-lexicons.md.

import Engine
import Foundation
import Testing

/// Catalogs loaded once for all lexicon tests.
enum LexiconFixtures {
    /// The repository's `lexicons/` directory (next to `Tests/`).
    static let lexiconsDirectory: String = Fixtures.root
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lexicons").path

    /// The interop schema catalog directory.
    static let interopCatalogDirectory: String = Fixtures.url("interop/lexicon/catalog").path

    /// Every lexicon in `lexicons/`.
    static let all: LexiconCatalog = {
        do { return try LexiconCatalog(directory: lexiconsDirectory) } catch {
            fatalError("loading \(lexiconsDirectory): \(error)")
        }
    }()

    /// `lexicons/` plus the interop catalog (`example.lexicon.*`, whose procedure refers to `app.bsky.actor.defs`).
    static let withInterop: LexiconCatalog = {
        do {
            var docs = Array(all.documents.values)
            for name in ["record", "query", "procedure", "subscription", "permission-set"] {
                docs.append(try document("interop/lexicon/catalog/\(name).json"))
            }
            return try LexiconCatalog(documents: docs)
        } catch {
            fatalError("loading the interop catalog: \(error)")
        }
    }()

    /// A lexicon document from a fixture file.
    static func document(_ relative: String) throws -> LexiconDocument {
        try LexiconDocument(json: Array(Fixtures.data(relative)), source: relative)
    }
}

/// Parses atproto JSON text; a test's own literal, so a failure is a bug in the test.
func json(_ text: String) -> IPLD {
    do { return try AtprotoJSON.decode(text) } catch { fatalError("bad test JSON (\(error)): \(text)") }
}

/// A known-good CID string for blob and link fixtures.
let sampleCID = "bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy"

/// An NSID literal.
func nsid(_ s: String) -> NSID {
    do { return try NSID(s) } catch { fatalError("bad NSID \(s)") }
}

extension LexiconValidation {
    /// The violation's path, or nil.
    var path: String? { violation?.path }
}
