// SignPLCOperationTests.swift: a mailed token lets the account have this server sign its next PLC operation.
// Book: docs/12-accounts-and-dids.md ("Operations from the account").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct SignPLCOperationTests {
    static func request(_ client: any TestClientProtocol, _ auth: String?) async throws -> XRPCReply {
        try await TestAccounts.post(client, "com.atproto.identity.requestPlcOperationSignature", auth: auth)
    }

    static func sign(_ client: any TestClientProtocol, _ body: IPLD, _ auth: String) async throws -> XRPCReply {
        try await TestAccounts.post(client, "com.atproto.identity.signPlcOperation", body, auth: auth)
    }

    static func auditCount(_ client: any TestClientProtocol, _ did: String) async throws -> Int? {
        try await TestAccounts.send(client, "/plc/\(did)/log/audit", .get).json.listValue?.count
    }

    @Test func requestSignSubmit() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            #expect(try await Self.request(client, auth).status == .ok)
            let outbox = try String(contentsOfFile: pds.mailer.outbox, encoding: .utf8)
            #expect(outbox.contains("To: \(alice.email)") && outbox.contains("Subject: Confirm an identity change"))
            let token = try EmailConfirmationTests.lastToken(pds)

            // A user recovery key ahead of the server's; everything else kept.
            let recovery = AnyPrivateKey.generate(.k256).didKey
            let rotation = pds.secrets.rotationKey.didKey
            let signed = try await Self.sign(
                client, ["token": .string(token), "rotationKeys": [.string(recovery), .string(rotation)]], auth)
            #expect(signed.status == .ok)
            let value = try #require(signed.json["operation"])
            let op = try SignedPLCOperation(ipld: value)
            let last = try #require(try await pds.plc.lastOperation(did: try DID(alice.did)))
            #expect(op.prev == last.cid)
            #expect(try op.verify(allowedKeys: [rotation]) == 0)
            guard case .regular(let body) = op.unsigned, case .regular(let before) = last.unsigned else {
                Issue.record("not plc_operation")
                return
            }
            #expect(body.rotationKeys == [recovery, rotation])
            #expect(body.alsoKnownAs == before.alsoKnownAs && body.services == before.services)
            #expect(body.verificationMethods == before.verificationMethods)
            // Signed, not published.
            #expect(try await Self.auditCount(client, alice.did) == 1)

            let submitted = try await TestAccounts.post(
                client, "com.atproto.identity.submitPlcOperation", ["operation": value], auth: auth)
            #expect(submitted.status == .ok)
            let data = try await TestAccounts.send(client, "/plc/\(alice.did)/data", .get)
            #expect(data.json["rotationKeys"] == [.string(recovery), .string(rotation)])
            #expect(try await Self.auditCount(client, alice.did) == 2)

            // The token was used up.
            let replay = try await Self.sign(client, ["token": .string(token)], auth)
            #expect(replay.status == .badRequest && replay.error == "InvalidToken")
        }
    }

    @Test func tokensAreRequiredSingleUseAndExpire() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let none = try await Self.sign(client, ["alsoKnownAs": ["at://alice.pds.example"]], auth)
            #expect(none.status == .badRequest && none.error == "InvalidRequest")
            #expect(try await Self.sign(client, ["token": "AAAAA-AAAAA"], auth).error == "InvalidToken")

            #expect(try await Self.request(client, auth).status == .ok)
            let token = try EmailConfirmationTests.lastToken(pds)
            // A wrong guess leaves the real token good; a token for another purpose does nothing.
            #expect(try await Self.sign(client, ["token": "AAAAA-AAAAA"], auth).error == "InvalidToken")
            try await pds.control.putEmailToken(purpose: .confirmEmail, did: alice.did, token: "CCCCC-CCCCC")
            #expect(try await Self.sign(client, ["token": "CCCCC-CCCCC"], auth).error == "InvalidToken")
            #expect(try await Self.sign(client, ["token": .string(token.lowercased())], auth).status == .ok)

            // Another account's token is not the caller's.
            let bob = try await TestAccounts.create(client, name: "bob")
            #expect(try await Self.request(client, TestAccounts.bearer(bob.accessJwt)).status == .ok)
            let bobs = try EmailConfirmationTests.lastToken(pds)
            #expect(try await Self.sign(client, ["token": .string(bobs)], auth).error == "InvalidToken")

            try await pds.control.putEmailToken(
                purpose: .plcOperation, did: alice.did, token: "EEEEE-EEEEE",
                requestedAt: Date().addingTimeInterval(-16 * 60))
            let expired = try await Self.sign(client, ["token": "EEEEE-EEEEE"], auth)
            #expect(expired.status == .badRequest && expired.error == "ExpiredToken")
            #expect(try await pds.control.emailToken(purpose: .plcOperation, did: alice.did) == nil)
        }
    }

    @Test func sessionsThatMayNotSign() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            #expect(try await Self.request(client, nil).status == .unauthorized)
            #expect(
                try await TestAccounts.post(client, "com.atproto.identity.signPlcOperation", ["token": "X"]).status
                    == .unauthorized)
            // An app password is not enough.
            let made = try await TestAccounts.post(
                client, "com.atproto.server.createAppPassword", ["name": "app"], auth: auth)
            let login = try await TestAccounts.post(
                client, "com.atproto.server.createSession",
                ["identifier": .string(alice.handle), "password": made.json["password"] ?? .null])
            let app = TestAccounts.bearer(login.json["accessJwt"]?.stringValue ?? "")
            #expect(try await Self.request(client, app).error == "InvalidToken")
            #expect(try await Self.sign(client, ["token": "AAAAA-AAAAA"], app).error == "InvalidToken")
            // A taken-down account's session may (so it can move away), as in the reference.
            let takendown = SessionTokens.mint(
                did: alice.did, scope: .takendown, serviceDID: pds.config.serviceDID, secret: pds.secrets.jwtSecret,
                now: Int64(Date().timeIntervalSince1970))
            #expect(try await Self.request(client, TestAccounts.bearer(takendown.accessJwt)).status == .ok)
            // An account without an email address cannot get a token.
            let noMail = try await RepoTest.account(pds)
            let reply = try await Self.request(client, TestAccounts.bearer(noMail.token))
            #expect(reply.status == .badRequest && reply.json["message"] == "account does not have an email address")
        }
    }

    @Test func badInputIsRefusedWithoutSpendingTheToken() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            #expect(try await Self.request(client, auth).status == .ok)
            let token = IPLD.string(try EmailConfirmationTests.lastToken(pds))
            let long = IPLD.string(String(repeating: "a", count: 20_000))
            let bad: [IPLD] = [
                ["token": token, "rotationKeys": "did:key:z"],
                ["token": token, "rotationKeys": [1, 2]],
                ["token": token, "rotationKeys": ["not-a-key"]],
                ["token": token, "rotationKeys": []],
                ["token": token, "alsoKnownAs": .list([long])],
                ["token": token, "alsoKnownAs": .list(Array(repeating: "at://x.example", count: 11))],
                ["token": token, "verificationMethods": ["atproto": 5]],
                ["token": token, "verificationMethods": ["atproto"]],
                ["token": token, "verificationMethods": ["atproto": long]],
                ["token": token, "services": ["atproto_pds": ["type": "AtprotoPersonalDataServer"]]],
                ["token": token, "services": ["atproto_pds": ["type": 1, "endpoint": "https://x.example"]]],
                [
                    "token": token,
                    "services": ["atproto_pds": ["type": "A", "endpoint": "https://x.example", "extra": "y"]],
                ],
                ["token": token, "services": "https://x.example"],
                ["token": 12345],
            ]
            for body in bad {
                let reply = try await Self.sign(client, body, auth)
                #expect(reply.status == .badRequest && reply.error == "InvalidRequest", "\(body)")
            }
            let notJSON = try await TestAccounts.send(
                client, "/xrpc/com.atproto.identity.signPlcOperation", .post,
                [.authorization: auth, .contentType: "application/json"], ByteBuffer(string: "{\"token\":"))
            #expect(notJSON.status == .badRequest)
            // The token survived all of that.
            let good = try await Self.sign(
                client, ["token": token, "alsoKnownAs": ["at://alice.pds.example", "https://alice.example"]], auth)
            #expect(good.status == .ok)
            #expect(good.json["operation"]?["alsoKnownAs"] == ["at://alice.pds.example", "https://alice.example"])
        }
    }

    @Test func refusedWhenThisServerCannotSignOrTheDIDIsTombstoned() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let did = try DID(alice.did)
            #expect(try await Self.request(client, auth).status == .ok)
            let token = IPLD.string(try EmailConfirmationTests.lastToken(pds))

            // The account moved its rotation authority to a key of its own.
            let own = AnyPrivateKey.generate(.k256)
            let first = try #require(try await pds.plc.lastOperation(did: did))
            let handover = try SignedPLCOperation.update(after: first, signedBy: pds.secrets.rotationKey) {
                $0.rotationKeys = [own.didKey]
            }
            try await pds.plc.local.submit(handover, did: did)
            let refused = try await Self.sign(client, ["token": token], auth)
            #expect(refused.status == .badRequest)
            #expect(refused.json["message"] == "This server's rotation key is not a rotation key of the DID")

            let tombstone = try SignedPLCOperation.tombstone(after: handover, signedBy: own)
            try await pds.plc.local.submit(tombstone, did: did)
            let gone = try await Self.sign(client, ["token": token], auth)
            #expect(gone.status == .badRequest && gone.json["message"] == "Did is tombstoned")
            // Neither refusal spent the token.
            #expect(try await pds.control.emailToken(purpose: .plcOperation, did: alice.did) != nil)
        }
    }
}
