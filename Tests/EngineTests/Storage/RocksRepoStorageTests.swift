// RocksRepoStorageTests.swift: what only the RocksDB store has: files on disk, reopening, locking, options.

import Foundation
import Testing

@testable import Engine

@Suite struct RocksRepoStorageTests {
    static let did = "did:plc:rocksrocksrocksrocksrock"

    @Test func reopenAfterCloseKeepsData() throws {
        try TemporaryDirectory.with { dir in
            let options = StoreKind.rocksOptions(dir.sub("db"))
            // First life: data stays in the WAL and memtables only.
            do {
                let store = try RocksRepoStorage(options: options)
                #expect(try store.createRepo(did: Self.did) == 1)
                #expect(try store.createRepo(did: "did:plc:other") == 2)
                try store.apply(
                    Fake.commit(
                        did: Self.did, previous: nil, label: "c1", blocks: ["a", "b"],
                        index: [.put(collection: "a.b.c", rkey: "k", cid: Fake.cid("a"))]))
            }
            // Second life: replayed from the WAL; then written to table files and compacted.
            do {
                let store = try RocksRepoStorage(options: options)
                #expect(try store.root(did: Self.did) == Fake.root("c1"))
                #expect(try store.block(did: Self.did, cid: Fake.cid("b")) == Array("b".utf8))
                #expect(try store.createRepo(did: "did:plc:third") == 3)
                try store.apply(
                    Fake.commit(
                        did: Self.did, previous: Fake.root("c1").commit, label: "c2", blocks: ["c"], removed: ["a"],
                        index: [
                            .delete(collection: "a.b.c", rkey: "k"),
                            .put(collection: "a.b.c", rkey: "l", cid: Fake.cid("c")),
                        ]))
                try store.flush()
                store.compact()
            }
            // Third life: read from compressed table files.
            let store = try RocksRepoStorage(options: options)
            #expect(try store.root(did: Self.did) == Fake.root("c2"))
            #expect(
                try allBlocks(store, Self.did).map(\.cid)
                    == ["b", "c", "commit:c1", "commit:c2"].map { Fake.cid($0) }.sorted())
            #expect(try store.record(did: Self.did, collection: "a.b.c", rkey: "l") == Fake.cid("c"))
            #expect(try store.record(did: Self.did, collection: "a.b.c", rkey: "k") == nil)
            #expect(try store.listRepos(after: nil, limit: 10).map(\.id) == [1, 2, 3])
            // Ids keep counting across restarts.
            #expect(try store.createRepo(did: "did:plc:fourth") == 4)
        }
    }

    @Test func idsAreNotReusedAfterTheNewestRepoIsDeleted() throws {
        try TemporaryDirectory.with { dir in
            let options = StoreKind.rocksOptions(dir.sub("db"))
            do {
                let store = try RocksRepoStorage(options: options)
                _ = try store.createRepo(did: "did:plc:one")
                _ = try store.createRepo(did: "did:plc:two")
                try store.deleteRepo(did: "did:plc:two")
            }
            let store = try RocksRepoStorage(options: options)
            #expect(try store.createRepo(did: "did:plc:three") == 3)
        }
    }

    @Test func manyBlocksSurviveFlushAndCompaction() throws {
        try TemporaryDirectory.with { dir in
            let store = try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("db"), sync: false))
            _ = try store.createRepo(did: Self.did)
            var rng = SplitMix(seed: 42)
            var expected: [CID: [UInt8]] = [:]
            var previous: CID? = nil
            for n in 0..<20 {
                let blocks = (0..<100).map { _ in
                    (0..<Int.random(in: 50...3000, using: &rng)).map { _ in UInt8.random(in: 0...15, using: &rng) }
                }
                var write = Fake.commit(did: Self.did, previous: previous, label: "c\(n)")
                for bytes in blocks {
                    let cid = CID.dagCBOR(bytes)
                    write.newBlocks.append((cid, bytes))
                    expected[cid] = bytes
                }
                expected[write.root.commit] = write.newBlocks[0].bytes
                try store.apply(write)
                previous = write.root.commit
            }
            try store.flush()
            store.compact()
            var seen = 0
            try store.forEachBlock(did: Self.did) { cid, bytes in
                #expect(expected[cid] == [UInt8](bytes))
                seen += 1
            }
            #expect(seen == expected.count)
            let some = Array(expected.keys.prefix(50))
            #expect(try store.blocks(did: Self.did, cids: some).count == 50)
        }
    }

    @Test func optionsAreTheTunedOnes() throws {
        try TemporaryDirectory.with { dir in
            let path = dir.sub("db")
            _ = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("OPTIONS-") }
            let latest = try #require(names.sorted().last)
            let text = try String(contentsOfFile: path + "/" + latest, encoding: .utf8)
            for family in RocksRepoStorage.familyNames { #expect(text.contains("[CFOptions \"\(family)\"]")) }
            for setting in [
                "compression=kLZ4Compression", "bottommost_compression=kZSTD", "block_size=16384",
                "whole_key_filtering=true", "level_compaction_dynamic_level_bytes=true", "max_open_files=-1",
                "max_background_jobs=2",
            ] {
                #expect(text.contains(setting), "OPTIONS file lacks \(setting)")
            }
            // RocksDB 7.8 records the policy's name but not its bits per key.
            #expect(text.contains("filter_policy=bloomfilter"), "OPTIONS file lacks the Bloom filter")
        }
    }

    @Test func openingARegularFileSaysItIsNotADirectory() throws {
        try TemporaryDirectory.with { dir in
            let file = dir.sub("file")
            try Data("not a database".utf8).write(to: URL(fileURLWithPath: file))
            #expect(throws: StorageError.open(path: file, .notADirectory)) {
                try RocksRepoStorage(options: StoreKind.rocksOptions(file))
            }
            let below = file + "/db"
            #expect(throws: StorageError.open(path: below, .notADirectory)) {
                try RocksRepoStorage(options: StoreKind.rocksOptions(below))
            }
        }
    }

    @Test func openingALockedDirectorySaysItIsLocked() throws {
        try TemporaryDirectory.with { dir in
            let options = StoreKind.rocksOptions(dir.sub("db"))
            do {
                let first = try RocksRepoStorage(options: options)
                _ = try first.createRepo(did: Self.did)
                let error = #expect(throws: StorageError.self) { try RocksRepoStorage(options: options) }
                #expect(error == .open(path: options.path, .locked))
                #expect(error?.description.contains("locked by another open handle") == true)
                // The first handle still works.
                #expect(try first.repoID(did: Self.did) == 1)
            }
            // Once the first is closed the directory opens again.
            let second = try RocksRepoStorage(options: options)
            #expect(try second.repoID(did: Self.did) == 1)
        }
    }

    @Test func openingAMissingDirectoryWithoutCreateSaysItIsMissing() throws {
        try TemporaryDirectory.with { dir in
            var options = StoreKind.rocksOptions(dir.sub("absent"))
            options.createIfMissing = false
            #expect(throws: StorageError.open(path: options.path, .missing)) { try RocksRepoStorage(options: options) }
            // An existing but empty directory is not a database either.
            try FileManager.default.createDirectory(atPath: options.path, withIntermediateDirectories: false)
            #expect(throws: StorageError.open(path: options.path, .missing)) { try RocksRepoStorage(options: options) }
        }
    }

    @Test func createsParentDirectories() throws {
        try TemporaryDirectory.with { dir in
            let path = dir.sub("a/b/c/db")
            _ = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
            #expect(FileManager.default.fileExists(atPath: path + "/CURRENT"))
        }
    }

    @Test func openingADamagedDatabaseSaysItIsCorrupt() throws {
        try TemporaryDirectory.with { dir in
            let options = StoreKind.rocksOptions(dir.sub("db"))
            _ = try RocksRepoStorage(options: options)
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: options.path + "/CURRENT"))
            let error = #expect(throws: StorageError.self) { try RocksRepoStorage(options: options) }
            guard case .open(let path, .corrupt(let message))? = error else {
                Issue.record("expected a corrupt-database error, got \(String(describing: error))")
                return
            }
            #expect(path == options.path)
            #expect(!message.isEmpty)
        }
    }

    @Test func scansStayInsideTheirRepoAcrossAByteBoundaryOfTheID() throws {
        try TemporaryDirectory.with { dir in
            let store = try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("db"), sync: false))
            // Ids 1...257: 255, 256 and 257 differ from 1 in a different byte than 1 and 2 do.
            for n in 1...257 { #expect(try store.createRepo(did: "did:plc:n\(n)") == UInt64(n)) }
            for n in [1, 2, 255, 256, 257] {
                try store.apply(
                    Fake.commit(
                        did: "did:plc:n\(n)", previous: nil, label: "\(n)", blocks: ["x\(n)", "y\(n)"],
                        index: [.put(collection: "a.b.c", rkey: "r\(n)", cid: Fake.cid("x\(n)"))]))
            }
            for n in [1, 2, 255, 256, 257] {
                let did = "did:plc:n\(n)"
                #expect(
                    try allBlocks(store, did).map(\.cid)
                        == ["x\(n)", "y\(n)", "commit:\(n)"].map { Fake.cid($0) }.sorted())
                #expect(try store.listRecords(did: did, collection: "a.b.c", limit: 10).map(\.rkey) == ["r\(n)"])
                #expect(try store.countRecords(did: did) == 1)
            }
            #expect(try allBlocks(store, "did:plc:n3").isEmpty)
            #expect(try store.listRepos(after: 250, limit: 100).map(\.id) == Array(251...257))
        }
    }

    @Test func blockSourceReadsThroughTheRepoID() throws {
        try TemporaryDirectory.with { dir in
            let store = try RocksRepoStorage(options: StoreKind.rocksOptions(dir.sub("db")))
            let id = try store.createRepo(did: Self.did)
            try store.apply(Fake.commit(did: Self.did, previous: nil, label: "c1", blocks: ["x"]))
            let source = try store.blockSource(did: Self.did)
            #expect(source.repoID == id)
            #expect(try source.block(Fake.cid("x")) == Array("x".utf8))
        }
    }
}

