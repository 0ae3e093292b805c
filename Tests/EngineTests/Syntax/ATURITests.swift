// ATURITests.swift: AT URI parts, canonical strings and fragments. Book: docs/01-atproto.md.

import Engine
import Testing

@Suite("AT URI")
struct ATURITests {
    @Test("parts of a record URI")
    func recordParts() throws {
        let uri = try ATURI("at://did:plc:7iza6de2dwap2sbkpav7c6c6/app.bsky.feed.post/3jzfcijpj2z2a")
        #expect(uri.authority == .did(try DID("did:plc:7iza6de2dwap2sbkpav7c6c6")))
        #expect(uri.did?.string == "did:plc:7iza6de2dwap2sbkpav7c6c6")
        #expect(uri.collection == (try NSID("app.bsky.feed.post")))
        #expect(uri.rkey == (try RecordKey("3jzfcijpj2z2a")))
        #expect(uri.fragment == nil)
        #expect(uri.description == "at://did:plc:7iza6de2dwap2sbkpav7c6c6/app.bsky.feed.post/3jzfcijpj2z2a")
    }

    @Test("account and collection URIs")
    func shorterForms() throws {
        let account = try ATURI("at://Alice.Test")
        #expect(account.authority.handle?.string == "alice.test")
        #expect(account.collection == nil && account.rkey == nil)
        #expect(account.description == "at://alice.test")
        let collection = try ATURI("at://alice.test/app.bsky.feed.post")
        #expect(collection.collection?.string == "app.bsky.feed.post")
        #expect(collection.rkey == nil)
    }

    @Test("built from parts")
    func fromParts() throws {
        let did = try DID("did:web:example.com")
        let uri = ATURI(did: did, collection: try NSID("app.bsky.actor.profile"), rkey: try RecordKey("self"))
        #expect(uri.description == "at://did:web:example.com/app.bsky.actor.profile/self")
        #expect(try ATURI(uri.description) == uri)
    }

    @Test("JSON pointer fragments")
    func fragments() throws {
        let uri = try ATURI("at://did:plc:asdf123/com.atproto.feed.post/rec#/embed/0/%C3%A9")
        #expect(uri.fragment == "/embed/0/%C3%A9")
        #expect(uri.description == "at://did:plc:asdf123/com.atproto.feed.post/rec#/embed/0/%C3%A9")
        for bad in [
            "at://did:plc:asdf123#/a%FF", "at://did:plc:asdf123#/a%4", "at://did:plc:asdf123#/a?b",
            "at://did:plc:asdf123?q=1", "at://did:plc:asdf123/com.atproto.feed.post?q",
        ] {
            #expect(throws: SyntaxError.self, "\(bad)") { try ATURI(bad) }
        }
    }
}
