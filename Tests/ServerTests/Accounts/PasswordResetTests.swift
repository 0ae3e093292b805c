// PasswordResetTests.swift: a mailed token sets a new password once and ends the old sessions.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct PasswordResetTests {
    @Test func resetWithTheMailedToken() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            // An unknown address: the same answer, and no mail.
            #expect(try await TestAccounts.post(client, "com.atproto.server.requestPasswordReset", ["email": "nobody@mail.example.com"]).status == .ok)
            #expect(!FileManager.default.fileExists(atPath: pds.mailer.outbox))
            #expect(try await TestAccounts.post(client, "com.atproto.server.requestPasswordReset", ["email": .string(alice.email.uppercased())]).status == .ok)
            let token = try EmailConfirmationTests.lastToken(pds)

            let reset: (String, String) async throws -> XRPCReply = { token, password in
                try await TestAccounts.post(
                    client, "com.atproto.server.resetPassword", ["token": .string(token), "password": .string(password)])
            }
            #expect(try await reset("AAAAA-AAAAA", "new-password-1").error == "InvalidToken")
            #expect(try await reset(token, "").error == "InvalidRequest")
            #expect(try await reset(token, "new-password-1").status == .ok)
            #expect(try await reset(token, "new-password-2").error == "InvalidToken")

            let login: (String) async throws -> XRPCReply = { password in
                try await TestAccounts.post(
                    client, "com.atproto.server.createSession", ["identifier": .string(alice.handle), "password": .string(password)])
            }
            #expect(try await login(alice.password).status == .unauthorized)
            #expect(try await login("new-password-1").status == .ok)
            // The session from before the reset can no longer be refreshed.
            let refresh = try await TestAccounts.post(
                client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(alice.refreshJwt))
            #expect(refresh.status == .badRequest)
        }
    }
}