@Suite struct StorageEncodingTests {
    @Test func repoKeysSortByID() {
        let ids: [UInt64] = [0, 1, 255, 256, 65_535, 65_536, 1 << 40, UInt64.max]
        let keys = ids.map(StorageKey.repo)
        #expect(keys.allSatisfy { $0.count == 8 })
        for (a, b) in zip(keys, keys.dropFirst()) { #expect(a.lexicographicallyPrecedes(b)) }
        for (id, key) in zip(ids, keys) { #expect(key.withUnsafeBytes { StorageKey.readID($0) } == id) }
    }

    @Test func recordKeysStayInsideTheirCollection() {
        let start = StorageKey.collection(7, "app.x.post"), end = StorageKey.collectionEnd(7, "app.x.post")
        for rkey in ["", "a", "3k2a", "zzzzzzzzzzzz", "~"] {
            let key = StorageKey.record(7, "app.x.post", rkey)
            #expect(!key.lexicographicallyPrecedes(start))
            #expect(key.lexicographicallyPrecedes(end))
        }
        let gate = StorageKey.record(7, "app.x.postgate", "a")
        #expect(!gate.lexicographicallyPrecedes(end))
        #expect(StorageKey.record(8, "a.a.a", "").count == 14)
    }

    @Test func repoEntryRoundTrips() throws {
        for entry in [
            RepoEntry(id: 1, root: nil), RepoEntry(id: 1 << 50, root: Fake.root("x")),
            RepoEntry(id: 9, root: RepoRoot(commit: Fake.cid("c"), rev: "", data: Fake.cid("d"))),
        ] {
            let bytes = entry.encoded
            #expect(bytes.first == RepoEntry.version)
            #expect(try bytes.withUnsafeBytes { try RepoEntry(decoding: $0) } == entry)
        }
    }

    @Test func damagedRepoEntriesThrow() {
        let good = RepoEntry(id: 3, root: Fake.root("x")).encoded
        var badVersion = good
        badVersion[0] = 2
        var badFlag = good
        badFlag[9] = 7
        for bytes in [
            [], Array(good.prefix(9)), badVersion, badFlag, Array(good.prefix(20)),
            RepoEntry(id: 3, root: nil).encoded + [0],
        ] {
            #expect(throws: StorageError.self) { try bytes.withUnsafeBytes { try RepoEntry(decoding: $0) } }
        }
    }

    @Test func errorDescriptionsSayWhatHappened() {
        #expect(StorageError.open(path: "/d", .locked).description.contains("only one process"))
        #expect(
            StorageError.open(path: "/d", .notADirectory).description
                == "cannot open storage at /d: the path is not a directory")
        #expect(
            StorageError.rocksdb(call: "rocksdb_write", message: "IO error").description
                == "rocksdb_write failed: IO error")
        #expect(StorageError.conflict(expected: nil, found: nil).description.contains("no commit"))
    }
}
