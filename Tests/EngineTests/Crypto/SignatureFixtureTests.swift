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

    /// `interop/crypto/signature-fixtures.json` if it has been copied in; otherwise this verbatim copy of
    /// bluesky-social/atproto `interop-test-files/crypto/signature-fixtures.json` (CC0).
    static let embedded = #"""
        [
          {
            "comment": "valid P-256 key and signature, with low-S signature",
            "messageBase64": "oWVoZWxsb2V3b3JsZA",
            "algorithm": "ES256",
            "didDocSuite": "EcdsaSecp256r1VerificationKey2019",
            "publicKeyDid": "did:key:zDnaembgSGUhZULN2Caob4HLJPaxBh92N7rtH21TErzqf8HQo",
            "publicKeyMultibase": "zxdM8dSstjrpZaRUwBmDvjGXweKuEMVN95A9oJBFjkWMh",
            "signatureBase64": "2vZNsG3UKvvO/CDlrdvyZRISOFylinBh0Jupc6KcWoJWExHptCfduPleDbG3rko3YZnn9Lw0IjpixVmexJDegg",
            "validSignature": true,
            "tags": []
          },
          {
            "comment": "valid K-256 key and signature, with low-S signature",
            "messageBase64": "oWVoZWxsb2V3b3JsZA",
            "algorithm": "ES256K",
            "didDocSuite": "EcdsaSecp256k1VerificationKey2019",
            "publicKeyDid": "did:key:zQ3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJwc",
            "publicKeyMultibase": "z25z9DTpsiYYJKGsWmSPJK2NFN8PcJtZig12K59UgW7q5t",
            "signatureBase64": "5WpdIuEUUfVUYaozsi8G0B3cWO09cgZbIIwg1t2YKdUn/FEznOndsz/qgiYb89zwxYCbB71f7yQK5Lr7NasfoA",
            "validSignature": true,
            "tags": []
          },
          {
            "comment": "P-256 key and signature, with non-low-S signature which is invalid in atproto",
            "messageBase64": "oWVoZWxsb2V3b3JsZA",
            "algorithm": "ES256",
            "didDocSuite": "EcdsaSecp256r1VerificationKey2019",
            "publicKeyDid": "did:key:zDnaembgSGUhZULN2Caob4HLJPaxBh92N7rtH21TErzqf8HQo",
            "publicKeyMultibase": "zxdM8dSstjrpZaRUwBmDvjGXweKuEMVN95A9oJBFjkWMh",
            "signatureBase64": "2vZNsG3UKvvO/CDlrdvyZRISOFylinBh0Jupc6KcWoKp7O4VS9giSAah8k5IUbXIW00SuOrjfEqQ9HEkN9JGzw",
            "validSignature": false,
            "tags": ["high-s"]
          },
          {
            "comment": "K-256 key and signature, with non-low-S signature which is invalid in atproto",
            "messageBase64": "oWVoZWxsb2V3b3JsZA",
            "algorithm": "ES256K",
            "didDocSuite": "EcdsaSecp256k1VerificationKey2019",
            "publicKeyDid": "did:key:zQ3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJwc",
            "publicKeyMultibase": "z25z9DTpsiYYJKGsWmSPJK2NFN8PcJtZig12K59UgW7q5t",
            "signatureBase64": "5WpdIuEUUfVUYaozsi8G0B3cWO09cgZbIIwg1t2YKdXYA67MYxYiTMAVfdnkDCMN9S5B3vHosRe07aORmoshoQ",
            "validSignature": false,
            "tags": ["high-s"]
          }
        ]
        """#

    static func entries() throws -> [Entry] {
        let file = Fixtures.url("interop/crypto/signature-fixtures.json")
        let data = FileManager.default.fileExists(atPath: file.path) ? try Data(contentsOf: file) : Data(embedded.utf8)
        return try JSONDecoder().decode([Entry].self, from: data)
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
