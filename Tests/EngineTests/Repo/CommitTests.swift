// CommitTests.swift: signed commits, repo writes, proofs and whole-repo verification.
import Testing

@testable import Engine

@Suite struct CommitTests {
    @Test(arguments: [KeyType.k256, .p256])
    func commitsSignAndVerify(_ type: KeyType) throws {
        let key = AnyPrivateKey.generate(type)
        let c = UnsignedCommit(did: "did:plc:abcdefghijklmnopqrstuvwx", data: CID.dagCBOR([0xA0]), rev: "3jzfcijpj2z2a")
        let signed = c.signed(with: key)
        #expect(signed.verify(with: key.publicKey))
        #expect(!signed.verify(with: AnyPrivateKey.generate(type).publicKey))
        let (bytes, cid) = signed.encoded()
        let back = try SignedCommit(decoding: bytes)
        #expect(back == signed && CID.dagCBOR(bytes) == cid)
        var tampered = signed
        tampered.unsigned.rev = "3jzfcijpj2z2b"
        #expect(!tampered.verify(with: key.publicKey))
        // Field order on the wire is canonical: did, rev, sig, data, prev, version.
        #expect(try DagCBOR.decode(bytes).mapValue!.keys == ["did", "rev", "sig", "data", "prev", "version"])
    }

    @Test func malformedCommitsAreRejected() {
        let bad: [IPLD] = [
            1,
            ["did": "did:plc:x", "version": 2, "data": .link(CID.dagCBOR([0xA0])), "rev": "3jzfcijpj2z2a", "sig": .bytes([1])],
            ["did": "nope", "version": 3, "data": .link(CID.dagCBOR([0xA0])), "rev": "3jzfcijpj2z2a", "sig": .bytes([1])],
            ["did": "did:plc:x", "version": 3, "data": .link(CID.dagCBOR([0xA0])), "rev": "3jzfcijpj2z2a"],
            ["did": "did:plc:x", "version": 3, "data": .link(CID.dagCBOR([0xA0])), "rev": "3jzfcijpj2z2a", "sig": .bytes([1]), "extra": 1],
        ]
        for v in bad { #expect(throws: CommitError.self) { try SignedCommit(decoding: DagCBOR.encode(v)) } }
    }

    @Test func writesReportOpsAndEnforceSwaps() throws {
        var repo = try MemoryRepo()
        let c1 = try repo.write([.create(collection: "app.bsky.feed.post", rkey: "3jzfcijpj2z2a", record: MemoryRepo.post(1))])
        #expect(c1.ops == [RepoOp(action: .create, path: "app.bsky.feed.post/3jzfcijpj2z2a", cid: c1.ops[0].cid, prev: nil)])
        let first = c1.ops[0].cid!
        #expect(throws: CommitError.recordConflict("record app.bsky.feed.post/3jzfcijpj2z2a already exists")) {
            try repo.write([.create(collection: "app.bsky.feed.post", rkey: "3jzfcijpj2z2a", record: MemoryRepo.post(2))])
        }
        #expect(throws: CommitError.self) {
            try repo.write([.update(collection: "app.bsky.feed.post", rkey: "3jzfcijpj2z2a", record: MemoryRepo.post(2), swap: .mustBe(CID.dagCBOR([0xA0])))])
        }
        #expect(throws: CommitError.self) {
            try repo.write([.delete(collection: "app.bsky.feed.post", rkey: "3jzfcijpj2z2b")])
        }
        #expect(throws: CommitError.self) {
            try repo.write([.create(collection: "app.bsky.feed.post", rkey: "x", record: MemoryRepo.post(3))], swapCommit: CID.dagCBOR([0xA0]))
        }
        #expect(throws: CommitError.self) { try repo.write([.create(collection: "not an nsid", rkey: "x", record: MemoryRepo.post(3))]) }
        #expect(throws: CommitError.self) { try repo.write([.create(collection: "app.bsky.feed.post", rkey: "..", record: MemoryRepo.post(3))]) }
        let before = repo.root
        let c2 = try repo.write([.update(collection: "app.bsky.feed.post", rkey: "3jzfcijpj2z2a", record: MemoryRepo.post(2), swap: .mustBe(first))], swapCommit: before.commit)
        #expect(c2.ops[0].action == .update && c2.ops[0].prev == first)
        #expect(c2.commit.unsigned.rev > c1.commit.unsigned.rev)
        let c3 = try repo.write([.delete(collection: "app.bsky.feed.post", rkey: "3jzfcijpj2z2a", swap: .mustBe(c2.ops[0].cid!))])
        #expect(c3.ops[0].action == .delete && c3.ops[0].cid == nil)
        #expect(c3.write.removedBlocks.contains(c2.commitCID))
    }

    /// The inversion proof plus the commit's own blocks are enough to get back to the previous root.
    @Test func inversionProofsAreSufficient() throws {
        var repo = try MemoryRepo()
        var rng = SplitMix(seed: 21)
        var paths: [String] = []
        for round in 0..<60 {
            var writes: [RepoWrite] = []
            var used: Set<String> = []
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                if !paths.isEmpty && Int.random(in: 0..<3, using: &rng) == 0 {
                    let p = paths.randomElement(using: &rng)!
                    guard used.insert(p).inserted else { continue }
                    let rkey = String(p.split(separator: "/")[1])
                    if Bool.random(using: &rng) {
                        writes.append(.delete(collection: "app.bsky.feed.like", rkey: rkey))
                        paths.removeAll { $0 == p }
                    } else {
                        writes.append(.update(collection: "app.bsky.feed.like", rkey: rkey, record: MemoryRepo.post(round * 100 + writes.count)))
                    }
                } else {
                    let rkey = TIDClock.shared.next().description
                    used.insert("app.bsky.feed.like/\(rkey)")
                    paths.append("app.bsky.feed.like/\(rkey)")
                    writes.append(.create(collection: "app.bsky.feed.like", rkey: rkey, record: MemoryRepo.post(round * 100 + writes.count)))
                }
            }
            let previous = repo.root
            let c = try repo.write(writes)
            let proof = try MST.inversionProof(newRoot: c.write.root.data, previousRoot: previous.data, ops: c.ops, source: repo.blocks)
            // A consumer holding only the commit's new blocks and the proof can redo the inversion.
            var minimal = MemoryBlockSource(proof)
            for (cid, bytes) in c.newBlocks { minimal.blocks[cid] = bytes }
            _ = try MST.inversionProof(newRoot: c.write.root.data, previousRoot: previous.data, ops: c.ops, source: minimal)
        }
    }

    @Test func recordPathsProveKeys() throws {
        var repo = try MemoryRepo()
        for i in 0..<200 {
            try repo.write([.create(collection: "app.bsky.feed.post", rkey: "k\(i)", record: MemoryRepo.post(i))])
        }
        let mst = MST(source: repo.blocks, root: repo.root.data)
        let path = try mst.path(to: Array("app.bsky.feed.post/k42".utf8))
        let proofOnly = MemoryBlockSource(Dictionary(uniqueKeysWithValues: path.map { ($0, repo.blocks.blocks[$0]!) }))
        #expect(try MST(source: proofOnly, root: repo.root.data).get("app.bsky.feed.post/k42") == repo.records["app.bsky.feed.post/k42"])
    }
}

