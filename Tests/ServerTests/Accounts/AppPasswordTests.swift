// AppPasswordTests.swift: app passwords: made once, logged in with, limited, listed and revoked.
// Book: docs/13-sessions-and-auth.md ("App passwords").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct AppPasswordTests {
    /// The `scope` claim of an access token.
    static func scope(_ jwt: String) -> String? {
        let parts = jwt.split(separator: ".")
        guard parts.count == 3, let payload = Base64URL.decode(String(parts[1])) else { return nil }
        return (try? AtprotoJSON.decode(payload))?["scope"]?.stringValue
    }

    static func login(_ client: any TestClientProtocol, _ id: String, _ password: String) async throws -> XRPCReply {
        try await TestAccounts.post(
            client, "com.atproto.server.createSession", ["identifier": .string(id), "password": .string(password)])
    }

    @Test func createLoginListRevoke() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let full = TestAccounts.bearer(alice.accessJwt)
            let made = try await TestAccounts.post(client, "com.atproto.server.createAppPassword", ["name": "my client"], auth: full)
            #expect(made.status == .ok)
            let password = try #require(made.json["password"]?.stringValue)
            #expect(password.wholeMatch(of: /[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}/) != nil)
            #expect(made.json["privileged"] == false && made.json["name"] == "my client")

            // Logging in with it gives an app-password session that can write records.
            let session = try await Self.login(client, alice.handle, password)
            #expect(session.status == .ok)
            let appAccess = try #require(session.json["accessJwt"]?.stringValue)
            #expect(Self.scope(appAccess) == "com.atproto.appPass")
            let app = TestAccounts.bearer(appAccess)
            let write = try await TestAccounts.post(
                client, "com.atproto.repo.createRecord",
                ["repo": .string(alice.did), "collection": "com.example.x", "record": ["a": 1]], auth: app)
            #expect(write.status == .ok)

            // It may not make more app passwords, but may list them (no secrets in the list).
            let refused = try await TestAccounts.post(client, "com.atproto.server.createAppPassword", ["name": "another"], auth: app)
            #expect(refused.status == .badRequest && refused.error == "InvalidToken")
            let list = try await TestAccounts.get(client, "com.atproto.server.listAppPasswords", auth: app)
            #expect(list.status == .ok)
            guard case .list(let entries)? = list.json["passwords"] else {
                Issue.record("no list")
                return
            }
            #expect(entries.count == 1 && entries[0]["name"] == "my client" && entries[0]["password"] == nil)
            #expect(!list.text.contains(password))

            // A refreshed app-password session stays one.
            let refreshJwt = try #require(session.json["refreshJwt"]?.stringValue)
            let refreshed = try await TestAccounts.post(
                client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(refreshJwt))
            #expect(refreshed.status == .ok)
            #expect(Self.scope(refreshed.json["accessJwt"]?.stringValue ?? "") == "com.atproto.appPass")
            let nextRefresh = try #require(refreshed.json["refreshJwt"]?.stringValue)

            // Revoked: no login, and its sessions can no longer be refreshed.
            let revoke = try await TestAccounts.post(client, "com.atproto.server.revokeAppPassword", ["name": "my client"], auth: full)
            #expect(revoke.status == .ok)
            #expect(try await Self.login(client, alice.handle, password).status == .unauthorized)
            let dead = try await TestAccounts.post(
                client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(nextRefresh))
            #expect(dead.status == .badRequest)
            // The account password still works.
            #expect(try await Self.login(client, alice.handle, alice.password).status == .ok)
            #expect(try await pds.control.appPasswords(did: alice.did).isEmpty)
        }
    }

    @Test func privilegedNamesAndBadInput() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            let bob = try await TestAccounts.create(client, name: "bob")
            let full = TestAccounts.bearer(alice.accessJwt)
            let made = try await TestAccounts.post(
                client, "com.atproto.server.createAppPassword", ["name": "chat", "privileged": true], auth: full)
            #expect(made.json["privileged"] == true)
            let password = try #require(made.json["password"]?.stringValue)
            let session = try await Self.login(client, alice.did, password)
            #expect(Self.scope(session.json["accessJwt"]?.stringValue ?? "") == "com.atproto.appPassPrivileged")
            // Another account's identifier with this app password does not log in.
            #expect(try await Self.login(client, bob.handle, password).status == .unauthorized)

            let duplicate = try await TestAccounts.post(client, "com.atproto.server.createAppPassword", ["name": "chat"], auth: full)
            #expect(duplicate.status == .badRequest && duplicate.error == "InvalidRequest")
            for bad: IPLD in [["name": ""], ["name": "   "], ["name": .string(String(repeating: "n", count: 101))], ["name": 5], [:]] {
                let reply = try await TestAccounts.post(client, "com.atproto.server.createAppPassword", bad, auth: full)
                #expect(reply.status == .badRequest && reply.error == "InvalidRequest")
            }
            let noAuth = try await TestAccounts.post(client, "com.atproto.server.createAppPassword", ["name": "x"])
            #expect(noAuth.status == .unauthorized)
            // Revoking an unknown name is not an error.
            let revoke = try await TestAccounts.post(client, "com.atproto.server.revokeAppPassword", ["name": "nope"], auth: full)
            #expect(revoke.status == .ok)
        }
    }
}
