// SignatureFixtureTests.swift: the atproto interop signature fixtures (signature-fixtures.json).
import Foundation
import Testing

@testable import Engine

@Suite struct SignatureFixtureTests {
    struct Entry: Decodable, CustomTestStringConvertible {
        let comment: String
        let messageBase64: String
        let algorithm: String
        let didDocSuite: String
        let publicKeyDid: String
        let publicKeyMultibase: String
        let signatureBase64: String
        let validSignature: Bool

        var testDescription: String { comment }
    }

    static func entries() throws -> [Entry] {
        try JSONDecoder().decode([Entry].self, from: Fixtures.data("interop/crypto/signature-fixtures.json"))
    }

    @Test(arguments: try entries())
    func fixture(_ e: Entry) throws {
        let message = CryptoTestSupport.base64(e.messageBase64)
        let signature = CryptoTestSupport.base64(e.signatureBase64)
        let key = try parseDIDKey(e.publicKeyDid)
        #expect(key.jwtAlgorithm == e.algorithm)
        #expect(KeyType(jwtAlgorithm: e.algorithm) == key.keyType)
        #expect(key.verify(signature: signature, message: message) == e.validSignature)
        #expect(verifySignature(didKey: e.publicKeyDid, data: message, signature: signature) == e.validSignature)

        // The legacy DID-document form holds the bare compressed point.
        let legacy = try DIDKey.parseLegacyMultibase(e.publicKeyMultibase, keyType: key.keyType)
        #expect(legacy == key)
        #expect("z" + Base58.encode(key.compressed) == e.publicKeyMultibase)
    }

    /// The invalid fixtures are high-S twins of valid signatures: n - S makes them verify.
    @Test(arguments: try entries().filter { !$0.validSignature })
    func highSFixturesAreOnlyMalleated(_ e: Entry) throws {
        let key = try parseDIDKey(e.publicKeyDid)
        let order = key.keyType == .k256 ? CryptoTestSupport.k256Order : CryptoTestSupport.p256Order
        let signature = CryptoTestSupport.base64(e.signatureBase64)
        #expect(CryptoTestSupport.isHighS(signature, order: order))
        let low = CryptoTestSupport.flipS(signature, order: order)
        #expect(key.verify(signature: low, message: CryptoTestSupport.base64(e.messageBase64)))
    }
}
