// LexiconCatalogTests.swift: loading the whole lexicons/ tree, ref resolution and schema errors.
// Book: docs/09-lexicons.md.

import Engine
import Foundation
import Testing

@Suite("Lexicon catalog")
struct LexiconCatalogTests {
    @Test func loadsEveryLexiconQuickly() throws {
        let start = ContinuousClock.now
        let catalog = try LexiconCatalog(directory: LexiconFixtures.lexiconsDirectory)
        let elapsed = ContinuousClock.now - start
        print("lexicon catalog: \(catalog.count) documents in \(elapsed)")
        #expect(catalog.count >= 390)
        #expect(elapsed < .seconds(5))
        #expect(catalog.recordType(nsid("app.bsky.feed.post"))?.key == .tid)
        #expect(catalog.recordType(nsid("app.bsky.actor.profile"))?.key == .literal("self"))
        guard case .query? = catalog.main(nsid("com.atproto.repo.getRecord")) else {
            Issue.record("getRecord is not a query")
            return
        }
        guard case .procedure? = catalog.main(nsid("com.atproto.repo.createRecord")) else {
            Issue.record("createRecord is not a procedure")
            return
        }
        guard case .subscription? = catalog.main(nsid("com.atproto.sync.subscribeRepos")) else {
            Issue.record("subscribeRepos is not a subscription")
            return
        }
    }

    @Test func refsAreCanonical() {
        // `#replyRef` inside app.bsky.feed.post and the bare NSID `com.atproto.repo.strongRef` both expand.
        guard
            case .object(let reply)? = LexiconFixtures.all.definition("app.bsky.feed.post#replyRef").flatMap({
                if case .value(let t) = $0 { t } else { nil }
            })
        else {
            Issue.record("no replyRef object")
            return
        }
        #expect(
            reply.properties.map(\.type) == [
                .ref("com.atproto.repo.strongRef#main"), .ref("com.atproto.repo.strongRef#main"),
            ])
        #expect(LexiconFixtures.all.definition("com.atproto.repo.strongRef") != nil)
    }

    static func doc(_ text: String) throws -> LexiconDocument { try LexiconDocument(value: json(text)) }

    @Test func danglingRefIsATypedError() throws {
        let d = try Self.doc(
            ##"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"object","properties":{"x":{"type":"ref","ref":"#missing"}}}}}"##
        )
        #expect {
            _ = try LexiconCatalog(documents: [d])
        } throws: { e in
            guard let e = e as? LexiconError else { return false }
            return e.kind == .unresolvedRef && e.source == "com.example.a" && e.path == "defs/main/properties/x/ref"
        }
    }

    @Test func unionOfAStringIsABadTarget() throws {
        let d = try Self.doc(
            ##"{"lexicon":1,"id":"com.example.a","defs":{"s":{"type":"string"},"main":{"type":"object","properties":{"u":{"type":"union","refs":["#s"]}}}}}"##
        )
        #expect { _ = try LexiconCatalog(documents: [d]) } throws: { ($0 as? LexiconError)?.kind == .badRefTarget }
    }

    @Test func duplicateDocumentIsRejected() throws {
        let d = try Self.doc(#"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"token"}}}"#)
        #expect { _ = try LexiconCatalog(documents: [d, d]) } throws: {
            ($0 as? LexiconError)?.kind == .duplicateDocument
        }
    }

    @Test(arguments: [
        // Not JSON / not atproto JSON.
        #"{"lexicon":1,"#,
        // Limits out of order, negative, unknown format, unknown type, bad record key, bad ref syntax.
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"string","minLength":5,"maxLength":2}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"string","maxGraphemes":-1}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"string","format":"email"}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"float"}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"record","key":"uuid","record":{"type":"object"}}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"object","properties":{"x":{"type":"ref","ref":"a#b#c"}}}}}"#,
        // Required property not listed; params of an object type; body of a string; message not a union.
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"object","required":["x"],"properties":{}}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"query","parameters":{"type":"params","properties":{"o":{"type":"object"}}}}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"procedure","input":{"encoding":"application/json","schema":{"type":"string"}}}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"subscription","message":{"schema":{"type":"object"}}}}}"#,
        // No definitions; a bad definition name; a blob pattern that is not a MIME type.
        #"{"lexicon":1,"id":"com.example.a","defs":{}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"a.b":{"type":"token"}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"blob","accept":["image"]}}}"#,
        // Items missing; const and default together.
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"array"}}}"#,
        #"{"lexicon":1,"id":"com.example.a","defs":{"main":{"type":"integer","const":1,"default":1}}}"#,
    ])
    func badSchemasThrow(_ text: String) {
        #expect(throws: LexiconError.self) { _ = try LexiconCatalog(json: [Array(text.utf8)]) }
    }

    @Test func errorsNameTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lexicon-test-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("com/example"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = #"{"lexicon":1,"id":"com.example.good","defs":{"main":{"type":"token"}}}"#
        let bad = #"{"lexicon":1,"id":"com.example.bad","defs":{"main":{"type":"string","format":"nope"}}}"#
        try Data(good.utf8).write(to: dir.appendingPathComponent("com/example/good.json"))
        try Data("not json".utf8).write(to: dir.appendingPathComponent("README.md"))
        #expect(try LexiconCatalog(directory: dir.path).count == 1)
        try Data(bad.utf8).write(to: dir.appendingPathComponent("com/example/bad.json"))
        #expect {
            _ = try LexiconCatalog(directory: dir.path)
        } throws: { e in
            guard let e = e as? LexiconError else { return false }
            return e.kind == .invalidSchema && e.source.hasSuffix("com/example/bad.json")
                && e.path == "defs/main/format"
        }
        #expect { _ = try LexiconCatalog(directory: dir.path + "/missing") } throws: {
            ($0 as? LexiconError)?.kind == .io
        }
    }

    @Test func recordKeyTypes() throws {
        #expect(LexiconRecordKeyType("tid")?.accepts(try RecordKey("3jzfcijpj2z2a")) == true)
        #expect(LexiconRecordKeyType("tid")?.accepts(try RecordKey("self")) == false)
        #expect(LexiconRecordKeyType("literal:self")?.accepts(try RecordKey("self")) == true)
        #expect(LexiconRecordKeyType("nsid")?.accepts(try RecordKey("app.bsky.feed.post")) == true)
        #expect(LexiconRecordKeyType("literal:") == nil)
    }
}
