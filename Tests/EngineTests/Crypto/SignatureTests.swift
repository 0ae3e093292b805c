// SignatureTests.swift: sign/verify on both curves and the atproto strictness rules (64 bytes, low-S).
import Testing

@testable import Engine

@Suite struct SignatureTests {
    typealias S = CryptoTestSupport

    static func order(_ t: KeyType) -> [UInt8] { t == .k256 ? S.k256Order : S.p256Order }

    @Test(arguments: KeyType.allCases)
    func signAndVerify(_ type: KeyType) {
        let key = AnyPrivateKey.generate(type)
        for message in [[], Array("hello".utf8), [UInt8](repeating: 7, count: 10_000)] {
            let sig = key.sign(message)
            #expect(sig.count == 64)
            #expect(!S.isHighS(sig, order: Self.order(type)))
            #expect(key.publicKey.verify(signature: sig, message: message))
            #expect(key.publicKey.verify(signature: sig, digest: SHA256.hash(message)))
            #expect(verifySignature(didKey: key.didKey, data: message, signature: sig))
        }
    }

    @Test(arguments: KeyType.allCases)
    func signaturesAreAlwaysLowS(_ type: KeyType) {
        // About half of raw ECDSA signatures are high-S, so 64 tries all but guarantee normalisation ran.
        let key = AnyPrivateKey.generate(type)
        for i in 0..<64 {
            let sig = key.sign(digest: SHA256.hash([UInt8(i)]))
            #expect(!S.isHighS(sig, order: Self.order(type)))
        }
    }

    @Test(arguments: KeyType.allCases)
    func highSRejected(_ type: KeyType) {
        let key = AnyPrivateKey.generate(type)
        let message = Array("malleable".utf8)
        let sig = key.sign(message)
        let high = S.flipS(sig, order: Self.order(type))
        #expect(S.isHighS(high, order: Self.order(type)))
        #expect(S.flipS(high, order: Self.order(type)) == sig)
        #expect(!key.publicKey.verify(signature: high, message: message))
        #expect(!verifySignature(didKey: key.didKey, data: message, signature: high))
    }

    @Test(arguments: KeyType.allCases)
    func derRejected(_ type: KeyType) {
        let key = AnyPrivateKey.generate(type)
        let message = Array("der".utf8)
        let der = S.der(key.sign(message))
        #expect(der.count != 64 && der.count >= 8)
        #expect(!key.publicKey.verify(signature: der, message: message))
        #expect(!verifySignature(didKey: key.didKey, data: message, signature: der))
    }

    @Test(arguments: KeyType.allCases)
    func wrongLengthsRejected(_ type: KeyType) {
        let key = AnyPrivateKey.generate(type)
        let message = Array("len".utf8)
        let sig = key.sign(message)
        for bad in [[], Array(sig.prefix(63)), sig + [0], [0] + sig, sig + sig] {
            #expect(!key.publicKey.verify(signature: bad, message: message))
        }
    }

    @Test(arguments: KeyType.allCases)
    func flippedBitsRejected(_ type: KeyType) {
        let key = AnyPrivateKey.generate(type)
        let message = Array("bits".utf8)
        let sig = key.sign(message)
        for i in [0, 17, 31, 32, 50, 63] {
            for bit in [0, 7] {
                var bad = sig
                bad[i] ^= UInt8(1 << bit)
                #expect(!key.publicKey.verify(signature: bad, message: message), "byte \(i) bit \(bit)")
            }
        }
        var otherMessage = message
        otherMessage[0] ^= 1
        #expect(!key.publicKey.verify(signature: sig, message: otherMessage))
    }

