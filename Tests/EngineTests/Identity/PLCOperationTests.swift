// PLCOperationTests.swift: the operation wire format, signatures and DID derivation.
// Book: docs/12-accounts-and-dids.md.
import Testing

@testable import Engine

@Suite struct PLCOperationTests {
    /// The first operation of a fixture log, with its recorded DID and CID.
    static func firstEntry(_ name: String) throws -> PLCLogEntry {
        try PLCLog.parseAuditLog(json: Array(PLCInteropFixtures.valid[name]!.utf8))[0]
    }

    @Test func bskyAppGenesisDerivesItsDID() throws {
        let e = try Self.firstEntry("log_bskyapp.json")
        #expect(e.did.string == "did:plc:z72i7hdynmk6r22z27h6tvur")
        #expect(try e.operation.derivedDID() == e.did)
        #expect(e.operation.cid == e.cid)
        #expect(e.cid.string == "bafyreigp6shzy6dlcxuowwoxz7u5nemdrkad2my5zwzpwilcnhih7bw6zm")
        guard case .regular(let body) = e.operation.unsigned else { Issue.record("not a plc_operation"); return }
        #expect(body.handle == "bluesky-team.bsky.social")
        #expect(body.pdsEndpoint == "https://bsky.social")
        #expect(try e.operation.verify(allowedKeys: body.rotationKeys) >= 0)
    }

    @Test func legacyCreateDerivesItsDIDAndNormalises() throws {
        let e = try Self.firstEntry("log_legacy_dholms.json")
        #expect(try e.operation.derivedDID().string == "did:plc:yk4dd2qkboz2yv6tpubpc6co")
        #expect(e.operation.cid == e.cid)
        guard case .legacyCreate(let legacy) = e.operation.unsigned, let n = e.operation.unsigned.normalized else {
            Issue.record("not a legacy create")
            return
        }
        #expect(n.rotationKeys == [legacy.recoveryKey, legacy.signingKey])
        #expect(n.alsoKnownAs == ["at://dan.bsky.social"] && n.signingKey == legacy.signingKey)
        #expect(n.pdsEndpoint == "https://bsky.social")
        // A legacy create is signed by one of its equivalent rotation keys.
        #expect(try e.operation.verify(allowedKeys: e.operation.unsigned.rotationKeys) >= 0)
        #expect(throws: PLCError.legacyOperation) { try PLCLimits.default.check(e.operation) }
    }

