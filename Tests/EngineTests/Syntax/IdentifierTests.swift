// IdentifierTests.swift: parts, normalisation and coding of the identifier types. Book: docs/01-atproto.md.

import Engine
import Foundation
import Testing

@Suite("Identifiers")
struct IdentifierTests {
    @Test("DID parts")
    func didParts() throws {
        let plc = try DID("did:plc:7iza6de2dwap2sbkpav7c6c6")
        #expect(plc.method == "plc")
        #expect(plc.identifier == "7iza6de2dwap2sbkpav7c6c6")
        #expect(plc.isPLC && !plc.isWeb)
        let web = try DID("did:web:localhost%3A1234")
        #expect(web.method == "web")
        #expect(web.identifier == "localhost%3A1234")
        #expect(web.isWeb && !web.isPLC)
        #expect(try DID("did:method::::val").identifier == ":::val")
    }

    @Test("did:plc fast path agrees with the general rule")
    func didPLCFastPath() throws {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        for _ in 0..<200 {
            let id = String((0..<24).map { _ in alphabet.randomElement()! })
            #expect(try DID("did:plc:" + id).identifier == id)
        }
        // Near misses the fast path declines; the general rule still decides (all are valid DID syntax).
        for id in [
            "7iza6de2dwap2sbkpav7c6c", "7iza6de2dwap2sbkpav7c6c6a", "7IZA6DE2DWAP2SBKPAV7C6C6",
            "0189aaaaaaaaaaaaaaaaaaaa",
        ] {
            #expect(try DID("did:plc:" + id).method == "plc")
        }
        #expect(throws: SyntaxError.self) { try DID("did:plc:7iza6de2dwap2sbkpav7c6c/") }
        #expect(throws: SyntaxError.self) { try DID("did:plc:7iza6de2dwap2sbkpav7c6c:") }
    }

    @Test("handle is normalised to lower case")
    func handleNormalisation() throws {
        let handle = try Handle("Alice.BSKY.Social")
        #expect(handle.description == "alice.bsky.social")
        #expect(handle == (try Handle("alice.bsky.social")))
        #expect(handle.tld == "social")
        #expect(try Handle("XX.LCS.MIT.EDU").string == "xx.lcs.mit.edu")
        #expect(try ATIdentifier("John.Test") == .handle(try Handle("john.test")))
    }

    @Test("disallowed TLDs parse but are flagged")
    func disallowedTLDs() throws {
        for string in [
            "laptop.local", "laptop.arpa", "x.invalid", "a.localhost", "a.internal", "a.example", "a.alt",
            "expyuzz4wqqyqhjn.onion", "Laptop.LOCAL",
        ] {
            #expect(try Handle(string).isDisallowedTLD, "\(string)")
        }
        #expect(try !Handle("alice.bsky.social").isDisallowedTLD)
        #expect(try Handle(Handle.invalid).isInvalid)
    }

    @Test("NSID parts")
    func nsidParts() throws {
        let nsid = try NSID("Com.Example.fooBar")
        #expect(nsid.authority == "example.com")
        #expect(nsid.name == "fooBar")
        #expect(nsid.normalized.string == "com.example.fooBar")
        #expect(try NSID("app.bsky.feed.post").authority == "feed.bsky.app")
    }

    @Test("record keys")
    func recordKeys() throws {
        #expect(try RecordKey("self").string == "self")
        #expect(try RecordKey("...").string == "...")
        #expect(throws: SyntaxError.self) { try RecordKey("") }
        let tid = TID(microseconds: 1_700_000_000_000_000, clockID: 5)
        #expect(try RecordKey(tid.description) == RecordKey(tid))
    }

    @Test("identifiers code as plain JSON strings")
    func codable() throws {
        struct Sample: Codable, Equatable {
            var did: DID
            var handle: Handle
            var nsid: NSID
            var tid: TID
            var rkey: RecordKey
            var uri: ATURI
            var at: ATIdentifier
            var date: Datetime
            var lang: Language
            var cid: CIDString
            var link: URIString
        }
        let json = """
            {"did":"did:plc:7iza6de2dwap2sbkpav7c6c6","handle":"alice.test","nsid":"app.bsky.feed.post",\
            "tid":"3jzfcijpj2z2a","rkey":"self","uri":"at://alice.test/app.bsky.feed.post/3jzfcijpj2z2a",\
            "at":"did:web:example.com","date":"1985-04-12T23:20:50.123Z","lang":"pt-BR",\
            "cid":"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi","link":"https://example.com"}
            """
        let sample = try JSONDecoder().decode(Sample.self, from: Data(json.utf8))
        let again = try JSONDecoder().decode(Sample.self, from: try JSONEncoder().encode(sample))
        #expect(again == sample)
        #expect(sample.uri.rkey?.string == "3jzfcijpj2z2a")

        let bad = json.replacingOccurrences(of: "alice.test\",", with: "alice_test\",")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Sample.self, from: Data(bad.utf8)) }
    }
}
