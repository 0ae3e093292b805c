// AccountActivationTests.swift: deactivating stops serving and writing; activating restores both, with events.
// Book: docs/13-sessions-and-auth.md ("Deactivation").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct AccountActivationTests {
    @Test func deactivateThenActivate() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let post: IPLD = ["repo": .string(alice.did), "collection": "com.example.x", "record": ["a": 1]]
            #expect(try await TestAccounts.post(client, "com.atproto.repo.createRecord", post, auth: auth).status == .ok)
            let before = try TestAccounts.events(pds).count

            let off = try await TestAccounts.post(
                client, "com.atproto.server.deactivateAccount", ["deleteAfter": "2027-01-01T00:00:00.000Z"], auth: auth)
            #expect(off.status == .ok)
            #expect(try await pds.control.account(did: alice.did)?.deleteAfter != nil)
            #expect(try TestAccounts.events(pds).dropFirst(before).map(\.type) == ["#account"])
            let write = try await TestAccounts.post(client, "com.atproto.repo.createRecord", post, auth: auth)
            #expect(write.status == .unauthorized && write.error == "AccountDeactivated")
            let repo = try await TestAccounts.get(client, "com.atproto.sync.getLatestCommit", query: "did=\(alice.did)")
            #expect(repo.error == "RepoDeactivated")
            let session = try await TestAccounts.get(client, "com.atproto.server.getSession", auth: auth)
            #expect(session.json["active"] == false && session.json["status"] == "deactivated")
            let status = try await TestAccounts.get(client, "com.atproto.server.checkAccountStatus", auth: auth)
            #expect(status.json["activated"] == false)

            let on = try await TestAccounts.post(client, "com.atproto.server.activateAccount", auth: auth)
            #expect(on.status == .ok)
            #expect(try TestAccounts.events(pds).dropFirst(before + 1).map(\.type) == ["#account", "#identity", "#sync"])
            #expect(try await TestAccounts.post(client, "com.atproto.repo.createRecord", post, auth: auth).status == .ok)
            #expect(try await pds.control.account(did: alice.did)?.deleteAfter == nil)
            // Activating an active account changes nothing.
            let count = try TestAccounts.events(pds).count
            #expect(try await TestAccounts.post(client, "com.atproto.server.activateAccount", auth: auth).status == .ok)
            #expect(try TestAccounts.events(pds).count == count)
        }
    }

    @Test func refusals() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let bad = try await TestAccounts.post(client, "com.atproto.server.deactivateAccount", ["deleteAfter": "soon"], auth: auth)
            #expect(bad.status == .badRequest && bad.error == "InvalidRequest")
            #expect(try await pds.control.account(did: alice.did)?.deactivatedAt == nil)
            #expect(try await TestAccounts.post(client, "com.atproto.server.deactivateAccount", [:]).status == .unauthorized)
            // An app-password session may not deactivate the account.
            let made = try await TestAccounts.post(client, "com.atproto.server.createAppPassword", ["name": "c"], auth: auth)
            let login = try await TestAccounts.post(
                client, "com.atproto.server.createSession",
                ["identifier": .string(alice.handle), "password": made.json["password"] ?? .null])
            let app = TestAccounts.bearer(login.json["accessJwt"]?.stringValue ?? "")
            let refused = try await TestAccounts.post(client, "com.atproto.server.deactivateAccount", [:], auth: app)
            #expect(refused.error == "InvalidToken")
            // Taken down: neither.
            try await pds.control.setTakedown(did: alice.did, ref: "mod-1")
            let takendown = try await TestAccounts.post(client, "com.atproto.server.deactivateAccount", [:], auth: auth)
            #expect(takendown.status == .unauthorized)
        }
    }
}