    @Test(arguments: [KeyType.k256, .p256])
    func genesisSignsAndVerifies(_ type: KeyType) throws {
        let rotation = PLCTestSupport.key(type, 1)
        let (op, did) = try SignedPLCOperation.genesis(PLCTestSupport.body(rotation: [rotation]), signedBy: rotation)
        #expect(did.isPLC && did.string.utf8.count == 32)
        #expect(try op.derivedDID() == did)
        #expect(op.signatureBytes?.count == 64)
        #expect(op.sig.utf8.count == 86 && !op.sig.contains("="))
        #expect(try op.verify(allowedKeys: [PLCTestSupport.key(type, 2).didKey, rotation.didKey]) == 1)
        #expect(throws: PLCError.badSignature) { try op.verify(allowedKeys: [PLCTestSupport.key(type, 2).didKey]) }
        // Signing the unsigned bytes is the whole rule: the signature is over DAG-CBOR without `sig`.
        let key = try DIDKey.parse(rotation.didKey)
        #expect(key.verify(signature: op.signatureBytes!, message: op.unsigned.signingBytes))
        // Genesis with a signer that is not a rotation key is refused before anything is sent.
        #expect(throws: PLCError.badSignature) {
            try SignedPLCOperation.genesis(
                PLCTestSupport.body(rotation: [rotation]), signedBy: PLCTestSupport.key(type, 3))
        }
    }

    @Test func unsignedBytesHaveNoSigAndCanonicalKeyOrder() throws {
        let k = PLCTestSupport.key(.k256, 1)
        let (op, _) = try SignedPLCOperation.genesis(PLCTestSupport.body(rotation: [k]), signedBy: k)
        let unsigned = try DagCBOR.decode(op.unsigned.signingBytes).mapValue!
        #expect(unsigned.keys == ["prev", "type", "services", "alsoKnownAs", "rotationKeys", "verificationMethods"])
        #expect(unsigned["prev"] == .null)
        let signed = try DagCBOR.decode(op.encoded().bytes).mapValue!
        #expect(signed["sig"] == .string(op.sig))
    }

    @Test func jsonAndCBORRoundTrip() throws {
        let k = PLCTestSupport.key(.p256, 5)
        let (genesis, _) = try SignedPLCOperation.genesis(PLCTestSupport.body(rotation: [k]), signedBy: k)
        let update = try SignedPLCOperation.update(after: genesis, signedBy: k) { $0.setHandle("bob.test") }
        let tomb = try SignedPLCOperation.tombstone(after: update, signedBy: k)
        let legacy = try Self.firstEntry("log_legacy_dholms.json").operation
        for op in [genesis, update, tomb, legacy] {
            #expect(try SignedPLCOperation(json: op.json) == op)
            let (bytes, cid) = op.encoded()
            let back = try SignedPLCOperation(dagCBOR: bytes)
            #expect(back == op && back.cid == cid)
            #expect(back.encoded().bytes == bytes)
        }
        #expect(update.prev == genesis.cid && tomb.prev == update.cid)
        // The JSON carries prev as a CID string, not a $link.
        #expect(update.jsonString.contains("\"prev\":\"\(genesis.cid.string)\""))
    }

    @Test func updatesChangeOnlyWhatTheyAskFor() throws {
        let k = PLCTestSupport.key(.k256, 1)
        let (genesis, _) = try SignedPLCOperation.genesis(PLCTestSupport.body(rotation: [k]), signedBy: k)
        let newSigning = PLCTestSupport.key(.k256, 7).didKey
        let up = try SignedPLCOperation.update(after: genesis, signedBy: k) {
            $0.setHandle("carol.test")
            $0.setPDSEndpoint("pds2.example.com")
            $0.setSigningKey(newSigning)
            $0.rotationKeys.append(PLCTestSupport.key(.p256, 2).didKey)
        }
        guard case .regular(let body) = up.unsigned else { Issue.record("not regular"); return }
        #expect(body.alsoKnownAs == ["at://carol.test"])
        #expect(body.pdsEndpoint == "https://pds2.example.com")
        #expect(body.signingKey == newSigning && body.rotationKeys.count == 2)
        #expect(throws: PLCError.notGenesis) { try up.derivedDID() }
        let tomb = try SignedPLCOperation.tombstone(after: up, signedBy: k)
        #expect(throws: PLCError.tombstoned) { try SignedPLCOperation.update(after: tomb, signedBy: k) { _ in } }
        #expect(throws: PLCError.tombstoned) { try SignedPLCOperation.tombstone(after: tomb, signedBy: k) }
    }

    @Test func atprotoPrefixesFollowTheReference() {
        #expect(PLCRegularOperation.atURI(forHandle: "alice.test") == "at://alice.test")
        #expect(PLCRegularOperation.atURI(forHandle: "https://alice.test") == "at://alice.test")
        #expect(PLCRegularOperation.atURI(forHandle: "at://alice.test") == "at://alice.test")
        #expect(PLCRegularOperation.httpURL("pds.test") == "https://pds.test")
        #expect(PLCRegularOperation.httpURL("http://pds.test") == "http://pds.test")
        var body = PLCTestSupport.body(rotation: [PLCTestSupport.key(.k256, 1)])
        body.alsoKnownAs = ["https://example.com/me"]
        body.setHandle("dave.test")
        #expect(body.alsoKnownAs == ["at://dave.test", "https://example.com/me"])
    }

    @Test func signatureEncodingIsStrict() throws {
        let k = PLCTestSupport.key(.k256, 1)
        let (op, _) = try SignedPLCOperation.genesis(PLCTestSupport.body(rotation: [k]), signedBy: k)
        let keys = [k.didKey]
        for bad in [
            op.sig + "=", op.sig + "\n", " " + op.sig, op.sig.replacingDashes(), String(op.sig.dropLast()) + "x",
        ] {
            var t = op
            t.sig = bad
            #expect(throws: PLCError.self) { try t.verify(allowedKeys: keys) }
        }
        var padded = op
        padded.sig += "=="
        #expect(throws: PLCError.invalidSignatureEncoding) { try padded.verify(allowedKeys: keys) }
        // A signature that is valid base64url but of a DER (non-compact) length fails as a signature.
        var der = op
        der.sig = Base64URL.encode([UInt8](repeating: 1, count: 70))
        #expect(throws: PLCError.badSignature) { try der.verify(allowedKeys: keys) }
        #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
        #expect(Base64URL.decode("+/8") == nil && Base64URL.decode("-_9") == nil)
    }
}

extension String {
    /// The text with base64url's `-` and `_` turned into standard base64's `+` and `/` (if any).
    fileprivate func replacingDashes() -> String {
        let swapped = String(map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        return swapped == self ? self + "+" : swapped
    }
}
