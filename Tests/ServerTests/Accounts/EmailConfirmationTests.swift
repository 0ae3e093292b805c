// EmailConfirmationTests.swift: a mailed token confirms the address once, before it expires.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct EmailConfirmationTests {
    /// The last token mailed to the outbox.
    static func lastToken(_ pds: PDS) throws -> String {
        let outbox = try String(contentsOfFile: pds.mailer.outbox, encoding: .utf8)
        return try #require(outbox.matches(of: /[A-Z2-7]{5}-[A-Z2-7]{5}/).last.map { String($0.output) })
    }

    @Test func confirmWithTheMailedTokenOnce() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            #expect(try await TestAccounts.post(client, "com.atproto.server.requestEmailConfirmation", auth: auth).status == .ok)
            let outbox = try String(contentsOfFile: pds.mailer.outbox, encoding: .utf8)
            #expect(outbox.contains("To: \(alice.email)") && outbox.contains("Subject: Confirm your email"))
            let token = try Self.lastToken(pds)

            let confirm: (String, String) async throws -> XRPCReply = { email, token in
                try await TestAccounts.post(
                    client, "com.atproto.server.confirmEmail", ["email": .string(email), "token": .string(token)], auth: auth)
            }
            #expect(try await confirm("someone@else.example", token).error == "InvalidEmail")
            #expect(try await confirm(alice.email, "AAAAA-AAAAA").error == "InvalidToken")
            // A wrong guess does not use the token up; the right one does.
            let ok = try await confirm(alice.email.uppercased(), token.lowercased())
            #expect(ok.status == .ok)
            let session = try await TestAccounts.get(client, "com.atproto.server.getSession", auth: auth)
            #expect(session.json["emailConfirmed"] == true)
            // Used once.
            #expect(try await confirm(alice.email, token).error == "InvalidToken")
        }
    }

    @Test func expiredTokensAndMissingFields() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            try await pds.control.putEmailToken(
                purpose: .confirmEmail, did: alice.did, token: "ABCDE-FGHIJ", requestedAt: Date().addingTimeInterval(-16 * 60))
            let expired = try await TestAccounts.post(
                client, "com.atproto.server.confirmEmail", ["email": .string(alice.email), "token": "ABCDE-FGHIJ"], auth: auth)
            #expect(expired.status == .badRequest && expired.error == "ExpiredToken")
            #expect(try await pds.control.emailToken(purpose: .confirmEmail, did: alice.did) == nil)
            let missing = try await TestAccounts.post(client, "com.atproto.server.confirmEmail", ["email": .string(alice.email)], auth: auth)
            #expect(missing.error == "InvalidRequest")
            #expect(try await TestAccounts.post(client, "com.atproto.server.requestEmailConfirmation").status == .unauthorized)
        }
    }

    /// A token mailed to one account does nothing for another, and stays good for its owner.
    @Test func anotherAccountsTokenIsInvalid() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let bob = try await TestAccounts.create(client, name: "bob")
            let bobAuth = TestAccounts.bearer(bob.accessJwt)
            #expect(try await TestAccounts.post(client, "com.atproto.server.requestEmailConfirmation", auth: bobAuth).status == .ok)
            let token = try Self.lastToken(pds)
            let stolen = try await TestAccounts.post(
                client, "com.atproto.server.confirmEmail", ["email": .string(alice.email), "token": .string(token)],
                auth: TestAccounts.bearer(alice.accessJwt))
            #expect(stolen.error == "InvalidToken")
            let own = try await TestAccounts.post(
                client, "com.atproto.server.confirmEmail", ["email": .string(bob.email), "token": .string(token)], auth: bobAuth)
            #expect(own.status == .ok)
        }
    }
}
