// StorageTestSupport.swift: temporary directories, the two stores, and fake commits for the storage tests.

import Foundation

@testable import Engine

/// A fresh directory under the system temporary directory; `remove()` deletes it and its contents.
struct TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pds-storage-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// A path inside the directory.
    func sub(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Runs `body` with a new directory and removes it afterwards.
    static func with<R>(_ body: (TemporaryDirectory) throws -> R) throws -> R {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try body(dir)
    }

    /// Runs `body` with a new directory and removes it afterwards.
    static func with<R>(_ body: (TemporaryDirectory) async throws -> R) async throws -> R {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try await body(dir)
    }
}

/// The two `RepoStorage` implementations the behaviour suite runs against.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case rocks, memory

    var description: String { rawValue }

    /// Small cache: many tests run at once.
    static func rocksOptions(_ path: String, sync: Bool = true) -> StorageOptions {
        StorageOptions(path: path, sync: sync, blockCacheBytes: 8 << 20)
    }

    /// Runs `body` on a new, empty store; a RocksDB store lives in a temporary directory that is
    /// removed after the store is closed.
    func with<R>(_ body: (any RepoStorage) throws -> R) throws -> R {
        switch self {
        case .memory: return try body(MemoryRepoStorage())
        case .rocks:
            return try TemporaryDirectory.with { dir in
                // The store is closed (released) when this closure returns, before the directory goes.
                try body(try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("db"))))
            }
        }
    }

    /// Runs `body` on a new, empty store.
    func with<R>(_ body: (any RepoStorage) async throws -> R) async throws -> R {
        switch self {
        case .memory: return try await body(MemoryRepoStorage())
        case .rocks:
            return try await TemporaryDirectory.with { dir in
                try await body(try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("db"))))
            }
        }
    }
}

/// Blocks and commits whose bytes are made up: storage never parses them.
enum Fake {
    /// A block whose bytes are `label`, with their dag-cbor CID.
    static func block(_ label: String) -> (cid: CID, bytes: [UInt8]) {
        let bytes = Array(label.utf8)
        return (CID.dagCBOR(bytes), bytes)
    }

    /// A CID for `label`.
    static func cid(_ label: String) -> CID { block(label).cid }

    /// A head whose commit and data CIDs derive from `label`.
    static func root(_ label: String, rev: String? = nil) -> RepoRoot {
        RepoRoot(commit: cid("commit:" + label), rev: rev ?? "rev-" + label, data: cid("data:" + label))
    }

    /// A commit on `previous` adding `blocks` (labels), removing `removed` (labels) and changing the index.
    static func commit(
        did: String, previous: CID?, label: String, blocks: [String] = [], removed: [String] = [],
        index: [RecordIndexChange] = []
    ) -> CommitWrite {
        let root = root(label)
        var newBlocks = blocks.map { block($0) }
        newBlocks.append((root.commit, Array(("commit:" + label).utf8)))
        return CommitWrite(
            did: did, expectedPrevious: previous, root: root, newBlocks: newBlocks,
            removedBlocks: removed.map { cid($0) }, index: index)
    }
}

/// All of one repo's blocks, copied out of `forEachBlock` in the order it gave them.
func allBlocks(_ store: any RepoStorage, _ did: String) throws -> [(cid: CID, bytes: [UInt8])] {
    var out: [(cid: CID, bytes: [UInt8])] = []
    try store.forEachBlock(did: did) { cid, bytes in out.append((cid, [UInt8](bytes))) }
    return out
}
