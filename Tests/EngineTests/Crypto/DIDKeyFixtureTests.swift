// DIDKeyFixtureTests.swift: the interop did:key fixtures (w3c_didkey_K256.json, w3c_didkey_P256.json).
import Foundation
import Testing

@testable import Engine

@Suite struct DIDKeyFixtureTests {
    struct K256Entry: Decodable {
        let privateKeyBytesHex: String
        let publicDidKey: String
    }

    struct P256Entry: Decodable {
        let privateKeyBytesBase58: String
        let publicDidKey: String
    }

    static func k256Entries() throws -> [K256Entry] {
        try JSONDecoder().decode([K256Entry].self, from: Fixtures.data("interop/crypto/w3c_didkey_K256.json"))
    }

    static func p256Entries() throws -> [P256Entry] {
        try JSONDecoder().decode([P256Entry].self, from: Fixtures.data("interop/crypto/w3c_didkey_P256.json"))
    }

    @Test func k256PrivateKeysGiveTheirDIDKeys() throws {
        let entries = try Self.k256Entries()
        #expect(entries.count == 5)
        for e in entries {
            let key = try K256PrivateKey(rawRepresentation: NativeTestBytes.hex(e.privateKeyBytesHex))
            #expect(key.publicKey.didKey == e.publicDidKey)
            #expect(key.didKey == e.publicDidKey)
            #expect(NativeTestBytes.hexString(key.rawRepresentation) == e.privateKeyBytesHex)
            #expect(e.publicDidKey.hasPrefix("did:key:zQ3s"))
        }
    }

    @Test func p256PrivateKeysGiveTheirDIDKeys() throws {
        let entries = try Self.p256Entries()
        #expect(entries.count == 1)
        for e in entries {
            let raw = try #require(Base58.decode(e.privateKeyBytesBase58))
            #expect(raw.count == 32)
            let key = try P256PrivateKey(rawRepresentation: raw)
            #expect(key.publicKey.didKey == e.publicDidKey)
            #expect(key.rawRepresentation == raw)
            #expect(e.publicDidKey.hasPrefix("did:key:zDna"))
        }
    }

    @Test func fixtureDIDKeysParseAndReencode() throws {
        let dids = try Self.k256Entries().map(\.publicDidKey) + Self.p256Entries().map(\.publicDidKey)
        for did in dids {
            let key = try parseDIDKey(did)
            #expect(key.didKey == did)
            #expect(key.keyType == (did.hasPrefix("did:key:zQ3s") ? .k256 : .p256))
            #expect(try DIDKey.parseMultikey(key.multikey) == key)
            #expect("did:key:" + key.multikey == did)
            // The uncompressed point names the same key.
            #expect(try AnyPublicKey(keyType: key.keyType, sec1: key.uncompressed) == key)
        }
    }

    @Test func parsedKeysVerifyTheirPrivateKeysSignatures() throws {
        for e in try Self.k256Entries() {
            let priv = try K256PrivateKey(rawRepresentation: NativeTestBytes.hex(e.privateKeyBytesHex))
            let msg = Array("fixture message".utf8)
            #expect(verifySignature(didKey: e.publicDidKey, data: msg, signature: priv.sign(msg)))
        }
        for e in try Self.p256Entries() {
            let priv = try P256PrivateKey(rawRepresentation: try #require(Base58.decode(e.privateKeyBytesBase58)))
            let msg = Array("fixture message".utf8)
            #expect(verifySignature(didKey: e.publicDidKey, data: msg, signature: priv.sign(msg)))
        }
    }
}
