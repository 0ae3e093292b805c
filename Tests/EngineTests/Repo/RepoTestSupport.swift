// RepoTestSupport.swift: an in-memory repo driven through RepoCommitter, for repo-layer tests.
@testable import Engine

/// A repo held in a block map, applying each prepared commit as storage would.
struct MemoryRepo {
    var blocks = MemoryBlockSource()
    var root: RepoRoot
    var records: [String: CID] = [:]
    var recordBlocks: Set<CID> = []
    let committer: RepoCommitter

    init(did: String = "did:plc:abcdefghijklmnopqrstuvwx", key: AnyPrivateKey = .generate(.k256)) throws {
        committer = RepoCommitter(did: did, key: key, clock: TIDClock(clockID: 0))
        let c = try committer.genesis()
        root = c.write.root
        apply(c.write)
    }

    mutating func apply(_ w: CommitWrite) {
        for (cid, bytes) in w.newBlocks { blocks.blocks[cid] = bytes }
        for cid in w.removedBlocks { blocks.blocks[cid] = nil }
        for change in w.index {
            switch change {
            case .put(let c, let r, let cid): records["\(c)/\(r)"] = cid
            case .delete(let c, let r): records["\(c)/\(r)"] = nil
            }
        }
        // Record blocks no key uses any more go too (storage does this with reference counts).
        for change in w.index { if case .put(_, _, let cid) = change { recordBlocks.insert(cid) } }
        let live = Set(records.values)
        for cid in recordBlocks where !live.contains(cid) {
            blocks.blocks[cid] = nil
            recordBlocks.remove(cid)
        }
        root = w.root
    }

    @discardableResult
    mutating func write(_ writes: [RepoWrite], swapCommit: CID? = nil) throws -> PreparedCommit {
        let c = try committer.apply(writes, to: root, source: blocks, swapCommit: swapCommit)
        apply(c.write)
        return c
    }

    static func post(_ i: Int) -> IPLDMap {
        try! IPLDMap([("$type", "app.bsky.feed.post"), ("text", .string("post number \(i)")), ("createdAt", "2024-01-01T00:00:00Z")])
    }

    func car() -> [UInt8] {
        CAR.encode(roots: [root.commit], blocks: blocks.blocks.map { CARBlock(cid: $0.key, bytes: $0.value) })
    }
}
