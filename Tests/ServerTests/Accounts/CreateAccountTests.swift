// CreateAccountTests.swift: createAccount end to end, and every refusal leaving nothing behind.
// Book: docs/12-accounts-and-dids.md ("How it is tested").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct CreateAccountTests {
    @Test func accountFlowFromInviteToVerifiedCommit() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            #expect(alice.did.hasPrefix("did:plc:"))
            #expect(alice.json["handle"] == .string("alice.pds.example"))

            // The DID resolves through the local directory to the document createAccount returned.
            let plc = try await TestAccounts.send(client, "/plc/\(alice.did)", .get)
            #expect(plc.status == .ok)
            #expect(plc.json == alice.json["didDoc"])
            let doc = try DIDDocument(json: Array(plc.text.utf8))
            #expect(doc.id.string == alice.did)
            #expect(doc.handle?.string == "alice.pds.example")
            #expect(doc.pdsEndpoint == "https://pds.example")

            // Its signing key verifies the repo's first commit.
            let key = try #require(doc.signingKey)
            let root = try #require(try pds.storage.root(did: alice.did))
            let commit = try SignedCommit(decoding: try #require(try pds.storage.block(did: alice.did, cid: root.commit)))
            #expect(commit.unsigned.did == alice.did)
            #expect(commit.verify(with: key))

            // The audit log replays, and /data names the server's rotation key.
            let audit = try await TestAccounts.send(client, "/plc/\(alice.did)/log/audit", .get)
            let log = try PLCLog(verifying: try PLCLog.parseAuditLog(json: Array(audit.text.utf8)))
            #expect(log.entries.count == 1)
            let data = try await TestAccounts.send(client, "/plc/\(alice.did)/data", .get)
            #expect(data.json["rotationKeys"] == .list([.string(pds.secrets.rotationKey.didKey)]))

            // #identity, #account, #commit, in that order.
            let events = try TestAccounts.events(pds).filter { $0.did == alice.did }.map(\.type)
            #expect(events == ["#identity", "#account", "#commit", "#sync"])

            // The account row and the invite use are there.
            let row = try #require(try await pds.control.account(did: alice.did))
            #expect(row.handle == "alice.pds.example")
            #expect(row.email == "alice@mail.example.com")
            #expect(row.passwordHash?.hasPrefix("scrypt$") == true)
            #expect(try await pds.control.inviteCodeUse(by: alice.did) != nil)
        }
    }

    @Test func openSignupNeedsNoInvite() async throws {
        try await TestPDS.with(["PDS_INVITE_REQUIRED": "false"]) { client, pds in
            let reply = try await TestAccounts.post(
                client, "com.atproto.server.createAccount",
                ["handle": "bob.pds.example", "email": "bob@mail.example.com", "password": "pw-bob-123"])
            #expect(reply.status == .ok)
            #expect(reply.json["did"]?.stringValue?.hasPrefix("did:plc:") == true)
        }
    }

    /// One refused request: the body to send and the error name expected.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let label: String
        let body: [String: String]
        let error: String
        var testDescription: String { label }
    }

    static let refusals: [Refusal] = [
        .init(label: "bad handle syntax", body: ["handle": "al!ce.pds.example"], error: "InvalidHandle"),
        .init(label: "dotted service name", body: ["handle": "a.bc.pds.example"], error: "InvalidHandle"),
        .init(label: "too short", body: ["handle": "ab.pds.example"], error: "InvalidHandle"),
        .init(label: "too long", body: ["handle": "abcdefghijklmnopqrs.pds.example"], error: "InvalidHandle"),
        .init(label: "disallowed TLD", body: ["handle": "carol.local"], error: "InvalidHandle"),
        .init(label: "reserved", body: ["handle": "admin.pds.example"], error: "HandleNotAvailable"),
        .init(label: "wrong domain", body: ["handle": "carol.other.com"], error: "UnsupportedDomain"),
        .init(label: "taken handle", body: ["handle": "alice.pds.example"], error: "InvalidRequest"),
        .init(label: "taken handle in other case", body: ["handle": "ALICE.Pds.Example"], error: "InvalidRequest"),
        .init(label: "taken email", body: ["email": "ALICE@mail.example.com"], error: "InvalidRequest"),
        .init(label: "bad email", body: ["email": "not an email"], error: "InvalidRequest"),
        .init(label: "missing email", body: ["email": ""], error: "InvalidRequest"),
        .init(label: "password too long", body: ["password": String(repeating: "p", count: 257)], error: "InvalidRequest"),
        .init(label: "missing invite", body: ["inviteCode": ""], error: "InvalidInviteCode"),
        .init(label: "unknown invite", body: ["inviteCode": "pds-example-aaaaa-bbbbb"], error: "InvalidInviteCode"),
        .init(label: "used invite", body: ["inviteCode": "USED"], error: "InvalidInviteCode"),
        .init(label: "recovery key not a did:key", body: ["recoveryKey": "nope"], error: "InvalidRequest"),
    ]

    @Test(arguments: refusals) func refusalWritesNothing(_ refusal: Refusal) async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let usedInvite = try await pds.control.inviteCodeUse(by: alice.did)!.code
            let invite = try await TestAccounts.invite(client)
            var body: [String: String] = [
                "handle": "carol.pds.example", "email": "carol@mail.example.com", "password": "pw-carol-123",
                "inviteCode": invite,
            ]
            for (k, v) in refusal.body { body[k] = v == "USED" ? usedInvite : v }
            let eventsBefore = try TestAccounts.events(pds).count
            let reply = try await TestAccounts.post(
                client, "com.atproto.server.createAccount", .map(try IPLDMap(body.map { ($0.key, .string($0.value)) })))
            #expect(reply.status == .badRequest)
            #expect(reply.error == refusal.error)
            // Nothing written: no row, no event, the fresh invite still unused.
            #expect(try await pds.control.account(handle: "carol.pds.example") == nil)
            #expect(try TestAccounts.events(pds).count == eventsBefore)
            #expect(try await pds.control.inviteCode(invite)?.remainingUses == 1)
        }
    }

    @Test func plcOpAndWrongTypesAreRefused() async throws {
        try await TestPDS.with { client, _ in
            let invite = try await TestAccounts.invite(client)
            let withOp = try await TestAccounts.post(
                client, "com.atproto.server.createAccount",
                ["handle": "dave.pds.example", "email": "d@mail.example.com", "inviteCode": .string(invite), "plcOp": [:]])
            #expect(withOp.error == "InvalidRequest")
            let wrongType = try await TestAccounts.post(
                client, "com.atproto.server.createAccount", ["handle": 7, "email": "d@mail.example.com"])
            #expect(wrongType.error == "InvalidRequest")
            let notJSON = try await TestAccounts.send(
                client, "/xrpc/com.atproto.server.createAccount", .post, [.contentType: "application/json"],
                ByteBuffer(string: "{nope"))
            #expect(notJSON.status == .badRequest)
        }
    }

    @Test func racingSignupsForOneHandleCreateOneAccount() async throws {
        try await TestPDS.with { client, pds in
            let invite = try await TestAccounts.invite(client, uses: 10)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<4 {
                    group.addTask {
                        try await TestAccounts.post(
                            client, "com.atproto.server.createAccount",
                            [
                                "handle": "erin.pds.example", "email": .string("erin\(i)@mail.example.com"),
                                "password": "pw-erin-123", "inviteCode": .string(invite),
                            ]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .badRequest }.count == 3)
            let events = try TestAccounts.events(pds)
            #expect(events.filter { $0.type == "#identity" }.count == 1)
            #expect(try await pds.control.inviteCode(invite)?.remainingUses == 9)
        }
    }
}
