// ReserveSigningKeyTests.swift: reserveSigningKey hands out keys an account moving here will sign with.
// Book: docs/12-accounts-and-dids.md ("Reserving a signing key").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct ReserveSigningKeyTests {
    static func reserve(_ client: any TestClientProtocol, _ body: IPLD?) async throws -> XRPCReply {
        try await TestAccounts.post(client, "com.atproto.server.reserveSigningKey", body)
    }

    @Test func oneKeyPerDIDAndFreshKeysWithout() async throws {
        try await TestPDS.with { client, pds in
            let did = "did:plc:abcdefghijklmnopqrstuvwx"
            let first = try await Self.reserve(client, ["did": .string(did)])
            #expect(first.status == .ok)
            let key = try #require(first.json["signingKey"]?.stringValue)
            #expect((try? DIDKey.parse(key)) != nil)
            // Asking again for the same DID gives the same key; another DID another key.
            #expect(try await Self.reserve(client, ["did": .string(did)]).json["signingKey"]?.stringValue == key)
            let other = try await Self.reserve(client, ["did": "did:web:elsewhere.example"]).json["signingKey"]?
                .stringValue
            #expect(other != nil && other != key)
            // Without a DID (an empty object, or no body at all), a fresh key every time.
            let a = try await Self.reserve(client, [:]).json["signingKey"]?.stringValue
            let b = try await Self.reserve(client, nil).json["signingKey"]?.stringValue
            #expect(a != nil && b != nil && a != b && a != key)

            // What account creation for an existing DID will take: the private half, once.
            let taken = try #require(try await pds.takeReservedSigningKey(did: did, keyDID: nil))
            #expect(taken.didKey == key)
            #expect(try await pds.takeReservedSigningKey(did: did, keyDID: nil) == nil)
            // A key reserved without a DID is found by the key the DID document names.
            let unbound = try #require(
                try await pds.takeReservedSigningKey(did: "did:plc:zzzzzzzzzzzzzzzzzzzzzzzz", keyDID: a))
            #expect(unbound.didKey == a)
            // Once taken, the DID gets a new key if it asks again.
            let again = try await Self.reserve(client, ["did": .string(did)]).json["signingKey"]?.stringValue
            #expect(again != nil && again != key)
        }
    }

    @Test func badInput() async throws {
        try await TestPDS.with { client, _ in
            for body: IPLD in [
                ["did": "not-a-did"], ["did": 42], ["did": ["did:plc:x"]],
                ["did": .string("did:web:" + String(repeating: "a", count: 5000))],
            ] {
                let reply = try await Self.reserve(client, body)
                #expect(reply.status == .badRequest && reply.error == "InvalidRequest", "\(body)")
            }
            let garbage = try await TestAccounts.send(
                client, "/xrpc/com.atproto.server.reserveSigningKey", .post, [.contentType: "application/json"],
                ByteBuffer(string: "[1,2"))
            #expect(garbage.status == .badRequest)
            let notObject = try await TestAccounts.send(
                client, "/xrpc/com.atproto.server.reserveSigningKey", .post, [.contentType: "application/json"],
                ByteBuffer(string: "\"did:plc:abcdefghijklmnopqrstuvwx\""))
            #expect(notObject.status == .badRequest)
        }
    }
}
