// BulkImportTests.swift: the in-place import path: mapped files, extra and repeated blocks, refused files.
// Book: docs/07-commits.md ("Export and import").
import Foundation
import Testing

@testable import Engine

@Suite struct BulkImportTests {
    static let did = StoredRepoTests.did

    /// A stored repo of `count` records (some sharing bytes), its key and its exported CAR.
    static func source(_ store: any RepoStorage, count: Int) throws -> (key: AnyPrivateKey, car: [UInt8]) {
        let key = AnyPrivateKey.generate(.k256)
        let committer = RepoCommitter(did: did, key: key)
        _ = try store.createRepo(did: did)
        try store.apply(try committer.genesis().write)
        for start in stride(from: 0, to: count, by: 100) {
            let writes: [RepoWrite] = (start..<min(start + 100, count)).map { n in
                .create(
                    collection: n % 3 == 0 ? "app.bsky.feed.like" : "app.bsky.feed.post",
                    rkey: TIDClock.shared.next().description,
                    record: MemoryRepo.post(n % 40))
            }
            try StoredRepoTests.commit(store, committer, writes)
        }
        return (key, try StoredRepoTests.exported(store))
    }

    @Test func aMappedFileWithExtraAndRepeatedBlocksStoresExactlyTheRepo() throws {
        try TemporaryDirectory.with { dir in
            try StoreKind.rocks.with { store in
                let (key, car) = try Self.source(store, count: 700)
                let stored = Set(try allBlocks(store, Self.did).map(\.cid))
                // A block no record or node uses, and one of the repo's blocks a second time.
                var writer = CARWriter(roots: [try store.root(did: Self.did)!.commit])
                let blocks = try CAR.read(car).blocks
                for block in blocks { writer.append(cid: block.cid, block: block.bytes) }
                let stray = DagCBOR.encodeWithCID(["$type": "app.bsky.feed.post", "text": "not in the tree"])
                writer.append(cid: stray.cid, block: stray.bytes)
                writer.append(cid: blocks[blocks.count / 2].cid, block: blocks[blocks.count / 2].bytes)
                let path = dir.sub("repo.car")
                try Data(writer.take()).write(to: URL(fileURLWithPath: path))

                let other = try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("other")))
                let imported = try RepoTransfer.importCAR(file: path, into: other, did: Self.did, key: key.publicKey)
                #expect(imported.recordCount == 700)
                #expect(imported.blockCount == stored.count)
                let theirs = try allBlocks(other, Self.did).map(\.cid)
                #expect(theirs.count == stored.count && Set(theirs) == stored)
                #expect(try other.block(did: Self.did, cid: stray.cid) == nil)
                #expect(try other.root(did: Self.did) == store.root(did: Self.did))
                #expect(try other.countRecords(did: Self.did) == 700)
                // Record blocks shared by several records are counted: deleting one keeps the block.
                for collection in try store.collections(did: Self.did) {
                    let mine = try store.listRecords(did: Self.did, collection: collection, limit: 1000)
                    let imported = try other.listRecords(did: Self.did, collection: collection, limit: 1000)
                    #expect(mine.map(\.rkey) == imported.map(\.rkey) && mine.map(\.cid) == imported.map(\.cid))
                }
                // What was imported exports to a CAR that verifies.
                var again: [UInt8] = []
                try RepoTransfer.exportCAR(from: other, did: Self.did) { again += $0 }
                #expect(try RepoVerifier.verify(car: again, did: Self.did, key: key.publicKey).records.count == 700)
            }
        }
    }

    @Test func refusedFilesStoreNothing() throws {
        try TemporaryDirectory.with { dir in
            try StoreKind.rocks.with { store in
                let (key, car) = try Self.source(store, count: 150)
                let other = try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("other")))
                let cases: [(String, [UInt8])] = [
                    ("truncated", Array(car.dropLast(7))),
                    (
                        "flipped",
                        {
                            var c = car; c[c.count - 20] ^= 0x01; return c
                        }()
                    ),
                    ("empty", []),
                ]
                for (name, bytes) in cases {
                    let path = dir.sub("\(name).car")
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                    #expect(throws: (any Error).self, "\(name)") {
                        try RepoTransfer.importCAR(file: path, into: other, did: Self.did, key: key.publicKey)
                    }
                    #expect(try other.repoID(did: Self.did) == nil)
                }
                // The wrong key: refused after the blocks' table file was already being written.
                let path = dir.sub("good.car")
                try Data(car).write(to: URL(fileURLWithPath: path))
                #expect(throws: CommitError.badSignature) {
                    try RepoTransfer.importCAR(
                        file: path, into: other, did: Self.did, key: AnyPrivateKey.generate(.k256).publicKey)
                }
                #expect(try other.repoID(did: Self.did) == nil)
                #expect(throws: CARError.self) {
                    try RepoTransfer.importCAR(file: dir.sub("missing.car"), into: other, did: Self.did, key: nil)
                }
                try RepoTransfer.importCAR(file: path, into: other, did: Self.did, key: key.publicKey)
                #expect(try other.countRecords(did: Self.did) == 150)
                // A second import of the same DID is refused.
                #expect(throws: StorageError.repoExists(did: Self.did)) {
                    try RepoTransfer.importCAR(file: path, into: other, did: Self.did, key: key.publicKey)
                }
            }
        }
    }
}

extension BulkImportTests {
    @Test func anImportCutShortByACrashIsClearedAtOpen() throws {
        try TemporaryDirectory.with { dir in
            let path = dir.sub("db")
            do {
                let store = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
                // What a crash between ingesting and the visible batch leaves: keys under an id
                // with its marker, and no repo.
                let batch = RocksWriteBatch()
                batch.put(store.metaFamily, StorageKey.importing(77), [])
                let block = DagCBOR.encodeWithCID(["$type": "app.bsky.feed.post", "text": "orphan"])
                batch.put(store.blocksFamily, StorageKey.block(77, block.cid), block.bytes)
                batch.put(store.recordsFamily, StorageKey.record(77, "app.bsky.feed.post", "3k2a"), block.cid.bytes)
                try store.db.write(batch)
                #expect(try store.keyCount(repoID: 77) == 2)
            }
            let reopened = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
            #expect(try reopened.keyCount(repoID: 77) == 0)
            #expect(try reopened.db.get(reopened.metaFamily, StorageKey.importing(77)) == nil)
            #expect(try reopened.dropInterruptedImports() == 0)
        }
    }

    @Test func aFinishedImportLeavesNoMarker() throws {
        try StoreKind.rocks.with { store in
            let (key, car) = try Self.source(store, count: 10)
            try TemporaryDirectory.with { dir in
                let other = try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("other")))
                try RepoTransfer.importCAR(car, into: other, did: Self.did, key: key.publicKey)
                #expect(try other.dropInterruptedImports() == 0)
            }
        }
    }
}
