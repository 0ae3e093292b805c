// AccountInviteCodesTests.swift: an account sees its own invite codes and their uses.
// Book: docs/12-accounts-and-dids.md ("Invite codes").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct AccountInviteCodesTests {
    @Test func ownCodesWithUses() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let minted = try await TestAccounts.post(
                client, "com.atproto.server.createInviteCodes",
                ["codeCount": 2, "useCount": 1, "forAccounts": [.string(alice.did)]], auth: TestAccounts.adminAuth)
            #expect(minted.status == .ok)
            let first = try await TestAccounts.get(client, "com.atproto.server.getAccountInviteCodes", auth: auth)
            guard case .list(let codes)? = first.json["codes"] else {
                Issue.record("no codes: \(first.text)")
                return
            }
            #expect(codes.count == 2)
            #expect(codes.allSatisfy { $0["forAccount"] == .string(alice.did) && $0["available"] == 1 && $0["uses"] == [] })

            // Bob signs up with one of them.
            let code = try #require(codes[0]["code"]?.stringValue)
            let bob = try await TestAccounts.post(
                client, "com.atproto.server.createAccount",
                ["handle": "bob.pds.example", "email": "bob@mail.example.com", "password": "pw-bob-123", "inviteCode": .string(code)])
            #expect(bob.status == .ok)
            let after = try await TestAccounts.get(client, "com.atproto.server.getAccountInviteCodes", auth: auth)
            guard case .list(let all)? = after.json["codes"] else { return }
            let used = try #require(all.first { $0["code"] == .string(code) })
            #expect(used["uses"]?.listValue?.first?["usedBy"] == bob.json["did"])
            #expect(used["available"] == 1)
            let unused = try await TestAccounts.get(
                client, "com.atproto.server.getAccountInviteCodes", query: "includeUsed=false", auth: auth)
            #expect(unused.json["codes"]?.listValue?.count == 1)

            let bad = try await TestAccounts.get(
                client, "com.atproto.server.getAccountInviteCodes", query: "includeUsed=maybe", auth: auth)
            #expect(bad.status == .badRequest)
            #expect(try await TestAccounts.get(client, "com.atproto.server.getAccountInviteCodes").status == .unauthorized)
            let queue = try await TestAccounts.get(client, "com.atproto.temp.checkSignupQueue", auth: auth)
            #expect(queue.json["activated"] == true)
        }
    }
}
