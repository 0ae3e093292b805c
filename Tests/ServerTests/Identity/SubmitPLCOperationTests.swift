// SubmitPLCOperationTests.swift: recommended credentials, and operations submitted by the account.
// Book: docs/12-accounts-and-dids.md ("Operations from the account").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct SubmitPLCOperationTests {
    /// The caller's next operation, signed with the PDS rotation key, after `change`.
    static func operation(_ pds: PDS, _ did: String, _ change: (inout PLCRegularOperation) -> Void) async throws -> IPLD {
        let plcDID = try DID(did)
        let last = try #require(try await pds.plc.lastOperation(did: plcDID))
        let op = try SignedPLCOperation.update(after: last, signedBy: pds.secrets.rotationKey, change)
        return try AtprotoJSON.decode(op.json)
    }

    @Test func recommendedCredentialsAndASubmittedOperation() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let recommended = try await TestAccounts.get(client, "com.atproto.identity.getRecommendedDidCredentials", auth: auth)
            #expect(recommended.json["rotationKeys"] == [.string(pds.secrets.rotationKey.didKey)])
            #expect(recommended.json["alsoKnownAs"] == ["at://alice.pds.example"])
            let key = try await pds.signingKey(did: alice.did)
            #expect(recommended.json["verificationMethods"]?["atproto"] == .string(key.didKey))
            #expect(recommended.json["services"]?["atproto_pds"]?["endpoint"] == .string(pds.config.publicURL))

            // Adding a recovery key of the user's own, keeping everything this PDS needs.
            let recovery = AnyPrivateKey.generate(.k256).didKey
            let op = try await Self.operation(pds, alice.did) { $0.rotationKeys.insert(recovery, at: 0) }
            let events = try TestAccounts.events(pds).count
            let submitted = try await TestAccounts.post(client, "com.atproto.identity.submitPlcOperation", ["operation": op], auth: auth)
            #expect(submitted.status == .ok)
            let audit = try await TestAccounts.send(client, "/plc/\(alice.did)/log/audit", .get)
            #expect(audit.json.listValue?.count == 2)
            let data = try await TestAccounts.send(client, "/plc/\(alice.did)/data", .get)
            #expect(data.json["rotationKeys"]?.listValue?.first == .string(recovery))
            #expect(try TestAccounts.events(pds).dropFirst(events).map(\.type) == ["#identity"])
        }
    }

    @Test func operationsThatWouldStrandTheAccountAreRefused() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let rotation = pds.secrets.rotationKey.didKey
            let cases: [(String, (inout PLCRegularOperation) -> Void)] = [
                ("Rotation keys do not include server's rotation key", { $0.rotationKeys.removeAll { $0 == rotation } }),
                ("Incorrect endpoint on atproto_pds service", { $0.setPDSEndpoint("https://elsewhere.example") }),
                ("Incorrect signing key", { $0.setSigningKey(AnyPrivateKey.generate(.k256).didKey) }),
                ("Incorrect handle in alsoKnownAs", { $0.setHandle("mallory.pds.example") }),
            ]
            for (message, change) in cases {
                let op = try await Self.operation(pds, alice.did, change)
                let reply = try await TestAccounts.post(client, "com.atproto.identity.submitPlcOperation", ["operation": op], auth: auth)
                #expect(reply.status == .badRequest && reply.json["message"] == .string(message))
            }
            // Malformed, or signed by a key that may not rotate this DID.
            let garbage = try await TestAccounts.post(
                client, "com.atproto.identity.submitPlcOperation", ["operation": ["type": "plc_operation"]], auth: auth)
            #expect(garbage.status == .badRequest)
            let last = try #require(try await pds.plc.lastOperation(did: try DID(alice.did)))
            let forged = try SignedPLCOperation.update(after: last, signedBy: AnyPrivateKey.generate(.k256)) { $0.rotationKeys.append("did:key:zQ3shabc") }
            let forgedReply = try await TestAccounts.post(
                client, "com.atproto.identity.submitPlcOperation", ["operation": try AtprotoJSON.decode(forged.json)], auth: auth)
            #expect(forgedReply.status == .badRequest)
            #expect(try await TestAccounts.send(client, "/plc/\(alice.did)/log/audit", .get).json.listValue?.count == 1)
            #expect(try await TestAccounts.post(client, "com.atproto.identity.submitPlcOperation", ["operation": ["a": 1]]).status == .unauthorized)
        }
    }
}
