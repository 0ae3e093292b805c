// DIDKeyTests.swift: did:key and Multikey encoding, normalisation and strict decoding.
import Testing

@testable import Engine

@Suite struct DIDKeyTests {
    /// did:key text for arbitrary bytes after the multibase 'z'.
    static func didKey(_ bytes: [UInt8]) -> String { "did:key:z" + Base58.encode(bytes) }

    static let k256Prefix: [UInt8] = [0xe7, 0x01]
    static let p256Prefix: [UInt8] = [0x80, 0x24]

    static func prefix(_ t: KeyType) -> [UInt8] { t == .k256 ? k256Prefix : p256Prefix }

    @Test(arguments: KeyType.allCases)
    func generatedKeysRoundTrip(_ type: KeyType) throws {
        for _ in 0..<10 {
            let pub = AnyPrivateKey.generate(type).publicKey
            #expect(pub.compressed.count == 33)
            #expect(pub.uncompressed.count == 65)
            #expect(pub.uncompressed[0] == 0x04)
            let did = pub.didKey
            #expect(did.hasPrefix(type == .k256 ? "did:key:zQ3s" : "did:key:zDna"))
            #expect(try parseDIDKey(did) == pub)
            #expect(try AnyPublicKey(didKey: did) == pub)
            #expect(try AnyPublicKey(multikey: pub.multikey) == pub)
            #expect(Base58.decode(did.dropFirst(9)) == Self.prefix(type) + pub.compressed)
        }
    }

    @Test(arguments: KeyType.allCases)
    func uncompressedKeysNormaliseToCompressed(_ type: KeyType) throws {
        let pub = AnyPrivateKey.generate(type).publicKey
        let long = Self.didKey(Self.prefix(type) + pub.uncompressed)
        let parsed = try parseDIDKey(long)
        #expect(parsed == pub)
        #expect(parsed.didKey == pub.didKey)
        #expect(parsed.didKey != long)
        #expect(parsed.hashValue == pub.hashValue)
    }

    @Test(arguments: KeyType.allCases)
    func hybridAndWrongPrefixPointsRejected(_ type: KeyType) {
        let pub = AnyPrivateKey.generate(type).publicKey
        var hybrid = pub.uncompressed
        hybrid[0] = 0x06 | (hybrid[64] & 1)  // a correct hybrid encoding: the C libraries would take it
        #expect(throws: CryptoError.invalidPublicKey(type)) { try parseDIDKey(Self.didKey(Self.prefix(type) + hybrid)) }
        var c = pub.compressed
        c[0] = 0x04
        #expect(throws: CryptoError.invalidPublicKey(type)) { try parseDIDKey(Self.didKey(Self.prefix(type) + c)) }
        var u = pub.uncompressed
        u[0] = 0x02
        #expect(throws: CryptoError.invalidPublicKey(type)) { try parseDIDKey(Self.didKey(Self.prefix(type) + u)) }
    }

    @Test(arguments: KeyType.allCases)
    func badPointsRejected(_ type: KeyType) {
        let pub = AnyPrivateKey.generate(type).publicKey
        var offCurve = pub.uncompressed
        offCurve[64] ^= 1
        var xTooBig = pub.compressed
        for i in 1..<33 { xTooBig[i] = 0xff }  // x >= p
        for bytes in [offCurve, xTooBig, Array(pub.compressed.dropLast()), pub.compressed + [0], [], [0x02]] {
            #expect(throws: CryptoError.invalidPublicKey(type)) {
                try parseDIDKey(Self.didKey(Self.prefix(type) + bytes))
            }
            #expect(throws: CryptoError.invalidPublicKey(type)) { try AnyPublicKey(keyType: type, sec1: bytes) }
        }
    }

    @Test func unsupportedMulticodecsRejected() {
        let key = [UInt8](repeating: 0x11, count: 32)
        // ed25519-pub (0xed) and p384-pub (0x1201) are real multicodecs atproto does not use.
        #expect(throws: CryptoError.unsupportedMulticodec(0xed)) { try parseDIDKey(Self.didKey([0xed, 0x01] + key)) }
        #expect(throws: CryptoError.unsupportedMulticodec(0x1201)) { try parseDIDKey(Self.didKey([0x81, 0x24] + key)) }
        #expect(throws: CryptoError.unsupportedMulticodec(0)) { try parseDIDKey("did:key:z1111") }
    }

    @Test(arguments: [
        "", "did:key:", "did:key:z", "did:key:Q3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
        "did:web:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
        "DID:KEY:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBm0",  // '0' is not base58
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme ",
        " did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
        "did:key:z\u{301}Q3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",  // combining mark on the 'z'
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme#zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
        "did:key:z" + String(repeating: "2", count: 300),
    ])
    func malformedTextRejected(_ text: String) {
        #expect(throws: CryptoError.self) { try parseDIDKey(text) }
    }

    @Test func badMulticodecVarintRejected() {
        let key = [UInt8](repeating: 0x02, count: 33)
        #expect(throws: CryptoError.malformedDIDKey(reason: "bad multicodec varint")) {
            try parseDIDKey(Self.didKey([0xe7, 0x81, 0x00] + key))  // 0xe7 written non-minimally
        }
        #expect(throws: CryptoError.malformedDIDKey(reason: "bad multicodec varint")) {
            try parseDIDKey(Self.didKey([0xe7]))
        }
    }

    @Test func multikeyAndLegacyMultibase() throws {
        let pub = AnyPrivateKey.generate(.k256).publicKey
        #expect(pub.multikey.hasPrefix("zQ3s"))
        #expect(try DIDKey.parseMultikey(pub.multikey) == pub)
        #expect(throws: CryptoError.self) { try DIDKey.parseMultikey(pub.didKey) }
        #expect(throws: CryptoError.self) { try DIDKey.parseMultikey("u" + pub.multikey.dropFirst()) }
        let legacy = "z" + Base58.encode(pub.uncompressed)
        #expect(try DIDKey.parseLegacyMultibase(legacy, keyType: .k256) == pub)
        #expect(throws: CryptoError.invalidPublicKey(.k256)) {
            try DIDKey.parseLegacyMultibase(pub.multikey, keyType: .k256)
        }
    }

    @Test func errorsDoNotEchoTheInput() {
        let secretish = "did:key:zSECRETTOKEN0"
        do {
            _ = try parseDIDKey(secretish)
            Issue.record("expected a throw")
        } catch {
            #expect(!error.description.contains("SECRET"))
            #expect(error.description.hasPrefix("malformed did:key"))
        }
    }
}