    @Test(arguments: KeyType.allCases)
    func degenerateSignaturesRejected(_ type: KeyType) {
        let key = AnyPrivateKey.generate(type)
        let d = SHA256.hash(Array("zero".utf8))
        let n = Self.order(type)
        #expect(!key.publicKey.verify(signature: [UInt8](repeating: 0, count: 64), digest: d))
        #expect(!key.publicKey.verify(signature: [UInt8](repeating: 0xff, count: 64), digest: d))
        let sig = key.sign(digest: d)
        #expect(!key.publicKey.verify(signature: n + Array(sig[32...]), digest: d))  // r = n
        #expect(!key.publicKey.verify(signature: Array(sig[..<32]) + n, digest: d))  // s = n
    }

    @Test(arguments: KeyType.allCases)
    func wrongKeyRejected(_ type: KeyType) {
        let a = AnyPrivateKey.generate(type), b = AnyPrivateKey.generate(type)
        let message = Array("whose?".utf8)
        #expect(!b.publicKey.verify(signature: a.sign(message), message: message))
        #expect(!verifySignature(didKey: b.didKey, data: message, signature: a.sign(message)))
    }

    @Test func otherCurveRejected() {
        let k = AnyPrivateKey.generate(.k256), p = AnyPrivateKey.generate(.p256)
        let message = Array("curves".utf8)
        #expect(!p.publicKey.verify(signature: k.sign(message), message: message))
        #expect(!k.publicKey.verify(signature: p.sign(message), message: message))
    }

    @Test func k256IsDeterministicP256IsNot() throws {
        let k = try K256PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 32))
        #expect(k.sign(Array("m".utf8)) == k.sign(Array("m".utf8)))
        let p = try P256PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 32))
        let s1 = p.sign(Array("m".utf8)), s2 = p.sign(Array("m".utf8))
        #expect(s1 != s2)
        #expect(p.publicKey.verify(signature: s1, message: Array("m".utf8)))
        #expect(p.publicKey.verify(signature: s2, message: Array("m".utf8)))
    }

    @Test func k256KnownSignature() throws {
        // RFC 6979 nonces make secp256k1 signatures reproducible. Expected value from Python's
        // `cryptography` (ECDSA(SHA256, deterministic_signing=True), S normalised to low-S).
        let key = try K256PrivateKey(
            rawRepresentation: NativeTestBytes.hex(
                "9085d2bef69286a6cbb51623c8fa258629945cd55ca705cc4e66700396894e0c"))
        let sig = key.sign(Array("hello world".utf8))
        #expect(
            NativeTestBytes.hexString(sig)
                == "15259d1e4900a614f6b2813049e4b16ecea6b0b9efe9014dc2bb31358319ec52"
                + "5ee9d5d9be0c6456fb43c41a1526a4d5eac812d3721578a8cf2ae2b6ea9a8219")
    }

    @Test func verifyingFromManyTasksAtOnce() async {
        // Shares one P-256 OpenSSL key and one secp256k1 key across tasks (the @unchecked Sendable claim).
        let p = P256PrivateKey.generate(), k = K256PrivateKey.generate()
        let ok = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<16 {
                group.addTask {
                    var all = true
                    for j in 0..<20 {
                        let m = [UInt8(i), UInt8(j)]
                        all = all && p.publicKey.verify(signature: p.sign(m), message: m)
                        all = all && k.publicKey.verify(signature: k.sign(m), message: m)
                    }
                    return all
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(ok)
    }

    @Test func verifySignatureHelperRejectsBadDIDKeys() {
        let key = K256PrivateKey.generate()
        let sig = key.sign([1, 2, 3])
        #expect(verifySignature(didKey: key.didKey, data: [1, 2, 3], signature: sig))
        #expect(!verifySignature(didKey: "", data: [1, 2, 3], signature: sig))
        #expect(!verifySignature(didKey: "did:key:", data: [1, 2, 3], signature: sig))
        #expect(!verifySignature(didKey: String(key.didKey.dropLast()), data: [1, 2, 3], signature: sig))
        #expect(!verifySignature(didKey: "did:plc:ewvi7nxzyoun6zhxrhs64oiz", data: [1, 2, 3], signature: sig))
    }
}
