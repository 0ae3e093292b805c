// StoreTestSupport.swift: temporary data directories and open/close scaffolding for the control-store tests.
// Book: docs/11-sql-schema.md.
import Foundation
import Testing

@testable import Server

/// A fresh directory under the system temporary directory; `remove()` deletes it and its contents.
struct StoreTestDirectory {
    let url: URL
    var path: String { url.path }
    var databasePath: String { url.appendingPathComponent(ControlStore.fileName).path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pds-control-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Opens a store in a new directory, runs `body`, and closes the store and removes the directory after.
func withTestStore<R: Sendable>(
    readers: Int = 2, _ body: (ControlStore, StoreTestDirectory) async throws -> R
) async throws -> R {
    let directory = try StoreTestDirectory()
    defer { directory.remove() }
    let store = try await ControlStore.open(dataDirectory: directory.path, configuration: .init(readers: readers))
    do {
        let result = try await body(store, directory)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

/// Same, for bodies that only need the store.
func withTestStore<R: Sendable>(readers: Int = 2, _ body: (ControlStore) async throws -> R) async throws -> R {
    try await withTestStore(readers: readers) { store, _ in try await body(store) }
}

/// A millisecond-aligned instant, so timestamps round-trip exactly.
func storeTestDate(_ secondsAfter2023: Int) -> Date {
    Date(timeIntervalSince1970: 1_700_000_000 + Double(secondsAfter2023))
}

/// A minimal account for `did`.
func testAccount(_ n: Int, handle: String? = nil, email: String? = nil) -> NewAccount {
    NewAccount(
        did: "did:plc:test\(n)", handle: handle ?? "user\(n).test", email: email ?? "user\(n)@example.com",
        passwordHash: "salt\(n):hash\(n)", createdAt: storeTestDate(n))
}
