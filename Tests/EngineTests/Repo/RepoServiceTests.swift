// RepoServiceTests.swift: the locked write path over both stores, and the node cache it feeds.
import Foundation
import Testing

@testable import Engine

@Suite struct RepoServiceTests {
    static let did = "did:plc:reposervicereposervicere"

    static func post(_ i: Int) -> RepoWrite {
        .create(collection: "app.bsky.feed.post", rkey: "r\(String(i, radix: 36))", record: MemoryRepo.post(i))
    }

    static func exported(_ store: some RepoStorage) throws -> [UInt8] {
        var car: [UInt8] = []
        try RepoTransfer.exportCAR(from: store, did: did) { car += $0 }
        return car
    }

    /// Eight tasks write to one repo at once: every write lands, in some order, with no conflict,
    /// and the stored repo verifies.
    @Test(arguments: StoreKind.allCases)
    func concurrentWritersToOneRepoAllLand(_ kind: StoreKind) async throws {
        try await kind.with { (store: any RepoStorage) async throws in try await Self.concurrentWriters(store) }
    }

    static func concurrentWriters(_ store: some RepoStorage) async throws {
        let service = RepoService(storage: store)
        let key = AnyPrivateKey.generate(.k256)
        try service.createRepo(did: did, key: key)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for t in 0..<8 {
                group.addTask {
                    for i in 0..<25 { try service.write(did: did, key: key, [post(t * 100 + i)]) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.countRecords(did: did) == 200)
        let verified = try RepoVerifier.verify(car: try exported(store), did: did, key: key.publicKey)
        #expect(verified.records.count == 200)
    }

    /// A cache small enough to evict constantly and a large one give the same trees as no reuse at all.
    @Test func treesDoNotDependOnTheCache() throws {
        let key = AnyPrivateKey.generate(.k256)
        var roots: [[CID]] = []
        for capacity in [1, 4, 65_536] {
            let service = RepoService(storage: MemoryRepoStorage(), cache: MSTNodeCache(capacity: capacity, shards: 1))
            try service.createRepo(did: Self.did, key: key)
            var rng = SplitMix(seed: 5)
            var live: [String] = []
            var seen: [CID] = []
            for i in 0..<300 {
                if let victim = live.randomElement(using: &rng), rng.next() % 3 == 0 {
                    live.removeAll { $0 == victim }
                    try service.write(did: Self.did, key: key, [.delete(collection: "app.bsky.feed.post", rkey: victim)])
                } else {
                    live.append("r\(String(i, radix: 36))")
                    try service.write(did: Self.did, key: key, [Self.post(i)])
                }
                seen.append(try #require(try service.storage.root(did: Self.did)).data)
            }
            roots.append(seen)
        }
        #expect(roots[0] == roots[1])
        #expect(roots[1] == roots[2])
    }

    @Test func refusalsLeaveTheRepoAsItWas() throws {
        let service = RepoService(storage: MemoryRepoStorage())
        let key = AnyPrivateKey.generate(.k256)
        #expect(throws: CommitError.storage(.unknownRepo(did: Self.did))) {
            try service.write(did: Self.did, key: key, [Self.post(1)])
        }
        let genesis = try service.createRepo(did: Self.did, key: key)
        #expect(throws: CommitError.storage(.repoExists(did: Self.did))) { try service.createRepo(did: Self.did, key: key) }
        #expect(throws: CommitError.self) {
            try service.write(did: Self.did, key: key, [Self.post(1)], swapCommit: CID.dagCBOR([0xA0]))
        }
        #expect(throws: CommitError.self) {
            try service.write(did: Self.did, key: key, [.delete(collection: "app.bsky.feed.post", rkey: "missing")])
        }
        #expect(try service.storage.root(did: Self.did)?.commit == genesis.commitCID)
        #expect(try service.storage.countRecords(did: Self.did) == 0)
    }

    static func cids(_ car: [UInt8]) throws -> Set<CID> {
        Set(try CAR.read(car).blocks.map(\.cid))
    }

    /// `since` exports exactly the blocks of the current repo that a reader holding the repo at
    /// that rev lacks, and the CAR's root is the current commit.
    @Test(arguments: StoreKind.allCases)
    func exportSinceARevSendsOnlyWhatChanged(_ kind: StoreKind) throws {
        try kind.with { store in try Self.exportSince(store) }
    }

    static func exportSince(_ store: some RepoStorage) throws {
        let service = RepoService(storage: store)
        let key = AnyPrivateKey.generate(.k256)
        try service.createRepo(did: did, key: key, writes: (0..<50).map(post))
        for i in 50..<55 { try service.write(did: did, key: key, [post(i)]) }
        let then = try #require(try store.root(did: did))
        let before = try cids(try exported(store))
        for i in 55..<60 { try service.write(did: did, key: key, [post(i)]) }
        try service.write(did: did, key: key, [.delete(collection: "app.bsky.feed.post", rkey: "r1")])
        let now = try cids(try exported(store))
        var car: [UInt8] = []
        try RepoTransfer.exportCAR(from: store, did: did, since: then.rev) { car += $0 }
        #expect(try CAR.read(car).header.roots == [try #require(try store.root(did: did)).commit])
        #expect(try cids(car) == now.subtracting(before))
        // Since the current rev: just nothing new.
        var none: [UInt8] = []
        try RepoTransfer.exportCAR(from: store, did: did, since: try store.root(did: did)!.rev) { none += $0 }
        #expect(try cids(none).isEmpty)
        // getBlocks: present blocks come back, an absent CID is left out.
        let some = Array(now.prefix(3)) + [CID.dagCBOR([0xA0])]
        #expect(Set(try store.blocks(did: did, cids: some).keys) == Set(some.prefix(3)))
    }
}
