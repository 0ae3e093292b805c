// RepoEventTests.swift: commits and identity/account changes land in the event log as firehose frames.
import Testing

@testable import Engine

@Suite struct RepoEventTests {
    static let did = "did:plc:repoeventsrepoeventsrepoe"

    /// Splits a frame into its header and body.
    static func split(_ frame: [UInt8]) throws -> (header: IPLD, body: IPLD) {
        let n = try frame.withUnsafeBytes { try DagCBOR.scan($0) }
        return (try DagCBOR.decode(Array(frame[..<n])), try DagCBOR.decode(Array(frame[n...])))
    }

    @Test(arguments: StoreKind.allCases)
    func commitsAndAccountChangesAreSequenced(_ kind: StoreKind) throws {
        try kind.with { store in try Self.sequenced(store) }
    }

    static func sequenced(_ store: some RepoStorage) throws {
        let service = RepoService(storage: store)
        let key = AnyPrivateKey.generate(.k256)
        let first = try store.appendEvent(.identity(did: did, handle: "alice.test"))
        let genesis = try service.createRepo(did: did, key: key)
        let post = try service.write(did: did, key: key, [
            .create(collection: "app.bsky.feed.post", rkey: "r1", record: MemoryRepo.post(1))
        ])
        _ = try store.appendEvent(.account(did: did, active: false, status: "deactivated"))
        let events = try store.events(after: 0, limit: 100)
        #expect(events.map(\.seq) == [first, first + 1, first + 2, first + 3])
        #expect(try store.lastSequence() == first + 3)

        let (h0, b0) = try split(events[0].frame)
        #expect(h0 == ["op": 1, "t": "#identity"])
        #expect(b0["handle"] == "alice.test" && b0["seq"] == .int(Int64(first)))

        let (h2, b2) = try split(events[2].frame)
        #expect(h2 == ["op": 1, "t": "#commit"])
        #expect(b2["repo"] == .string(did) && b2["commit"] == .link(post.commitCID))
        #expect(b2["since"] == .string(genesis.commit.unsigned.rev))
        #expect(b2["prevData"] == .link(genesis.commit.unsigned.data))
        guard case .list(let ops)? = b2["ops"], case .bytes(let car)? = b2["blocks"] else {
            Issue.record("ops or blocks missing")
            return
        }
        #expect(ops.count == 1 && ops[0]["action"] == "create" && ops[0]["path"] == "app.bsky.feed.post/r1")
        // The CAR slice holds the commit, the new nodes and the record, rooted at the commit.
        let slice = try CAR.read(car)
        #expect(slice.header.roots == [post.commitCID])
        #expect(Set(slice.blocks.map(\.cid)) == Set(post.newBlocks.map(\.cid)))

        let (_, b3) = try split(events[3].frame)
        #expect(b3["active"] == false && b3["status"] == "deactivated")
        #expect(try store.events(after: first + 2, limit: 10).map(\.seq) == [first + 3])
    }

    /// Sequence numbers continue after a reopen.
    @Test func sequenceSurvivesReopen() throws {
        try TemporaryDirectory.with { dir in
            let path = dir.sub("db")
            do {
                let store = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
                for i in 0..<3 { _ = try store.appendEvent(.identity(did: Self.did, handle: "h\(i).test")) }
            }
            let store = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
            #expect(try store.lastSequence() == 3)
            #expect(try store.appendEvent(.identity(did: Self.did, handle: nil)) == 4)
        }
    }
}

/// A `#commit` frame carries what a relay needs to check the commit knowing only the previous data
/// root: on a big tree, deletes need unchanged sibling nodes to invert, and the frame has them.
@Suite struct CommitFrameProofTests {
    @Test func deleteFramesCarryTheNodesToInvertThem() throws {
        let store = MemoryRepoStorage()
        let service = RepoService(storage: store)
        let key = AnyPrivateKey.generate(.k256)
        let did = "did:plc:commitproofcommitproofcom"
        try service.createRepo(did: did, key: key)
        for batch in 0..<10 {
            try service.write(did: did, key: key, (0..<100).map { RepoServiceTests.post(batch * 100 + $0) })
        }
        var neededProof = 0
        for i in stride(from: 0, to: 1000, by: 37) {
            let before = try store.lastSequence()
            let commit = try service.write(did: did, key: key, [
                .delete(collection: "app.bsky.feed.post", rkey: "r\(String(i, radix: 36))", swap: .any)
            ])
            let frame = try #require(try store.events(after: before, limit: 1).first)
            let (_, body) = try RepoEventTests.split(frame.frame)
            guard case .bytes(let car)? = body["blocks"], case .link(let prevData)? = body["prevData"] else {
                Issue.record("frame without blocks or prevData")
                return
            }
            var blocks: [CID: [UInt8]] = [:]
            for block in try CAR.read(car).blocks { blocks[block.cid] = block.bytes }
            // The frame's blocks alone invert the op.
            _ = try MST.inversionProof(
                newRoot: commit.commit.unsigned.data, previousRoot: prevData, ops: commit.ops, source: MemoryBlockSource(blocks))
            // The new blocks alone do not always: count the deletes that needed more.
            let newOnly = MemoryBlockSource(Dictionary(commit.newBlocks.map { ($0.cid, $0.bytes) }) { a, _ in a })
            if (try? MST.inversionProof(
                newRoot: commit.commit.unsigned.data, previousRoot: prevData, ops: commit.ops, source: newOnly)) == nil
            {
                neededProof += 1
            }
        }
        #expect(neededProof > 0)
    }
}
