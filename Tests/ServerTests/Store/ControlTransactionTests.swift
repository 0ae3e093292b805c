// ControlTransactionTests.swift: transactions commit or roll back whole; savepoints; cancellation.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit
import Testing

@testable import Server

@Suite("ControlStore transactions")
struct ControlTransactionTests {
    struct Boom: Error {}

    @Test func aTransactionCommitsEverythingItDid() async throws {
        try await withTestStore { store in
            try await store.transaction { tx in
                try await tx.createAccount(testAccount(1))
                try await tx.insertRefreshToken(
                    RefreshTokenRow(id: "jti-1", did: "did:plc:test1", expiresAt: storeTestDate(1000)))
            }
            #expect(try await store.account(did: "did:plc:test1") != nil)
            #expect(try await store.refreshToken(id: "jti-1") != nil)
        }
    }

    @Test func aThrowingTransactionLeavesNothingBehind() async throws {
        try await withTestStore { store in
            await #expect(throws: Boom.self) {
                try await store.transaction { tx in
                    try await tx.createAccount(testAccount(1))
                    #expect(try await tx.account(did: "did:plc:test1") != nil)  // sees its own write
                    throw Boom()
                }
            }
            #expect(try await store.account(did: "did:plc:test1") == nil)
            try await store.createAccount(testAccount(1))  // the writer is free again
        }
    }

    @Test func aCaughtTypedErrorInsideATransactionUndoesOnlyItsOwnStep() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            try await store.transaction { tx in
                try await tx.createAccount(testAccount(2))
                await #expect(throws: StoreError.handleTaken) {
                    try await tx.createAccount(testAccount(3, handle: "user1.test"))
                }
                try await tx.createAccount(testAccount(4))
            }
            #expect(try await store.account(did: "did:plc:test2") != nil)
            #expect(try await store.account(did: "did:plc:test3") == nil)
            #expect(try await store.account(did: "did:plc:test4") != nil)
        }
    }

    @Test func readersDoNotSeeUncommittedWrites() async throws {
        try await withTestStore { store in
            try await store.transaction { tx in
                try await tx.createAccount(testAccount(1))
                #expect(try await store.account(did: "did:plc:test1") == nil)
            }
            #expect(try await store.account(did: "did:plc:test1") != nil)
        }
    }

    @Test func aCancelledTransactionRollsBackAndFreesTheWriter() async throws {
        try await withTestStore { store in
            let (started, signal) = AsyncStream<Void>.makeStream()
            let task = Task {
                try await store.transaction { tx in
                    try await tx.createAccount(testAccount(1))
                    signal.yield()
                    try await Task.sleep(for: .seconds(30))
                }
            }
            // Cancel once the transaction holds the writer and has written.
            for await _ in started { break }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(try await store.account(did: "did:plc:test1") == nil)
            try await store.createAccount(testAccount(1))
            #expect(try await store.account(did: "did:plc:test1") != nil)
        }
    }

    @Test func concurrentTransactionsAreSerialised() async throws {
        try await withTestStore { store in
            try await store.createInviteCodes([NewInviteCode(code: "counter", uses: 1000)])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        try await store.transaction { tx in
                            // read-modify-write that would lose updates without an exclusive writer
                            let left = try await tx.inviteCode("counter")!.remainingUses
                            try await tx.sql.update("invite_code").set("available_uses", to: Int64(left - 1))
                                .where("code", .equal, "counter").run()
                            _ = i
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.inviteCode("counter")?.remainingUses == 950)
        }
    }
}
