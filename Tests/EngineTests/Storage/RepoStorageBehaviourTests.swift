// RepoStorageBehaviourTests.swift: one suite, run against RocksRepoStorage and MemoryRepoStorage.

import Testing

@testable import Engine

@Suite struct RepoStorageBehaviourTests {
    static let alice = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
    static let bob = "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb"
    static let carol = "did:plc:cccccccccccccccccccccccc"

    @Test(arguments: StoreKind.allCases)
    func applyThenReadBack(_ kind: StoreKind) throws {
        try kind.with { store in
            let did = Self.alice
            let id = try store.createRepo(did: did)
            #expect(try store.repoID(did: did) == id)
            #expect(try store.root(did: did) == nil)

            let post = Fake.cid("record:1"), like = Fake.cid("record:2")
            let write = Fake.commit(
                did: did, previous: nil, label: "c1", blocks: ["record:1", "record:2", "mst:1"],
                index: [
                    .put(collection: "app.bsky.feed.post", rkey: "3k2a", cid: post),
                    .put(collection: "app.bsky.feed.like", rkey: "3k2b", cid: like),
                ])
            try store.apply(write)

            #expect(try store.root(did: did) == Fake.root("c1"))
            for block in write.newBlocks {
                #expect(try store.block(did: did, cid: block.cid) == block.bytes)
                #expect(try store.hasBlock(did: did, cid: block.cid))
            }
            #expect(try store.block(did: did, cid: Fake.cid("absent")) == nil)
            #expect(try !store.hasBlock(did: did, cid: Fake.cid("absent")))
            let wanted = [Fake.cid("record:1"), Fake.cid("absent"), Fake.cid("mst:1")]
            #expect(
                try store.blocks(did: did, cids: wanted) == [
                    Fake.cid("record:1"): Array("record:1".utf8), Fake.cid("mst:1"): Array("mst:1".utf8),
                ])
            #expect(try store.record(did: did, collection: "app.bsky.feed.post", rkey: "3k2a") == post)
            #expect(try store.record(did: did, collection: "app.bsky.feed.post", rkey: "3k2b") == nil)
            #expect(try store.countRecords(did: did) == 2)
            #expect(try store.collections(did: did) == ["app.bsky.feed.like", "app.bsky.feed.post"])

            let source = try store.blockSource(did: did)
            #expect(try source.block(Fake.cid("mst:1")) == Array("mst:1".utf8))
            #expect(try source.block(Fake.cid("absent")) == nil)

            // A second commit on the first: a record deleted, one replaced.
            let post2 = Fake.cid("record:3")
            try store.apply(
                Fake.commit(
                    did: did, previous: Fake.root("c1").commit, label: "c2", blocks: ["record:3"],
                    removed: ["record:1"],
                    index: [
                        .put(collection: "app.bsky.feed.post", rkey: "3k2a", cid: post2),
                        .delete(collection: "app.bsky.feed.like", rkey: "3k2b"),
                    ]))
            #expect(try store.root(did: did) == Fake.root("c2"))
            #expect(try store.record(did: did, collection: "app.bsky.feed.post", rkey: "3k2a") == post2)
            #expect(try store.record(did: did, collection: "app.bsky.feed.like", rkey: "3k2b") == nil)
            #expect(try store.collections(did: did) == ["app.bsky.feed.post"])
            #expect(try store.countRecords(did: did) == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func conflictLeavesTheStoreUnchanged(_ kind: StoreKind) throws {
        try kind.with { store in
            let did = Self.alice
            _ = try store.createRepo(did: did)
            // A first commit must say "no previous".
            #expect(throws: StorageError.conflict(expected: Fake.cid("x"), found: nil)) {
                try store.apply(Fake.commit(did: did, previous: Fake.cid("x"), label: "c0", blocks: ["b0"]))
            }
            #expect(try store.root(did: did) == nil)
            #expect(try !store.hasBlock(did: did, cid: Fake.cid("b0")))

            try store.apply(
                Fake.commit(
                    did: did, previous: nil, label: "c1", blocks: ["b1"],
                    index: [.put(collection: "a.b.c", rkey: "k1", cid: Fake.cid("b1"))]))
            let before = try allBlocks(store, did).map(\.cid)

            // Two writers built on the same parent: the second loses and writes nothing.
            let stale = Fake.commit(
                did: did, previous: nil, label: "c2", blocks: ["b2"], removed: ["b1"],
                index: [
                    .put(collection: "a.b.c", rkey: "k2", cid: Fake.cid("b2")),
                    .delete(collection: "a.b.c", rkey: "k1"),
                ])
            #expect(throws: StorageError.conflict(expected: nil, found: Fake.root("c1").commit)) {
                try store.apply(stale)
            }
            #expect(try store.root(did: did) == Fake.root("c1"))
            #expect(try allBlocks(store, did).map(\.cid) == before)
            #expect(try store.hasBlock(did: did, cid: Fake.cid("b1")))
            #expect(try store.record(did: did, collection: "a.b.c", rkey: "k1") == Fake.cid("b1"))
            #expect(try store.record(did: did, collection: "a.b.c", rkey: "k2") == nil)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func removedBlocksAreGone(_ kind: StoreKind) throws {
        try kind.with { store in
            let did = Self.alice
            _ = try store.createRepo(did: did)
            try store.apply(Fake.commit(did: did, previous: nil, label: "c1", blocks: ["a", "b", "keep"]))
            // "keep" is both removed and re-added: it stays.
            try store.apply(
                Fake.commit(
                    did: did, previous: Fake.root("c1").commit, label: "c2", blocks: ["c", "keep"],
                    removed: ["a", "commit:c1", "keep"]))
            #expect(try store.block(did: did, cid: Fake.cid("a")) == nil)
            #expect(try !store.hasBlock(did: did, cid: Fake.cid("commit:c1")))
            let expected = ["b", "c", "keep", "commit:c2"].map { Fake.cid($0) }.sorted()
            #expect(try allBlocks(store, did).map(\.cid) == expected)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func forEachBlockStreamsExactlyOneRepo(_ kind: StoreKind) throws {
        try kind.with { store in
            let dids = [Self.alice, Self.bob, Self.carol]
            for did in dids { _ = try store.createRepo(did: did) }
            // Interleave the writes so the three repos' keys are written alternately.
            var heads: [String: CID?] = [:]
            for round in 0..<4 {
                for (n, did) in dids.enumerated() {
                    let label = "\(n)-\(round)"
                    try store.apply(
                        Fake.commit(
                            did: did, previous: heads[did] ?? nil, label: label,
                            blocks: (0..<5).map { "block \(label) \($0)" }))
                    heads[did] = Fake.root(label).commit
                }
            }
            for (n, did) in dids.enumerated() {
                let blocks = try allBlocks(store, did)
                var expected: [CID: [UInt8]] = [:]
                for round in 0..<4 {
                    let label = "\(n)-\(round)"
                    for i in 0..<5 { expected[Fake.cid("block \(label) \(i)")] = Array("block \(label) \(i)".utf8) }
                    expected[Fake.cid("commit:" + label)] = Array(("commit:" + label).utf8)
                }
                #expect(blocks.count == 24)
                #expect(blocks.map(\.cid) == expected.keys.sorted())
                for block in blocks { #expect(expected[block.cid] == block.bytes) }
            }
            // A body that throws stops the scan and the error comes out.
            struct Stop: Error {}
            var seen = 0
            #expect(throws: Stop.self) {
                try store.forEachBlock(did: Self.bob) { _, _ in
                    seen += 1
                    if seen == 3 { throw Stop() }
                }
            }
            #expect(seen == 3)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func listRecordsPagesForwardAndBackward(_ kind: StoreKind) throws {
        try kind.with { store in
            let did = Self.alice
            _ = try store.createRepo(did: did)
            let rkeys = (0..<20).map { "3k\(String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))))" }
            var index: [RecordIndexChange] = rkeys.map { .put(collection: "app.x.post", rkey: $0, cid: Fake.cid($0)) }
            // Neighbours that a careless prefix would pick up.
            index.append(.put(collection: "app.x.postgate", rkey: "3ka", cid: Fake.cid("gate")))
            index.append(.put(collection: "app.x.pos", rkey: "t3ka", cid: Fake.cid("pos")))
            try store.apply(Fake.commit(did: did, previous: nil, label: "c1", index: index))

            func pages(reverse: Bool, size: Int) throws -> [[String]] {
                var out: [[String]] = []
                var cursor: String? = nil
                while true {
                    let page = try store.listRecords(
                        did: did, collection: "app.x.post", limit: size, cursor: cursor, reverse: reverse)
                    for entry in page { #expect(entry.cid == Fake.cid(entry.rkey)) }
                    if page.isEmpty { return out }
                    out.append(page.map(\.rkey))
                    cursor = page.last!.rkey
                }
            }
            let forward = try pages(reverse: false, size: 7)
            #expect(forward.map(\.count) == [7, 7, 6])
            #expect(forward.flatMap { $0 } == rkeys)
            let backward = try pages(reverse: true, size: 7)
            #expect(backward.map(\.count) == [7, 7, 6])
            #expect(backward.flatMap { $0 } == rkeys.reversed())

            #expect(
                try store.listRecords(did: did, collection: "app.x.post", limit: 3).map(\.rkey) == [
                    "3ka", "3kb", "3kc",
                ])
            #expect(
                try store.listRecords(did: did, collection: "app.x.post", limit: 2, cursor: "3kj", reverse: false)
                    .map(\.rkey) == ["3kk", "3kl"])
            #expect(
                try store.listRecords(did: did, collection: "app.x.post", limit: 2, cursor: "3kj", reverse: true)
                    .map(\.rkey) == ["3ki", "3kh"])
            // A cursor that is not a stored rkey still splits the order.
            #expect(
                try store.listRecords(did: did, collection: "app.x.post", limit: 2, cursor: "3kjj", reverse: false)
                    .map(\.rkey) == ["3kk", "3kl"])
            #expect(
                try store.listRecords(did: did, collection: "app.x.post", limit: 2, cursor: "3kjj", reverse: true)
                    .map(\.rkey) == ["3kj", "3ki"])
            #expect(
                try store.listRecords(did: did, collection: "app.x.post", limit: 5, cursor: "3kt", reverse: false)
                    .isEmpty)
            #expect(
                try store.listRecords(did: did, collection: "app.x.post", limit: 5, cursor: "3ka", reverse: true)
                    .isEmpty)
            #expect(try store.listRecords(did: did, collection: "app.x.post", limit: 0).isEmpty)
            #expect(try store.listRecords(did: did, collection: "app.x.none", limit: 5).isEmpty)
            #expect(try store.listRecords(did: did, collection: "app.x.postgate", limit: 5).map(\.rkey) == ["3ka"])
            #expect(try store.collections(did: did) == ["app.x.pos", "app.x.post", "app.x.postgate"])
            #expect(try store.countRecords(did: did) == 22)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func listReposPagesInCreationOrder(_ kind: StoreKind) throws {
        try kind.with { store in
            let dids = (0..<5).map { "did:plc:repo\($0)" }
            var ids: [UInt64] = []
            // Created in an order that differs from DID order.
            for did in dids.reversed() { ids.append(try store.createRepo(did: did)) }
            #expect(ids == ids.sorted())
            #expect(Set(ids).count == 5)
            try store.apply(Fake.commit(did: dids[0], previous: nil, label: "r0"))

            var all: [(id: UInt64, did: String, root: RepoRoot?)] = []
            var after: UInt64? = nil
            while true {
                let page = try store.listRepos(after: after, limit: 2)
                if page.isEmpty { break }
                #expect(page.count <= 2)
                all += page
                after = page.last!.id
            }
            #expect(all.map(\.id) == ids)
            #expect(all.map(\.did) == dids.reversed())
            #expect(all.last!.root == Fake.root("r0"))
            #expect(all.dropLast().allSatisfy { $0.root == nil })
            #expect(try store.listRepos(after: nil, limit: 0).isEmpty)
            #expect(try store.listRepos(after: ids.last!, limit: 10).isEmpty)

            try store.deleteRepo(did: dids[2])
            #expect(try store.listRepos(after: nil, limit: 10).map(\.did) == [dids[4], dids[3], dids[1], dids[0]])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func deleteRepoRemovesEverythingOfThatRepoOnly(_ kind: StoreKind) throws {
        try kind.with { store in
            let gone = Self.alice, kept = Self.bob
            let goneID = try store.createRepo(did: gone)
            _ = try store.createRepo(did: kept)
            for did in [gone, kept] {
                try store.apply(
                    Fake.commit(
                        did: did, previous: nil, label: did, blocks: ["shared", "own \(did)"],
                        index: [.put(collection: "a.b.c", rkey: "k", cid: Fake.cid("shared"))]))
            }
            try store.deleteRepo(did: gone)
            #expect(try store.repoID(did: gone) == nil)
            #expect(throws: StorageError.unknownRepo(did: gone)) { try store.root(did: gone) }
            #expect(throws: StorageError.unknownRepo(did: gone)) { try store.block(did: gone, cid: Fake.cid("shared")) }
            #expect(throws: StorageError.unknownRepo(did: gone)) { try store.deleteRepo(did: gone) }

            // The other repo, including the block both held, is untouched.
            #expect(try store.root(did: kept) == Fake.root(kept))
            #expect(try store.block(did: kept, cid: Fake.cid("shared")) == Array("shared".utf8))
            #expect(try store.record(did: kept, collection: "a.b.c", rkey: "k") == Fake.cid("shared"))
            #expect(try allBlocks(store, kept).count == 3)

            // The DID can be used again: a new, empty repo with a new id.
            let again = try store.createRepo(did: gone)
            #expect(again > goneID)
            #expect(try store.root(did: gone) == nil)
            #expect(try allBlocks(store, gone).isEmpty)
            #expect(try store.countRecords(did: gone) == 0)
            #expect(try store.record(did: gone, collection: "a.b.c", rkey: "k") == nil)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func unknownAndDuplicateRepos(_ kind: StoreKind) throws {
        try kind.with { store in
            let did = Self.carol
            #expect(try store.repoID(did: did) == nil)
            #expect(throws: StorageError.unknownRepo(did: did)) {
                try store.apply(Fake.commit(did: did, previous: nil, label: "x"))
            }
            #expect(throws: StorageError.unknownRepo(did: did)) { try store.forEachBlock(did: did) { _, _ in } }
            #expect(throws: StorageError.unknownRepo(did: did)) {
                try store.listRecords(did: did, collection: "a.b.c", limit: 1)
            }
            #expect(throws: StorageError.unknownRepo(did: did)) { _ = try store.blockSource(did: did) }
            _ = try store.createRepo(did: did)
            #expect(throws: StorageError.repoExists(did: did)) { try store.createRepo(did: did) }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentAppliesToEightReposAllLand(_ kind: StoreKind) async throws {
        let commits = 40
        try await kind.with { store in
            let dids = (0..<8).map { "did:plc:concurrent\($0)" }
            for did in dids { _ = try store.createRepo(did: did) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for did in dids {
                    group.addTask {
                        var previous: CID? = nil
                        for n in 0..<commits {
                            let label = "\(did) \(n)"
                            try store.apply(
                                Fake.commit(
                                    did: did, previous: previous, label: label, blocks: ["block " + label],
                                    index: [
                                        .put(
                                            collection: "app.x.post", rkey: "r\(1000 + n)",
                                            cid: Fake.cid("block " + label))
                                    ]))
                            previous = Fake.root(label).commit
                        }
                    }
                }
                try await group.waitForAll()
            }
            for did in dids {
                #expect(try store.root(did: did) == Fake.root("\(did) \(commits - 1)"))
                #expect(try store.countRecords(did: did) == commits)
                #expect(try allBlocks(store, did).count == 2 * commits)
            }
        }
    }
}
