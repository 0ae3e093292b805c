// StoredRepoTests.swift: commits through RocksDB end to end: write, export, verify, import.
import Testing

@testable import Engine

@Suite struct StoredRepoTests {
    static let did = "did:plc:storedrepostoredrepostor"

    /// Applies `writes` to the stored repo and returns the commit.
    @discardableResult
    static func commit(_ store: any RepoStorage, _ committer: RepoCommitter, _ writes: [RepoWrite]) throws -> PreparedCommit {
        let root = try store.root(did: did)!
        let c = try committer.apply(writes, to: root, source: try store.blockSource(did: did))
        try store.apply(c.write)
        return c
    }

    static func exported(_ store: any RepoStorage) throws -> [UInt8] {
        var car: [UInt8] = []
        try RepoTransfer.exportCAR(from: store, did: did, chunkBytes: 4096) { car += $0 }
        return car
    }

    @Test(arguments: StoreKind.allCases)
    func thousandMixedWritesExportAndVerify(_ kind: StoreKind) throws {
        try kind.with { store in
            let key = AnyPrivateKey.generate(.k256)
            let committer = RepoCommitter(did: Self.did, key: key)
            _ = try store.createRepo(did: Self.did)
            try store.apply(try committer.genesis().write)
            var rng = SplitMix(seed: 77)
            var live: [String: Int] = [:]
            var n = 0
            while n < 1000 {
                var writes: [RepoWrite] = []
                var touched: Set<String> = []
                for _ in 0..<Int.random(in: 1...10, using: &rng) {
                    n += 1
                    let collection = ["app.bsky.feed.post", "app.bsky.feed.like", "app.bsky.graph.follow"].randomElement(using: &rng)!
                    let existing = live.keys.filter { $0.hasPrefix(collection + "/") && !touched.contains($0) }
                    if let path = existing.randomElement(using: &rng), Bool.random(using: &rng) {
                        touched.insert(path)
                        let rkey = String(path.split(separator: "/")[1])
                        if Bool.random(using: &rng) {
                            writes.append(.delete(collection: collection, rkey: rkey))
                            live[path] = nil
                        } else {
                            // Sometimes the same bytes as another record: shared record blocks.
                            let v = Int.random(in: 0..<50, using: &rng)
                            writes.append(.update(collection: collection, rkey: rkey, record: MemoryRepo.post(v)))
                            live[path] = v
                        }
                    } else {
                        let rkey = TIDClock.shared.next().description
                        let v = Int.random(in: 0..<50, using: &rng)
                        touched.insert("\(collection)/\(rkey)")
                        writes.append(.create(collection: collection, rkey: rkey, record: MemoryRepo.post(v)))
                        live["\(collection)/\(rkey)"] = v
                    }
                }
                try Self.commit(store, committer, writes)
            }
            let car = try Self.exported(store)
            let verified = try RepoVerifier.verify(car: car, did: Self.did, key: key.publicKey)
            #expect(verified.records.count == live.count)
            for (path, v) in live {
                let cid = verified.records.first { $0.path == path }?.cid
                #expect(cid == DagCBOR.encodeWithCID(.map(MemoryRepo.post(v))).cid, "\(path)")
            }
            // Stored blocks are exactly the current repo.
            let stored = try allBlocks(store, Self.did).map(\.cid)
            #expect(Set(stored) == Set(verified.blocks.keys))
            #expect(stored.count == verified.blocks.count)
            // Every record is listed by the index.
            var listed = 0
            for collection in try store.collections(did: Self.did) {
                listed += try store.listRecords(did: Self.did, collection: collection, limit: 10_000).count
            }
            #expect(listed == live.count)

            // Import into a fresh store of either kind gives the same repo, index included; an
            // export since any earlier rev sends every block.
            for otherKind in StoreKind.allCases {
                try otherKind.with { other in
                    try RepoTransfer.importCAR(car, into: other, did: Self.did, key: key.publicKey)
                    #expect(try other.root(did: Self.did) == store.root(did: Self.did))
                    #expect(Set(try allBlocks(other, Self.did).map(\.cid)) == Set(stored))
                    #expect(try other.collections(did: Self.did) == store.collections(did: Self.did))
                    for collection in try store.collections(did: Self.did) {
                        let mine = try store.listRecords(did: Self.did, collection: collection, limit: 10_000)
                        let theirs = try other.listRecords(did: Self.did, collection: collection, limit: 10_000)
                        #expect(mine.map(\.rkey) == theirs.map(\.rkey) && mine.map(\.cid) == theirs.map(\.cid))
                    }
                    var since: [UInt8] = []
                    try RepoTransfer.exportCAR(from: other, did: Self.did, since: "2222222222222") { since += $0 }
                    #expect(Set(try CAR.read(since).blocks.map(\.cid)) == Set(stored))
                    #expect(try other.countRecords(did: Self.did) == live.count)
                }
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedImportLeavesNothingBehind(_ kind: StoreKind) throws {
        let key = AnyPrivateKey.generate(.k256)
        var repo = try MemoryRepo(did: Self.did, key: key)
        for i in 0..<50 { try repo.write([.create(collection: "app.bsky.feed.post", rkey: "r\(i)", record: MemoryRepo.post(i))]) }
        var car = repo.car()
        car[car.count - 2] ^= 1
        try kind.with { store in
            #expect(throws: (any Error).self) { try RepoTransfer.importCAR(car, into: store, did: Self.did, key: key.publicKey) }
            let afterBadCAR = try store.repoID(did: Self.did)
            #expect(afterBadCAR == nil)
            // The wrong key is refused the same way.
            #expect(throws: CommitError.badSignature) {
                try RepoTransfer.importCAR(repo.car(), into: store, did: Self.did, key: AnyPrivateKey.generate(.k256).publicKey)
            }
            let afterBadKey = try store.repoID(did: Self.did)
            #expect(afterBadKey == nil)
        }
    }

    /// A commit dated a day ahead is refused: it would drag every later rev of the repo with it.
    @Test func anImportFromTheFutureIsRefused() throws {
        let key = AnyPrivateKey.generate(.k256)
        let dayAhead = UInt64(RealtimeClock.microsecondsSinceEpoch()) + 86_400_000_000
        let clock = TIDClock(clockID: 3, wallClock: { dayAhead })
        let prepared = try RepoCommitter(did: Self.did, key: key, clock: clock).genesis(writes: [
            .create(collection: "app.bsky.feed.post", rkey: "r1", record: MemoryRepo.post(1))
        ])
        let car = CAR.encode(roots: [prepared.commitCID], blocks: prepared.newBlocks.map { CARBlock(cid: $0.cid, bytes: $0.bytes) })
        let store = MemoryRepoStorage()
        #expect(throws: CommitError.self) { try RepoTransfer.importCAR(car, into: store, did: Self.did, key: key.publicKey) }
        #expect(try store.repoID(did: Self.did) == nil)
        // The same CAR is fine for a host whose clock agrees.
        try RepoTransfer.importCAR(car, into: store, did: Self.did, key: key.publicKey, now: dayAhead)
        #expect(try store.countRecords(did: Self.did) == 1)
    }
}
