// SessionTests.swift: logging in, refresh rotation with its grace window, logout, token errors, admin auth.
// Book: docs/13-sessions-and-auth.md ("How it is tested").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Testing

@Suite struct SessionTests {
    /// The claims of a token (no verification: the test only reads them).
    static func claims(_ jwt: String) throws -> IPLDMap {
        let part = jwt.split(separator: ".")[1]
        return try AtprotoJSON.decodeObject(try #require(Base64URL.decode(String(part))))
    }

    @Test func loginByHandleDIDAndEmail() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            for identifier in [alice.handle, alice.did, alice.email, "ALICE@Mail.Example.com", "Alice.PDS.example"] {
                let reply = try await TestAccounts.post(
                    client, "com.atproto.server.createSession",
                    ["identifier": .string(identifier), "password": .string(alice.password)])
                #expect(reply.status == .ok, "\(identifier)")
                #expect(reply.json["did"] == .string(alice.did))
                #expect(reply.json["handle"] == .string(alice.handle))
                #expect(reply.json["email"] == .string(alice.email))
                #expect(reply.json["active"] == true)
                let access = try #require(reply.json["accessJwt"]?.stringValue)
                #expect(try Self.claims(access)["scope"] == "com.atproto.access")
                let session = try await TestAccounts.get(
                    client, "com.atproto.server.getSession", auth: TestAccounts.bearer(access))
                #expect(session.status == .ok)
                #expect(session.json["did"] == .string(alice.did))
                #expect(session.json["emailConfirmed"] == false)
            }
        }
    }

    @Test func wrongPasswordOrUnknownAccountIs401() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            for (identifier, password) in [
                (alice.handle, "wrong"), ("nobody.pds.example", alice.password), ("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "x"),
                ("", ""), (alice.handle, String(repeating: "x", count: 600)),
            ] {
                let reply = try await TestAccounts.post(
                    client, "com.atproto.server.createSession",
                    ["identifier": .string(identifier), "password": .string(password)])
                #expect(reply.status == .unauthorized)
                #expect(reply.json["message"] == "Invalid identifier or password")
            }
            let missing = try await TestAccounts.post(client, "com.atproto.server.createSession", ["identifier": "x"])
            #expect(missing.error == "InvalidRequest")
        }
    }

    @Test func refreshRotatesWithAGraceWindowThenRevokes() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let r0 = alice.refreshJwt
            let jti0 = try #require(try Self.claims(r0)["jti"]?.stringValue)

            let first = try await TestAccounts.post(client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(r0))
            #expect(first.status == .ok)
            let r1 = try #require(first.json["refreshJwt"]?.stringValue)
            let jti1 = try #require(try Self.claims(r1)["jti"]?.stringValue)
            #expect(jti1 != jti0)
            let a1 = try #require(first.json["accessJwt"]?.stringValue)
            #expect(try await TestAccounts.get(client, "com.atproto.server.getSession", auth: TestAccounts.bearer(a1)).status == .ok)

            // Inside the grace window the old token still works and leads to the same next session.
            let retry = try await TestAccounts.post(client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(r0))
            #expect(retry.status == .ok)
            #expect(try Self.claims(try #require(retry.json["refreshJwt"]?.stringValue))["jti"] == .string(jti1))

            // An access token is not a refresh token.
            let wrongKind = try await TestAccounts.post(client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(a1))
            #expect(wrongKind.error == "InvalidToken")

            // End the grace window: the old token is refused, the new one still rotates.
            try await pds.control.write { db in
                try await db.update("refresh_token").set("expires_at", to: Int64(1)).where("id", .equal, jti0).run()
            }
            let late = try await TestAccounts.post(client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(r0))
            #expect(late.status == .badRequest)
            #expect(late.error == "ExpiredToken")
            let next = try await TestAccounts.post(client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(r1))
            #expect(next.status == .ok)
        }
    }

    @Test func deleteSessionRevokesTheRefreshToken() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let out = try await TestAccounts.post(
                client, "com.atproto.server.deleteSession", auth: TestAccounts.bearer(alice.refreshJwt))
            #expect(out.status == .ok)
            let after = try await TestAccounts.post(
                client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(alice.refreshJwt))
            #expect(after.error == "ExpiredToken")

            // An expired refresh token still logs out (its signature is checked).
            let old = SessionTokens.mint(
                did: alice.did, scope: .access, serviceDID: pds.config.serviceDID, secret: Array("test-jwt-secret".utf8),
                now: 1_000_000)
            let expiredOut = try await TestAccounts.post(
                client, "com.atproto.server.deleteSession", auth: TestAccounts.bearer(old.refreshJwt))
            #expect(expiredOut.status == .ok)
            let forged = SessionTokens.mint(
                did: alice.did, scope: .access, serviceDID: pds.config.serviceDID, secret: Array("other".utf8), now: 1_000_000)
            let forgedOut = try await TestAccounts.post(
                client, "com.atproto.server.deleteSession", auth: TestAccounts.bearer(forged.refreshJwt))
            #expect(forgedOut.error == "InvalidToken")
        }
    }

    @Test func tokenErrorsHaveTheReferenceNames() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let none = try await TestAccounts.get(client, "com.atproto.server.getSession")
            #expect(none.status == .unauthorized)
            #expect(none.error == "AuthMissing")

            let expired = SessionTokens.mint(
                did: alice.did, scope: .access, serviceDID: pds.config.serviceDID, secret: Array("test-jwt-secret".utf8),
                now: Int64(Date().timeIntervalSince1970) - 3 * 3600)
            let late = try await TestAccounts.get(client, "com.atproto.server.getSession", auth: TestAccounts.bearer(expired.accessJwt))
            #expect(late.status == .badRequest)
            #expect(late.error == "ExpiredToken")

            var tampered = Array(alice.accessJwt.utf8)
            tampered[tampered.count - 3] = tampered[tampered.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            for bad in [String(decoding: tampered, as: UTF8.self), "garbage", "a.b.c", alice.refreshJwt] {
                let reply = try await TestAccounts.get(client, "com.atproto.server.getSession", auth: TestAccounts.bearer(bad))
                #expect(reply.status == .badRequest)
                #expect(reply.error == "InvalidToken")
            }
            let basic = try await TestAccounts.get(client, "com.atproto.server.getSession", auth: TestAccounts.adminAuth)
            #expect(basic.error == "InvalidToken")
        }
    }

    @Test func inviteCodesNeedAdminAuth() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            for nsid in ["com.atproto.server.createInviteCode", "com.atproto.server.createInviteCodes"] {
                let none = try await TestAccounts.post(client, nsid, ["useCount": 1])
                #expect(none.status == .unauthorized)
                #expect(none.error == "AuthMissing")
                let wrong = try await TestAccounts.post(
                    client, nsid, ["useCount": 1], auth: "Basic " + Base64.encode(Array("admin:nope".utf8)))
                #expect(wrong.status == .unauthorized)
                let user = try await TestAccounts.post(client, nsid, ["useCount": 1], auth: TestAccounts.bearer(alice.accessJwt))
                #expect(user.status == .unauthorized)
            }
            let many = try await TestAccounts.post(
                client, "com.atproto.server.createInviteCodes",
                ["useCount": 2, "codeCount": 3, "forAccounts": [.string(alice.did)]], auth: TestAccounts.adminAuth)
            #expect(many.status == .ok)
            let batch = try #require(many.json["codes"]?.listValue?.first)
            #expect(batch["account"] == .string(alice.did))
            #expect(batch["codes"]?.listValue?.count == 3)
            #expect(batch["codes"]?.listValue?.first?.stringValue?.hasPrefix("pds-example-") == true)
            let bad = try await TestAccounts.post(
                client, "com.atproto.server.createInviteCode", ["useCount": 0], auth: TestAccounts.adminAuth)
            #expect(bad.error == "InvalidRequest")
        }
    }

    @Test func checkAccountStatusDescribesTheRepo() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let reply = try await TestAccounts.get(
                client, "com.atproto.server.checkAccountStatus", auth: TestAccounts.bearer(alice.accessJwt))
            #expect(reply.status == .ok)
            let root = try #require(try pds.storage.root(did: alice.did))
            #expect(reply.json["repoCommit"] == .string(root.commit.string))
            #expect(reply.json["repoRev"] == .string(root.rev))
            #expect(reply.json["activated"] == true)
            #expect(reply.json["validDid"] == true)
            #expect(reply.json["repoBlocks"] == 2)
            #expect(reply.json["indexedRecords"] == 0)
        }
    }
}
