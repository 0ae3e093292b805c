// RepoVerifierTests.swift: CAR export -> verification round trip, and tampering.
import Testing

@testable import Engine

@Suite struct RepoVerifierTests {
    static let did = "did:plc:abcdefghijklmnopqrstuvwx"

    static func repo(records: Int) throws -> (MemoryRepo, AnyPrivateKey) {
        let key = AnyPrivateKey.generate(.k256)
        var repo = try MemoryRepo(did: did, key: key)
        var batch: [RepoWrite] = []
        for i in 0..<records {
            batch.append(.create(collection: i % 3 == 0 ? "app.bsky.feed.like" : "app.bsky.feed.post", rkey: "r\(i)", record: MemoryRepo.post(i)))
            if batch.count == 200 {
                try repo.write(batch)
                batch = []
            }
        }
        if !batch.isEmpty { try repo.write(batch) }
        return (repo, key)
    }

    @Test func tenThousandRecordRepoRoundTrips() throws {
        let (repo, key) = try Self.repo(records: 10_000)
        let verified = try RepoVerifier.verify(car: repo.car(), did: Self.did, key: key.publicKey)
        #expect(verified.records.count == 10_000)
        #expect(Dictionary(uniqueKeysWithValues: verified.records.map { ($0.path, $0.cid) }) == repo.records)
        // Stored blocks are exactly the repo: nothing extra, nothing missing.
        #expect(Set(verified.blocks.keys) == Set(repo.blocks.blocks.keys))
    }

    @Test func tamperingIsCaught() throws {
        let (repo, key) = try Self.repo(records: 300)
        let car = repo.car()
        // Wrong key.
        #expect(throws: CommitError.badSignature) { try RepoVerifier.verify(car: car, did: Self.did, key: AnyPrivateKey.generate(.k256).publicKey) }
        // Wrong DID.
        #expect(throws: CommitError.wrongDID(expected: "did:plc:zzzzzzzzzzzzzzzzzzzzzzzz", found: Self.did)) {
            try RepoVerifier.verify(car: car, did: "did:plc:zzzzzzzzzzzzzzzzzzzzzzzz")
        }
        // A flipped byte anywhere in a block fails the hash check.
        var flipped = car
        flipped[flipped.count - 3] ^= 0x40
        #expect(throws: CARError.self) { try RepoVerifier.verify(car: flipped, did: Self.did, key: key.publicKey) }
        // A missing record or node.
        var blocks = repo.blocks.blocks
        let record = repo.records.values.first!
        blocks[record] = nil
        #expect(throws: CommitError.mst(.missingNode(record))) { try RepoVerifier.verify(root: repo.root.commit, blocks: blocks) }
        // A node whose entries are reordered (and re-hashed so the CAR is self-consistent).
        var reordered = repo.blocks.blocks
        let rootNode = try MSTNode(decoding: reordered[repo.root.data]!, cid: repo.root.data)
        #expect(rootNode.keys.count >= 2)
        var swapped = rootNode
        swapped.keys.swapAt(0, 1)
        swapped.values.swapAt(0, 1)
        let (bytes, cid) = swapped.encoded()
        reordered[cid] = bytes
        let commit = UnsignedCommit(did: Self.did, data: cid, rev: repo.root.rev).signed(with: key)
        let (cb, ccid) = commit.encoded()
        reordered[ccid] = cb
        #expect(throws: CommitError.self) { try RepoVerifier.verify(root: ccid, blocks: reordered, did: Self.did, key: key.publicKey) }
    }

    @Test func nonCanonicalShapesAreRejected() throws {
        let key = AnyPrivateKey.generate(.k256)
        var blocks: [CID: [UInt8]] = [:]
        func put(_ n: MSTNode) -> CID {
            let (b, c) = n.encoded()
            blocks[c] = b
            return c
        }
        func commit(_ data: CID) -> CID {
            let (b, c) = UnsignedCommit(did: Self.did, data: data, rev: "3jzfcijpj2z2a").signed(with: key).encoded()
            blocks[c] = b
            return c
        }
        let record = DagCBOR.encodeWithCID(["$type": "app.bsky.feed.post"])
        blocks[record.cid] = record.bytes
        // A layer-0 key placed in a root that claims a higher layer through an untrimmed empty parent.
        let leaf = put(MSTNode(keys: [Array("app.bsky.feed.post/a".utf8)], values: [record.cid], subtrees: [nil, nil]))
        let untrimmed = put(MSTNode(keys: [], values: [], subtrees: [leaf]))
        #expect(throws: CommitError.self) { try RepoVerifier.verify(root: commit(untrimmed), blocks: blocks) }
        // The plain leaf as root verifies.
        #expect(throws: Never.self) { try RepoVerifier.verify(root: commit(leaf), blocks: blocks, key: key.publicKey) }
        // An invalid key.
        let badKey = put(MSTNode(keys: [Array("nokey".utf8)], values: [record.cid], subtrees: [nil, nil]))
        #expect(throws: CommitError.self) { try RepoVerifier.verify(root: commit(badKey), blocks: blocks) }
    }
}
