// SyntaxErrorTests.swift: error kinds and bounded descriptions; language tag details. Book: docs/01-atproto.md.

import Engine
import Testing

@Suite("SyntaxError")
struct SyntaxErrorTests {
    @Test("kind follows the type")
    func kinds() {
        func kind(_ body: () throws -> Void) -> SyntaxError.Kind? {
            do { try body() } catch let error as SyntaxError { return error.kind } catch {}
            return nil
        }
        #expect(kind { _ = try DID("nope") } == .did)
        #expect(kind { _ = try Handle("nope") } == .handle)
        #expect(kind { _ = try NSID("nope") } == .nsid)
        #expect(kind { _ = try TID("nope") } == .tid)
        #expect(kind { _ = try RecordKey("no pe") } == .recordKey)
        #expect(kind { _ = try ATURI("nope") } == .atURI)
        #expect(kind { _ = try Datetime("nope") } == .datetime)
        #expect(kind { _ = try Language("nope") } == .language)
        #expect(kind { _ = try CIDString("nope") } == .cid)
        #expect(kind { _ = try ATIdentifier("nope") } == .atIdentifier)
        #expect(kind { _ = try URIString("nope") } == .uri)
    }

    @Test("description never echoes a huge input")
    func truncation() {
        let huge = "did:method:" + String(repeating: "v", count: 100_000) + "/"
        do {
            _ = try DID(huge)
            Issue.record("accepted an oversized DID")
        } catch let error as SyntaxError {
            #expect(error.input.unicodeScalars.count == SyntaxError.maxEchoedCharacters)
            #expect(error.inputTruncated)
            #expect(error.description.count < 200)
            #expect(error.description.hasPrefix("invalid did: "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        let short = SyntaxError(.handle, "empty label", input: "a..b")
        #expect(short.description == "invalid handle: empty label (input: \"a..b\")")
        #expect(!short.inputTruncated)
    }

    @Test("language tag details")
    func language() throws {
        #expect(try Language("pt-BR").primary == "pt")
        #expect(try Language("x-private").primary == "x")
        for invalid in ["en-a", "en-x", "en-GB-GB", "i-foo", "en--GB", "en-abcdefghi"] {
            #expect(throws: SyntaxError.self, "\(invalid)") { try Language(invalid) }
        }
        for valid in ["en-x-a", "zh-yue-HK", "en-GB-oed", "de-1996", "en-US-u-islamcal"] {
            #expect(throws: Never.self, "\(valid)") { try Language(valid) }
        }
    }
}
