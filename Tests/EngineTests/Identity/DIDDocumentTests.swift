// DIDDocumentTests.swift: rendering did:plc documents, reading did:plc and did:web ones, hostile JSON.
// Book: docs/12-accounts-and-dids.md.
import Testing

@testable import Engine

@Suite struct DIDDocumentTests {
    typealias S = PLCTestSupport

    /// The example state from the did:plc spec ("Presentation as DID Document").
    static let specState = PLCState(
        did: try! DID("did:plc:7iza6de2dwap2sbkpav7c6c6"),
        operation: PLCRegularOperation(
            rotationKeys: [
                "did:key:zDnaedvvAsDE6H3BDdBejpx9ve2Tz95cymyCAKF66JbyMh1Lt",
                "did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7",
            ],
            verificationMethods: ["atproto": "did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7"],
            alsoKnownAs: ["at://alice.test"],
            services: ["atproto_pds": PLCService(type: "AtprotoPersonalDataServer", endpoint: "https://example.test")],
            prev: nil))

    @Test func plcStateRendersTheSpecDocument() throws {
        let doc = DIDDocument(plc: Self.specState)
        #expect(doc.context == DIDDocument.baseContext + [DIDDocument.p256Context])
        #expect(doc.id.string == "did:plc:7iza6de2dwap2sbkpav7c6c6" && doc.alsoKnownAs == ["at://alice.test"])
        #expect(
            doc.verificationMethods == [
                .init(
                    id: "did:plc:7iza6de2dwap2sbkpav7c6c6#atproto", type: "Multikey",
                    controller: "did:plc:7iza6de2dwap2sbkpav7c6c6",
                    publicKeyMultibase: "zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7")
            ])
        #expect(
            doc.services == [
                .init(id: "#atproto_pds", type: "AtprotoPersonalDataServer", serviceEndpoint: "https://example.test")
            ])
        #expect(doc.handle?.string == "alice.test" && doc.pdsEndpoint == "https://example.test")
        #expect(doc.signingDIDKey == "did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7")
        #expect(doc.signingKey?.keyType == .p256)
        // Rotation keys stay out of the document.
        #expect(
            !String(decoding: doc.json, as: UTF8.self).contains("zDnaedvvAsDE6H3BDdBejpx9ve2Tz95cymyCAKF66JbyMh1Lt"))
        #expect(try DIDDocument(json: doc.json) == doc)
        // The /data form carries everything, rotation keys included.
        let data = try AtprotoJSON.decodeObject(Self.specState.json)
        #expect(data["rotationKeys"]?.listValue?.count == 2 && data["did"] == "did:plc:7iza6de2dwap2sbkpav7c6c6")
    }

    @Test func k256SigningKeyGetsTheSecp256k1Context() throws {
        let k = S.key(.k256, 1)
        let (log, _) = try S.genesisLog(rotation: [k])
        let doc = try #require(log.document)
        #expect(doc.context.last == DIDDocument.secp256k1Context)
        #expect(doc.signingDIDKey == S.key(.k256, 99).didKey)
        #expect(doc.id == log.did && doc.pdsEndpoint == "https://pds.example.com")
    }

    @Test func readsADIDWebDocument() throws {
        let k = S.key(.k256, 4)
        let legacy = "z" + Base58.encode(k.publicKey.compressed)
        let json = """
            {"@context":["https://www.w3.org/ns/did/v1"],"id":"did:web:example.com",
             "alsoKnownAs":["https://example.com","at://Alice.Example.COM"],
             "controller":"did:web:example.com",
             "verificationMethod":[
               {"id":"#other","type":"JsonWebKey2020","controller":"did:web:example.com","publicKeyJwk":{"kty":"EC"}},
               {"id":"did:web:example.com#atproto","type":"EcdsaSecp256k1VerificationKey2019",
                "controller":"did:web:example.com","publicKeyMultibase":"\(legacy)"}],
             "service":[
               {"id":"#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":"https://pds.example.com/"},
               {"id":"#bsky_fg","type":"BskyFeedGenerator","serviceEndpoint":{"uri":"https://fg.example.com"}}]}
            """
        let doc = try DIDDocument(json: Array(json.utf8))
        #expect(doc.id.string == "did:web:example.com" && doc.handle?.string == "alice.example.com")
        #expect(doc.signingDIDKey == k.didKey)
        #expect(doc.pdsEndpoint == "https://pds.example.com/")
        #expect(doc.services[1].serviceEndpoint == nil)
        #expect(doc.serviceEndpoint(named: "atproto_pds", type: "Other") == nil)
    }

    @Test(arguments: [
        "file:///etc/passwd", "javascript:alert(1)", "https://", "https:///path", "http://user@/x", "https://a b.com",
        "ftp://pds.example.com", "https://[::1", "",
    ])
    func unsafePDSEndpointsAreIgnored(_ url: String) throws {
        var state = Self.specState
        state.services["atproto_pds"]?.endpoint = url
        #expect(DIDDocument(plc: state).pdsEndpoint == nil)
    }

    @Test(arguments: ["https://pds.example.com", "HTTP://localhost:2583", "https://[::1]:443/x", "http://u:p@h.test"])
    func ordinaryPDSEndpointsAreKept(_ url: String) throws {
        var state = Self.specState
        state.services["atproto_pds"]?.endpoint = url
        #expect(DIDDocument(plc: state).pdsEndpoint == url)
    }

    @Test func hostileDocumentsGiveTypedErrors() throws {
        func read(_ text: String) throws(IdentityError) -> DIDDocument { try DIDDocument(json: Array(text.utf8)) }
        #expect(throws: IdentityError.malformedDocument("id missing or not a DID")) { try read(#"{"id": 5}"#) }
        #expect(throws: IdentityError.malformedDocument("id missing or not a DID")) {
            try read(#"{"id": "not a did"}"#)
        }
        #expect(throws: IdentityError.malformedDocument("not an object")) { try read(#"["did:plc:x"]"#) }
        #expect(throws: IdentityError.malformedDocument("alsoKnownAs is not a list")) {
            try read(#"{"id": "did:web:a.com", "alsoKnownAs": "at://a.com"}"#)
        }
        #expect(throws: IdentityError.malformedDocument("verificationMethod entry is not an object")) {
            try read(#"{"id": "did:web:a.com", "verificationMethod": ["did:web:a.com#k"]}"#)
        }
        #expect(throws: IdentityError.malformedDocument("serviceEndpoint missing or not a string, map or list")) {
            try read(##"{"id": "did:web:a.com", "service": [{"id": "#x", "type": "t", "serviceEndpoint": 1}]}"##)
        }
        let many = "[" + Array(repeating: "\"at://a.com\"", count: 65).joined(separator: ",") + "]"
        #expect(throws: IdentityError.tooManyEntries(field: "alsoKnownAs", count: 65, limit: 64)) {
            try read(#"{"id": "did:web:a.com", "alsoKnownAs": "# + many + "}")
        }
        let huge = Array(repeating: UInt8(ascii: " "), count: 70_000)
        #expect(throws: IdentityError.tooLarge(bytes: 70_000, limit: 65_536)) { try DIDDocument(json: huge) }
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(throws: IdentityError.self) { try read(#"{"id": "did:web:a.com", "x": "# + deep + "}") }
        #expect(throws: IdentityError.self) { try read("{") }
        #expect(throws: IdentityError.self) { try read(#"{"id": "did:web:a.com", "n": 1.5}"#) }
    }
}
