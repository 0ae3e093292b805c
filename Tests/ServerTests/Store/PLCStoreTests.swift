// PLCStoreTests.swift: the local PLC directory's per-DID operation log.
// Book: docs/11-sql-schema.md.
import Foundation
import Testing

@testable import Server

@Suite("ControlStore PLC operations")
struct PLCStoreTests {
    static let did = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"

    @Test func appendAssignsSequenceNumbersAndListsInOrder() async throws {
        try await withTestStore { store in
            #expect(try await store.lastPLCOperation(did: Self.did) == nil)
            let genesis = try await store.appendPLCOperation(
                did: Self.did, cid: "bafy-genesis", operation: #"{"type":"plc_operation","prev":null}"#,
                createdAt: storeTestDate(1))
            #expect(genesis.seq == 0 && genesis.cid == "bafy-genesis" && !genesis.nullified)
            #expect(genesis.createdAt == storeTestDate(1))
            let update = try await store.appendPLCOperation(
                did: Self.did, cid: "bafy-update", operation: #"{"prev":"bafy-genesis"}"#, createdAt: storeTestDate(2))
            #expect(update.seq == 1)
            _ = try await store.appendPLCOperation(did: "did:plc:other", cid: "bafy-other", operation: "{}")

            #expect(try await store.plcOperations(did: Self.did).map(\.cid) == ["bafy-genesis", "bafy-update"])
            #expect(try await store.lastPLCOperation(did: Self.did) == update)
            #expect(try await store.plcOperation(did: Self.did, cid: "bafy-genesis") == genesis)
            #expect(try await store.plcOperation(did: Self.did, cid: "bafy-other") == nil)
        }
    }

    @Test func aDuplicateCIDConflicts() async throws {
        try await withTestStore { store in
            _ = try await store.appendPLCOperation(did: Self.did, cid: "bafy-a", operation: "{}")
            await #expect(throws: StoreError.plcOperationConflict) {
                try await store.appendPLCOperation(did: Self.did, cid: "bafy-a", operation: "{}")
            }
            #expect(try await store.plcOperations(did: Self.did).count == 1)
        }
    }

    @Test func recoveryNullifiesLaterOperationsInOneTransaction() async throws {
        try await withTestStore { store in
            for name in ["g", "u1", "u2"] {
                _ = try await store.appendPLCOperation(did: Self.did, cid: name, operation: "{}")
            }
            let recovery = try await store.transaction { tx in
                #expect(try await tx.nullifyPLCOperations(did: Self.did, after: 0) == 2)
                return try await tx.appendPLCOperation(did: Self.did, cid: "recovery", operation: "{}")
            }
            #expect(recovery.seq == 3)
            #expect(try await store.lastPLCOperation(did: Self.did)?.cid == "recovery")
            #expect(
                try await store.plcOperations(did: Self.did, includeNullified: false).map(\.cid) == ["g", "recovery"])
            #expect(try await store.plcOperations(did: Self.did).filter(\.nullified).map(\.cid) == ["u1", "u2"])
        }
    }

    @Test func concurrentAppendsGetDistinctPositions() async throws {
        try await withTestStore { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        _ = try await store.appendPLCOperation(did: Self.did, cid: "op\(i)", operation: "{}")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.plcOperations(did: Self.did).map(\.seq) == Array(0..<20))
        }
    }
}
