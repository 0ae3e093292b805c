// EmailUpdateTests.swift: changing the address, with a mailed token once the old one is confirmed.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct EmailUpdateTests {
    @Test func unconfirmedAddressChangesWithoutAToken() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let asked = try await TestAccounts.post(client, "com.atproto.server.requestEmailUpdate", auth: auth)
            #expect(asked.json["tokenRequired"] == false)
            #expect(!FileManager.default.fileExists(atPath: pds.mailer.outbox))
            let update = try await TestAccounts.post(
                client, "com.atproto.server.updateEmail", ["email": "Alice.New@Mail.Example.com"], auth: auth)
            #expect(update.status == .ok)
            #expect(try await pds.control.account(did: alice.did)?.email == "alice.new@mail.example.com")
        }
    }

    @Test func confirmedAddressNeedsTheMailedToken() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let bob = try await TestAccounts.create(client, name: "bob")
            let auth = TestAccounts.bearer(alice.accessJwt)
            try await pds.control.confirmEmail(did: alice.did)

            let asked = try await TestAccounts.post(client, "com.atproto.server.requestEmailUpdate", auth: auth)
            #expect(asked.json["tokenRequired"] == true)
            let outbox = try String(contentsOfFile: pds.mailer.outbox, encoding: .utf8)
            #expect(outbox.contains("To: \(alice.email)"))
            let token = try EmailConfirmationTests.lastToken(pds)

            let update: (IPLD) async throws -> XRPCReply = { body in
                try await TestAccounts.post(client, "com.atproto.server.updateEmail", body, auth: auth)
            }
            #expect(try await update(["email": "new@mail.example.com"]).error == "TokenRequired")
            #expect(
                try await update(["email": "new@mail.example.com", "token": "AAAAA-AAAAA"]).error == "InvalidToken")
            // Bad and taken addresses are refused before the token is spent.
            #expect(try await update(["email": "not an address", "token": .string(token)]).error == "InvalidRequest")
            #expect(
                try await update(["email": .string(bob.email.uppercased()), "token": .string(token)]).error
                    == "InvalidRequest")
            #expect(try await update(["email": 12]).error == "InvalidRequest")

            #expect(
                try await update(["email": "new@mail.example.com", "token": .string(token.lowercased())]).status == .ok)
            let row = try #require(try await pds.control.account(did: alice.did))
            #expect(row.email == "new@mail.example.com" && row.emailConfirmedAt == nil)
            // The token was used up; the new address is unconfirmed, so no token is needed now.
            try await pds.control.confirmEmail(did: alice.did)
            #expect(
                try await update(["email": "third@mail.example.com", "token": .string(token)]).error == "InvalidToken")
        }
    }

    @Test func appPasswordSessionsMayNotChangeTheAddress() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            let made = try await TestAccounts.post(
                client, "com.atproto.server.createAppPassword", ["name": "app"],
                auth: TestAccounts.bearer(alice.accessJwt))
            let password = try #require(made.json["password"]?.stringValue)
            let login = try await TestAccounts.post(
                client, "com.atproto.server.createSession",
                ["identifier": .string(alice.handle), "password": .string(password)])
            let app = TestAccounts.bearer(try #require(login.json["accessJwt"]?.stringValue))
            #expect(
                try await TestAccounts.post(client, "com.atproto.server.requestEmailUpdate", auth: app).status != .ok)
            let update = try await TestAccounts.post(
                client, "com.atproto.server.updateEmail", ["email": "x@mail.example.com"], auth: app)
            #expect(update.status != .ok)
        }
    }
}
