// SecretsTests.swift: HMAC-SHA256 (RFC 4231), scrypt (RFC 7914), AES-256-GCM, randomness.
import Testing

@testable import Engine

@Suite struct SecretsTests {
    typealias B = NativeTestBytes

    @Test func hmacRFC4231Case1() {
        let mac = Secrets.hmacSHA256(key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8))
        #expect(B.hexString(mac.bytes) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func hmacRFC4231Case2() {
        let mac = Secrets.hmacSHA256(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(B.hexString(mac.bytes) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacRFC4231Case6LongKey() {
        // A key longer than the block size is hashed first.
        let mac = Secrets.hmacSHA256(
            key: [UInt8](repeating: 0xaa, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(B.hexString(mac.bytes) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func hmacEmptyKeyAndData() {
        // Python: hmac.new(b"", b"", hashlib.sha256).hexdigest()
        let mac = Secrets.hmacSHA256(key: [], data: [])
        #expect(B.hexString(mac.bytes) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func scryptRFC7914Vector1() throws {
        let out = try Secrets.scrypt(password: [], salt: [], n: 16, r: 1, p: 1, length: 64)
        #expect(
            B.hexString(out)
                == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
    }

    @Test func scryptRFC7914Vector2() throws {
        let out = try Secrets.scrypt(password: Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16)
        #expect(
            B.hexString(out)
                == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }

    @Test func scryptRejectsNonPowerOfTwoN() {
        #expect(throws: SecretError.self) { try Secrets.scrypt(password: [1], salt: [2], n: 1000, r: 1, p: 1) }
    }

    @Test func aesGCMKnownAnswerEmpty() throws {
        // McGrew & Viega GCM test case 13: zero key and IV, empty plaintext.
        let sealed = try Secrets.seal(
            key: [UInt8](repeating: 0, count: 32), iv: [UInt8](repeating: 0, count: 12), plaintext: [])
        #expect(B.hexString(sealed) == "530f8afbc74536b9a963b4f1c4cb738b")
        #expect(
            try Secrets.open(
                key: [UInt8](repeating: 0, count: 32), iv: [UInt8](repeating: 0, count: 12), sealed: sealed) == [])
    }

    @Test func aesGCMKnownAnswerOneBlock() throws {
        // Test case 14: zero key and IV, one zero block.
        let sealed = try Secrets.seal(
            key: [UInt8](repeating: 0, count: 32), iv: [UInt8](repeating: 0, count: 12),
            plaintext: [UInt8](repeating: 0, count: 16))
        #expect(B.hexString(sealed) == "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919")
    }

    @Test func aesGCMRoundTripAndTamper() throws {
        let key = Secrets.randomBytes(32), iv = Secrets.randomBytes(12)
        let plain = Array("the quick brown fox jumps over the lazy dog".utf8)
        let aad = Array("header".utf8)
        let sealed = try Secrets.seal(key: key, iv: iv, plaintext: plain, aad: aad)
        #expect(sealed.count == plain.count + 16)
        #expect(try Secrets.open(key: key, iv: iv, sealed: sealed, aad: aad) == plain)

        for i in [0, plain.count - 1, plain.count, sealed.count - 1] {  // ciphertext and tag bytes
            var bad = sealed
            bad[i] ^= 0x01
            #expect(throws: SecretError.authenticationFailed) {
                try Secrets.open(key: key, iv: iv, sealed: bad, aad: aad)
            }
        }
        #expect(throws: SecretError.authenticationFailed) {
            try Secrets.open(key: key, iv: iv, sealed: sealed, aad: [])
        }
        var otherKey = key
        otherKey[0] ^= 0x80
        #expect(throws: SecretError.authenticationFailed) {
            try Secrets.open(key: otherKey, iv: iv, sealed: sealed, aad: aad)
        }
        var otherIV = iv
        otherIV[11] ^= 0x01
        #expect(throws: SecretError.authenticationFailed) {
            try Secrets.open(key: key, iv: otherIV, sealed: sealed, aad: aad)
        }
        #expect(throws: SecretError.authenticationFailed) {
            try Secrets.open(key: key, iv: iv, sealed: Array(sealed.prefix(15)))
        }
    }

    @Test func aesGCMRejectsBadSizes() {
        #expect(throws: SecretError.self) {
            try Secrets.seal(
                key: [UInt8](repeating: 0, count: 16), iv: [UInt8](repeating: 0, count: 12), plaintext: [1])
        }
        #expect(throws: SecretError.self) {
            try Secrets.seal(
                key: [UInt8](repeating: 0, count: 32), iv: [UInt8](repeating: 0, count: 16), plaintext: [1])
        }
        #expect(throws: SecretError.self) {
            try Secrets.open(
                key: [UInt8](repeating: 0, count: 31), iv: [UInt8](repeating: 0, count: 12),
                sealed: [UInt8](repeating: 0, count: 16))
        }
    }

    @Test func randomBytes() {
        #expect(Secrets.randomBytes(0).isEmpty)
        let a = Secrets.randomBytes(32), b = Secrets.randomBytes(32)
        #expect(a.count == 32 && b.count == 32)
        #expect(a != b)
    }

    @Test func constantTimeEqual() {
        #expect(Secrets.constantTimeEqual([], []))
        #expect(Secrets.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Secrets.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!Secrets.constantTimeEqual([1, 2, 3], [1, 2]))
    }
}