/// Regressions from review of the repo layer.
@Suite struct RepoReviewRegressionTests {
    @Test func markWrittenForgetsRemovedNodes() throws {
        var store = MemoryBlockSource()
        let mst = MST(emptyWith: store)
        for i in 0..<200 { try mst.put("com.example.record/k\(i)", MSTTests.valueCID(i)) }
        func write() {
            let c = mst.changes()
            for (cid, b) in c.newNodes { store.blocks[cid] = b }
            for cid in c.removedNodes { store.blocks[cid] = nil }
            mst.markWritten()
        }
        write()
        // A key on the root's layer changes the root; deleting it rebuilds the old root.
        let rootLayer = try mst.height(mst.node(mst.root))
        var extra = 0
        while MSTKey.height("com.example.record/x\(extra)") != rootLayer { extra += 1 }
        try mst.put("com.example.record/x\(extra)", MSTTests.valueCID(9999))
        write()
        try mst.delete("com.example.record/x\(extra)")
        write()
        #expect(try MST(source: store, root: mst.root).entries().count == 200)
    }

    @Test func commitsMustCarryPrev() throws {
        let key = AnyPrivateKey.generate(.k256)
        let c = UnsignedCommit(did: "did:plc:abcdefghijklmnopqrstuvwx", data: CID.dagCBOR([0xA0]), rev: "3jzfcijpj2z2a")
        var m = c.ipld
        m["prev"] = nil
        m["sig"] = .bytes(key.sign(DagCBOR.encode(.map(m))))
        #expect(throws: CommitError.malformedCommit("prev missing or not a link")) { try SignedCommit(decoding: DagCBOR.encode(.map(m))) }
    }

    @Test func recordsNeedAType() throws {
        var repo = try MemoryRepo()
        // Byte-identical to the empty tree node, were it allowed.
        let impostor = try IPLDMap([("e", .list([])), ("l", .null)])
        #expect(throws: CommitError.invalidWrite("app.bsky.feed.post/x: record has no $type")) {
            try repo.write([.create(collection: "app.bsky.feed.post", rkey: "x", record: impostor)])
        }
    }

    @Test func aFarFutureStoredRevDoesNotMoveTheSharedClock() throws {
        let clock = TIDClock(clockID: 3)
        let before = clock.next()
        let far = try TID("jzzzzzzzzzzz2")
        #expect(RepoCommitter.nextRev(clock.next(), after: far) > far)
        #expect(clock.next().microseconds < before.microseconds + 60_000_000)
    }

    @Test func dictionaryVerificationChecksHashes() throws {
        var repo = try MemoryRepo()
        try repo.write([.create(collection: "app.bsky.feed.post", rkey: "a", record: MemoryRepo.post(1))])
        var blocks = repo.blocks.blocks
        let record = repo.records.values.first!
        blocks[record] = DagCBOR.encode(.map(MemoryRepo.post(2)))
        #expect(throws: CommitError.self) { try RepoVerifier.verify(root: repo.root.commit, blocks: blocks) }
    }
}
