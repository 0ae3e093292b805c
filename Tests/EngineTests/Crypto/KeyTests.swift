// KeyTests.swift: private and public key construction, key types, equality and redaction.
import Testing

@testable import Engine

@Suite struct KeyTests {
    typealias S = CryptoTestSupport
    typealias B = NativeTestBytes

    static func order(_ t: KeyType) -> [UInt8] { t == .k256 ? S.k256Order : S.p256Order }

    @Test func keyTypeConstants() {
        #expect(KeyType.k256.jwtAlgorithm == "ES256K")
        #expect(KeyType.p256.jwtAlgorithm == "ES256")
        #expect(KeyType.k256.multicodec == 0xe7)
        #expect(KeyType.p256.multicodec == 0x1200)
        for t in KeyType.allCases {
            #expect(KeyType(multicodec: t.multicodec) == t)
            #expect(KeyType(jwtAlgorithm: t.jwtAlgorithm) == t)
        }
        #expect(KeyType(multicodec: 0xed) == nil)
        #expect(KeyType(jwtAlgorithm: "EdDSA") == nil)
        #expect(KeyType(jwtAlgorithm: "es256") == nil)
    }

    @Test(arguments: KeyType.allCases)
    func outOfRangePrivateKeysRejected(_ type: KeyType) throws {
        let n = Self.order(type)
        let nPlus1 = S.subtract(n, [UInt8](repeating: 0, count: 31) + [0]).enumerated().map {
            $0.offset == 31 ? $0.element + 1 : $0.element
        }
        for bad in [
            [UInt8](repeating: 0, count: 32), n, nPlus1, [UInt8](repeating: 0xff, count: 32),
            [UInt8](repeating: 1, count: 31), [UInt8](repeating: 1, count: 33), [],
        ] {
            #expect(throws: CryptoError.invalidPrivateKey(type)) {
                try AnyPrivateKey(keyType: type, rawRepresentation: bad)
            }
        }
        let nMinus1 = S.subtract(n, [UInt8](repeating: 0, count: 31) + [1])
        let top = try AnyPrivateKey(keyType: type, rawRepresentation: nMinus1)
        #expect(top.rawRepresentation == nMinus1)
        let one = try AnyPrivateKey(keyType: type, rawRepresentation: [UInt8](repeating: 0, count: 31) + [1])
        // (n - 1) * G = -G: the same x as G, the other y.
        #expect(top.publicKey.compressed[1...] == one.publicKey.compressed[1...])
        #expect(top.publicKey.compressed[0] != one.publicKey.compressed[0])
    }

    @Test func generatorPoints() throws {
        let one = [UInt8](repeating: 0, count: 31) + [1]
        #expect(
            B.hexString(try K256PrivateKey(rawRepresentation: one).publicKey.compressed)
                == "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
        #expect(
            B.hexString(try P256PrivateKey(rawRepresentation: one).publicKey.uncompressed)
                == "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
                + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")
    }

    @Test(arguments: KeyType.allCases)
    func rawRepresentationRoundTrips(_ type: KeyType) throws {
        let key = AnyPrivateKey.generate(type)
        let again = try AnyPrivateKey(keyType: type, rawRepresentation: key.rawRepresentation)
        #expect(again.publicKey == key.publicKey)
        #expect(again.keyType == type)
        #expect(again.publicKey.keyType == type)
        #expect(AnyPrivateKey.generate(type).rawRepresentation != key.rawRepresentation)
    }

    @Test(arguments: KeyType.allCases)
    func publicKeysFromEitherEncodingAreEqual(_ type: KeyType) throws {
        let pub = AnyPrivateKey.generate(type).publicKey
        let a = try AnyPublicKey(keyType: type, sec1: pub.compressed)
        let b = try AnyPublicKey(keyType: type, sec1: pub.uncompressed)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b, pub]).count == 1)
        #expect(a.uncompressed == pub.uncompressed)
        #expect(a != AnyPrivateKey.generate(type).publicKey)
    }

    @Test func publicKeyLengthsRejected() {
        for n in [0, 1, 32, 34, 64, 66] {
            let bytes = [0x02] + [UInt8](repeating: 0x11, count: max(0, n - 1))
            #expect(throws: CryptoError.invalidPublicKey(.k256)) { try K256PublicKey(sec1: Array(bytes.prefix(n))) }
            #expect(throws: CryptoError.invalidPublicKey(.p256)) { try P256PublicKey(sec1: Array(bytes.prefix(n))) }
        }
    }

    @Test(arguments: KeyType.allCases)
    func privateKeysNeverPrintTheirScalar(_ type: KeyType) {
        let key = AnyPrivateKey.generate(type)
        let hex = B.hexString(key.rawRepresentation)
        let bytesText = "\(key.rawRepresentation)"
        var dumped = ""
        dump(key, to: &dumped)
        var dumpedConcrete = ""
        switch key {
        case .k256(let k): dump(k, to: &dumpedConcrete)
        case .p256(let k): dump(k, to: &dumpedConcrete)
        }
        let concrete: String
        switch key {
        case .k256(let k): concrete = "\(k) \(String(reflecting: k)) \([k])"
        case .p256(let k): concrete = "\(k) \(String(reflecting: k)) \([k])"
        }
        for text in ["\(key)", String(reflecting: key), "\([key])", dumped, dumpedConcrete, concrete] {
            #expect(!text.contains(hex))
            #expect(!text.contains(bytesText))
            #expect(text.contains(key.didKey) || text.contains("PrivateKey"))
        }
    }

    @Test func errorDescriptions() {
        #expect(CryptoError.invalidPrivateKey(.k256).description == "invalid k256 private key")
        #expect(CryptoError.invalidPublicKey(.p256).description == "invalid p256 public key")
        #expect(CryptoError.unsupportedMulticodec(0xed).description == "unsupported multicodec 0xed")
        #expect(CryptoError.badSignatureLength(70).description.contains("70"))
    }
}
