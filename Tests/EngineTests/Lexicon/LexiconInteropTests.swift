// LexiconInteropTests.swift: the interop lexicon fixtures: valid and invalid schemas, and the example catalog.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("Interop lexicon fixtures")
struct LexiconInteropTests {
    /// The `[{name, lexicon}]` entries of a fixture list.
    static func entries(_ file: String) throws -> [(name: String, lexicon: IPLD)] {
        let list = try AtprotoJSON.decode(Array(Fixtures.data("interop/lexicon/\(file)")))
        return (list.listValue ?? []).map { ($0["name"]?.stringValue ?? "?", $0["lexicon"] ?? .null) }
    }

    @Test func validSchemasLoad() throws {
        let entries = try Self.entries("lexicon-valid.json")
        #expect(entries.count >= 3)
        for (name, lexicon) in entries {
            #expect(throws: Never.self, "\(name)") { _ = try LexiconDocument(value: lexicon, source: name) }
        }
    }

    @Test func invalidSchemasAreRejected() throws {
        let entries = try Self.entries("lexicon-invalid.json")
        #expect(entries.count >= 7)
        for (name, lexicon) in entries {
            #expect(throws: LexiconError.self, "\(name)") {
                _ = try LexiconCatalog(documents: [try LexiconDocument(value: lexicon, source: name)])
            }
        }
    }

    @Test func invalidSchemasSayWhere() throws {
        let byName = Dictionary(
            uniqueKeysWithValues: try Self.entries("lexicon-invalid.json").map { ($0.name, $0.lexicon) })
        func error(_ name: String) -> LexiconError? {
            do { _ = try LexiconDocument(value: byName[name]!, source: name) } catch { return error }
            return nil
        }
        #expect(error("invalid lexicon field")?.path == "lexicon")
        #expect(error("invalid id field")?.path == "id")
        #expect(error("invalid NSID")?.path == "id")
        #expect(error("defined unknown")?.path == "defs/demo")
        #expect(error("defined ref")?.path == "defs/demo")
        #expect(error("non-main primary")?.path == "defs/demo")
        #expect(error("record missing type object")?.path == "defs/main/record/type")
    }

    @Test(arguments: ["record", "query", "procedure", "subscription", "permission-set"])
    func catalogFileParses(_ name: String) throws {
        let doc = try LexiconFixtures.document("interop/lexicon/catalog/\(name).json")
        #expect(doc.id.string.hasPrefix("example.lexicon."))
        #expect(doc.main?.typeName == name)
    }

    @Test func catalogAloneHasADanglingRef() {
        // procedure.json refers to app.bsky.actor.defs#preferences, which the directory lacks.
        #expect {
            _ = try LexiconCatalog(directory: LexiconFixtures.interopCatalogDirectory)
        } throws: { ($0 as? LexiconError)?.kind == .unresolvedRef }
    }

    @Test func catalogWithTheRealLexiconsResolves() {
        #expect(LexiconFixtures.withInterop.count == LexiconFixtures.all.count + 5)
    }

    @Test func exampleRecordSchemaIsModelledFaithfully() throws {
        guard let record = LexiconFixtures.withInterop.recordType(nsid("example.lexicon.record")) else {
            Issue.record("no record type")
            return
        }
        #expect(record.key == .literal("demo"))
        let props = Dictionary(uniqueKeysWithValues: record.record.properties.map { ($0.name, $0) })
        #expect(props["integer"]?.isRequired == true)
        #expect(props["nullableString"]?.isNullable == true)
        #expect(
            props["closedUnion"]?.type
                == .union(LexiconUnion(refs: ["example.lexicon.record#demoObject"], isClosed: true)))
        #expect(props["ref"]?.type == .ref("example.lexicon.record#demoObject"))
        #expect(props["acceptBlob"]?.type == .blob(LexiconBlob(accept: ["image/*"])))
        #expect(props["graphemeString"]?.type == .string(LexiconString(minGraphemes: 10, maxGraphemes: 20)))
    }
}
