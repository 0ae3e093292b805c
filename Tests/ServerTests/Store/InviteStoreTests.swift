// InviteStoreTests.swift: minting, atomic use under contention, listing and disabling invite codes.
// Book: docs/11-sql-schema.md.
import Foundation
import Testing

@testable import Server

@Suite("ControlStore invite codes")
struct InviteStoreTests {
    /// Runs `attempts` concurrent uses of `code` across `stores`; returns how many succeeded.
    static func race(_ stores: [ControlStore], code: String, attempts: Int) async throws -> Int {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<attempts {
                let store = stores[i % stores.count]
                group.addTask {
                    do {
                        try await store.useInviteCode(code, by: "did:plc:racer\(i)")
                        return true
                    } catch StoreError.inviteCodeUnavailable {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
    }

    @Test func createBatchAndReadBack() async throws {
        try await withTestStore { store in
            try await store.createInviteCodes([
                NewInviteCode(code: "a", uses: 1, createdAt: storeTestDate(1)),
                NewInviteCode(
                    code: "b", uses: 5, forAccount: "did:plc:owner", createdBy: "did:plc:owner",
                    createdAt: storeTestDate(2)),
            ])
            let b = try #require(try await store.inviteCode("b"))
            #expect(b.remainingUses == 5 && !b.disabled && b.uses.isEmpty)
            #expect(
                b.forAccount == "did:plc:owner" && b.createdBy == "did:plc:owner" && b.createdAt == storeTestDate(2))
            #expect(try await store.inviteCode("a")?.forAccount == "admin")
            #expect(try await store.inviteCode("zzz") == nil)
            #expect(try await store.inviteCodes(forAccount: "did:plc:owner").map(\.code) == ["b"])
        }
    }

    @Test func aBatchWithADuplicateInsertsNothing() async throws {
        try await withTestStore { store in
            try await store.createInviteCodes([NewInviteCode(code: "taken", uses: 1)])
            await #expect(throws: StoreError.inviteCodeExists) {
                try await store.createInviteCodes([
                    NewInviteCode(code: "fresh", uses: 1), NewInviteCode(code: "taken", uses: 1),
                ])
            }
            #expect(try await store.inviteCode("fresh") == nil)
        }
    }

    @Test func largeBatchesSpanSeveralStatements() async throws {
        try await withTestStore { store in
            let codes = (0..<1200).map { NewInviteCode(code: "bulk-\($0)", uses: 1, forAccount: "did:plc:bulk") }
            try await store.createInviteCodes(codes)
            #expect(try await store.inviteCodes(forAccount: "did:plc:bulk").count == 1200)
        }
    }

    @Test func useDecrementsAndRecords() async throws {
        try await withTestStore { store in
            try await store.createInviteCodes([NewInviteCode(code: "two", uses: 2)])
            try await store.useInviteCode("two", by: "did:plc:u1", at: storeTestDate(10))
            var code = try #require(try await store.inviteCode("two"))
            #expect(code.remainingUses == 1)
            #expect(code.uses.map(\.usedBy) == ["did:plc:u1"] && code.uses.first?.usedAt == storeTestDate(10))
            #expect(try await store.inviteCodeUse(by: "did:plc:u1")?.code == "two")

            // The same account cannot use it twice, and the failed attempt takes no use.
            await #expect(throws: StoreError.inviteCodeUnavailable) {
                try await store.useInviteCode("two", by: "did:plc:u1")
            }
            #expect(try await store.inviteCode("two")?.remainingUses == 1)

            try await store.useInviteCode("two", by: "did:plc:u2")
            await #expect(throws: StoreError.inviteCodeUnavailable) {
                try await store.useInviteCode("two", by: "did:plc:u3")
            }
            code = try #require(try await store.inviteCode("two"))
            #expect(code.remainingUses == 0 && code.uses.count == 2)
        }
    }

    @Test func unknownDisabledAndTakenDownOwnersAreUnavailable() async throws {
        try await withTestStore { store in
            await #expect(throws: StoreError.inviteCodeUnavailable) {
                try await store.useInviteCode("nope", by: "did:plc:u1")
            }
            try await store.createInviteCodes([NewInviteCode(code: "off", uses: 3)])
            #expect(try await store.disableInviteCodes(codes: ["off"]) == 1)
            await #expect(throws: StoreError.inviteCodeUnavailable) {
                try await store.useInviteCode("off", by: "did:plc:u1")
            }

            try await store.createAccount(testAccount(1))
            try await store.createInviteCodes([
                NewInviteCode(code: "owned", uses: 3, forAccount: "did:plc:test1", createdBy: "did:plc:test1")
            ])
            try await store.setTakedown(did: "did:plc:test1", ref: "mod-1")
            await #expect(throws: StoreError.inviteCodeUnavailable) {
                try await store.useInviteCode("owned", by: "did:plc:u1")
            }
            try await store.setTakedown(did: "did:plc:test1", ref: nil)
            try await store.useInviteCode("owned", by: "did:plc:u1")
        }
    }

    @Test func disableByAccount() async throws {
        try await withTestStore { store in
            try await store.createInviteCodes([
                NewInviteCode(code: "x1", uses: 1, forAccount: "did:plc:x"),
                NewInviteCode(code: "x2", uses: 1, forAccount: "did:plc:x"),
                NewInviteCode(code: "y1", uses: 1, forAccount: "did:plc:y"),
            ])
            #expect(try await store.disableInviteCodes(forAccounts: ["did:plc:x"]) == 2)
            #expect(try await store.inviteCodes(forAccount: "did:plc:x").allSatisfy(\.disabled))
            #expect(try await store.inviteCode("y1")?.disabled == false)
            #expect(try await store.disableInviteCodes() == 0)
        }
    }

    @Test func exactlyOneOfManyConcurrentUsesOfASingleUseCodeWins() async throws {
        try await withTestStore(readers: 4) { store in
            try await store.createInviteCodes([NewInviteCode(code: "single", uses: 1)])
            #expect(try await Self.race([store], code: "single", attempts: 64) == 1)
            let code = try #require(try await store.inviteCode("single"))
            #expect(code.remainingUses == 0 && code.uses.count == 1)
        }
    }

    @Test func twoStoresOnOneFileStillHandOutExactlyTheUses() async throws {
        // Two stores on the same file stand in for two processes: each has its own writer connection, so
        // only SQLite's file lock (BEGIN IMMEDIATE + busy timeout) keeps the uses exact.
        try await withTestStore { first, directory in
            let second = try await ControlStore.open(dataDirectory: directory.path)
            do {
                try await first.createInviteCodes([NewInviteCode(code: "three", uses: 3)])
                #expect(try await Self.race([first, second], code: "three", attempts: 40) == 3)
                #expect(try await second.inviteCode("three")?.uses.count == 3)
            } catch {
                await second.close()
                throw error
            }
            await second.close()
        }
    }

    @Test func listingPagesNewestFirst() async throws {
        try await withTestStore { store in
            try await store.createInviteCodes(
                (0..<7).map {
                    NewInviteCode(code: "p\($0)", uses: 1, createdAt: storeTestDate($0 / 2))  // pairs share a time
                })
            var seen: [String] = []
            var cursor: InviteCodeCursor? = nil
            repeat {
                let page = try await store.listInviteCodes(limit: 3, after: cursor)
                seen += page.codes.map(\.code)
                cursor = page.next
            } while cursor != nil
            #expect(seen == ["p6", "p5", "p4", "p3", "p2", "p1", "p0"])
        }
    }
}
