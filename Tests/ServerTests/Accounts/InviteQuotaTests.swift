// InviteQuotaTests.swift: accounts earn invite codes over time, at most five open, never twice for one quota.
// Book: docs/12-accounts-and-dids.md ("Invite codes").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

@Suite struct InviteQuotaTests {
    static let day: TimeInterval = 86_400

    static func code(createdBy: String = "did:plc:me", at date: Date, used: Bool = false, disabled: Bool = false)
        -> InviteCode
    {
        InviteCode(
            code: "c-\(UUID().uuidString)", remainingUses: used ? 0 : 1, disabled: disabled, forAccount: "did:plc:me",
            createdBy: createdBy, createdAt: date, uses: [])
    }

    @Test func oneCodePerIntervalSinceTheLaterOfCreationAndEpoch() {
        let now = Date(timeIntervalSince1970: 1_000 * Self.day)
        let quota = InviteQuota(interval: 7 * Self.day, epoch: now.addingTimeInterval(-30 * Self.day))
        // Made 20 days ago: two weeks earned.
        #expect(quota.toCreate(createdAt: now.addingTimeInterval(-20 * Self.day), codes: [], now: now) == (2, 2))
        // Made a year ago: only the 30 days since the epoch count (4 weeks).
        #expect(quota.toCreate(createdAt: now.addingTimeInterval(-365 * Self.day), codes: [], now: now) == (4, 4))
        // Codes already given this season count against it; used ones stop counting as open.
        let old = now.addingTimeInterval(-365 * Self.day)
        let given = [
            Self.code(at: now.addingTimeInterval(-Self.day), used: true),
            Self.code(at: now.addingTimeInterval(-Self.day)),
        ]
        #expect(quota.toCreate(createdAt: old, codes: given, now: now) == (2, 4))
        // Operator-given codes do not count; codes from before the epoch do not use this season's quota.
        let extra = [Self.code(createdBy: "admin", at: now), Self.code(at: old, used: true)]
        #expect(quota.toCreate(createdAt: old, codes: given + extra, now: now) == (2, 5))
    }

    @Test func neverMoreThanFiveOpen() {
        let now = Date()
        let quota = InviteQuota(interval: 1, epoch: .distantPast)
        let made = now.addingTimeInterval(-Self.day)
        #expect(quota.toCreate(createdAt: made, codes: [], now: now).count == 5)
        let open = (0..<4).map { _ in Self.code(at: now) } + [Self.code(at: now, disabled: true)]
        #expect(quota.toCreate(createdAt: made, codes: open, now: now).count == 1)
        // A brand new account has earned nothing.
        #expect(quota.toCreate(createdAt: now, codes: [], now: now).count == 0)
    }

    @Test func earnedCodesOverHTTPAreCreatedOnceEvenWhenCallsRace() async throws {
        try await TestPDS.with(["PDS_INVITE_INTERVAL": "1"]) { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            try await Task.sleep(for: .milliseconds(20))
            let replies = try await withThrowingTaskGroup(of: XRPCReply.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await TestAccounts.get(client, "com.atproto.server.getAccountInviteCodes", auth: auth)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == .ok })
            let stored = try await pds.control.inviteCodes(forAccount: alice.did)
            #expect(stored.count == 5)
            #expect(stored.allSatisfy { $0.createdBy == alice.did && $0.remainingUses == 1 })
            // Without createAvailable nothing is made; using one lets the next call top it up.
            let code = stored[0].code
            let bob = try await TestAccounts.post(
                client, "com.atproto.server.createAccount",
                [
                    "handle": "bob.pds.example", "email": "bob@mail.example.com", "password": "pw-bob-123",
                    "inviteCode": .string(code),
                ])
            #expect(bob.status == .ok)
            let listed = try await TestAccounts.get(
                client, "com.atproto.server.getAccountInviteCodes", query: "createAvailable=false&includeUsed=false",
                auth: auth)
            #expect(listed.json["codes"]?.listValue?.count == 4)
            let topped = try await TestAccounts.get(client, "com.atproto.server.getAccountInviteCodes", auth: auth)
            #expect(topped.json["codes"]?.listValue?.count == 6)
        }
    }

    @Test func accountsWithInvitesDisabledEarnNothingUsable() async throws {
        try await TestPDS.with(["PDS_INVITE_INTERVAL": "1"]) { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            try await pds.control.setInvitesDisabled(did: alice.did, true)
            try await Task.sleep(for: .milliseconds(20))
            let reply = try await TestAccounts.get(
                client, "com.atproto.server.getAccountInviteCodes", auth: TestAccounts.bearer(alice.accessJwt))
            #expect(reply.json["codes"] == [])
            // Made for the books, but disabled.
            let stored = try await pds.control.inviteCodes(forAccount: alice.did)
            #expect(stored.count == 5 && stored.allSatisfy(\.disabled))
        }
    }

    @Test func noQuotaWithoutAnInterval() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let reply = try await TestAccounts.get(
                client, "com.atproto.server.getAccountInviteCodes", auth: TestAccounts.bearer(alice.accessJwt))
            #expect(reply.json["codes"] == [])
            #expect(try await pds.control.inviteCodes(forAccount: alice.did).isEmpty)
        }
    }
}
