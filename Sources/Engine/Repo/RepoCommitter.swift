// RepoCommitter.swift: applies writes to a repo and produces the signed commit and the atomic storage write.
// Book: docs/07-commits.md ("Applying writes").

/// The result of applying writes: everything storage, the firehose and the caller need.
public struct PreparedCommit: Sendable {
    /// The signed commit.
    public var commit: SignedCommit
    /// Its CID.
    public var commitCID: CID
    /// What changed, per path, with previous CIDs.
    public var ops: [RepoOp]
    /// The one atomic storage write for this commit.
    public var write: CommitWrite
    /// The new tree nodes, decoded: once the write has landed they can go into an `MSTNodeCache`,
    /// where the next commit to the repo will find its root path.
    public var newTreeNodes: [(cid: CID, node: MSTNode)]
    /// The blocks a firehose `#commit` event carries: the commit, new tree nodes and new records.
    public var newBlocks: [(cid: CID, bytes: [UInt8])] { write.newBlocks }
}

/// Builds commits for one repo.
public struct RepoCommitter {
    /// The repo's DID.
    public let did: String
    /// The repo's signing key.
    public let key: AnyPrivateKey
    /// Where revisions come from.
    public let clock: TIDClock

    /// A committer.
    public init(did: String, key: AnyPrivateKey, clock: TIDClock = .shared) {
        self.did = did
        self.key = key
        self.clock = clock
    }

    /// The first commit of a new repo, with an empty tree (plus any initial writes).
    public func genesis(writes: [RepoWrite] = []) throws(CommitError) -> PreparedCommit {
        let mst = MST(emptyWith: MemoryBlockSource())
        return try commit(mst: mst, current: nil, writes: writes)
    }

    /// Applies `writes` on top of `current`, reading the stored tree from `source`.
    /// `swapCommit`, when given, must equal the current commit.
    public func apply(
        _ writes: [RepoWrite], to current: RepoRoot, source: any BlockSource, swapCommit: CID? = nil,
        cache: MSTNodeCache? = nil
    ) throws(CommitError) -> PreparedCommit {
        if let swap = swapCommit, swap != current.commit {
            throw .invalidSwap("commit is \(current.commit), not \(swap)")
        }
        return try commit(mst: MST(source: source, root: current.data, cache: cache), current: current, writes: writes)
    }

    private func commit(mst: MST, current: RepoRoot?, writes: [RepoWrite]) throws(CommitError) -> PreparedCommit {
        var ops: [RepoOp] = []
        var records: [(cid: CID, bytes: [UInt8])] = []
        var index: [RecordIndexChange] = []
        var recordBlobs: [String: [CID]] = [:]
        var seen: Set<String> = []
        do {
            for w in writes {
                let path = w.path
                guard seen.insert(path).inserted else { throw CommitError.invalidWrite("\(path) written twice") }
                let key = Array(path.utf8)
                do { try MSTKey.validate(key) } catch { throw CommitError.invalidWrite("\(path): \(error)") }
                if let record = w.record {
                    // Every record names its type; this also means no record can be byte-identical
                    // to a tree node or a commit (neither has `$type`), so block roles never collide.
                    guard case .string(let t)? = record["$type"], !t.isEmpty else {
                        throw CommitError.invalidWrite("\(path): record has no $type")
                    }
                }
                let existing = try mst.get(key)
                /// Stores the record's block, points the key at it, and returns its CID.
                func putRecord(_ c: String, _ r: String, _ record: IPLDMap) throws -> CID {
                    let (bytes, cid) = DagCBOR.encodeWithCID(.map(record))
                    try mst.put(key, cid)
                    records.append((cid, bytes))
                    index.append(.put(collection: c, rkey: r, cid: cid))
                    let blobs = BlobRef.cids(in: record)
                    if !blobs.isEmpty { recordBlobs[path] = blobs }
                    return cid
                }
                switch w {
                case .create(let c, let r, let record):
                    if existing != nil { throw CommitError.recordConflict("record \(path) already exists") }
                    let cid = try putRecord(c, r, record)
                    ops.append(RepoOp(action: .create, path: path, cid: cid, prev: nil))
                case .update(let c, let r, let record, let swap):
                    try Self.check(swap, existing, path)
                    let cid = try putRecord(c, r, record)
                    ops.append(RepoOp(action: existing == nil ? .create : .update, path: path, cid: cid, prev: existing))
                case .delete(let c, let r, let swap):
                    try Self.check(swap, existing, path)
                    guard let existing else { throw CommitError.recordConflict("record \(path) does not exist") }
                    try mst.delete(key)
                    index.append(.delete(collection: c, rkey: r))
                    ops.append(RepoOp(action: .delete, path: path, cid: nil, prev: existing))
                }
            }
        } catch let e as CommitError {
            throw e
        } catch let e as MSTError {
            throw .mst(e)
        } catch let e as StorageError {
            throw .storage(e)
        } catch {
            // Block sources other than storage's own throw only when they cannot read a block.
            throw .storage(.corruptValue(family: "blocks", reason: "\(error)"))
        }
        let changes = mst.changes()
        let rev = Self.nextRev(clock.next(), after: current.flatMap { try? TID($0.rev) }).description
        let commit = UnsignedCommit(did: did, data: mst.root, rev: rev).signed(with: key)
        let (commitBytes, commitCID) = commit.encoded()
        var newBlocks: [(cid: CID, bytes: [UInt8])] = [(commitCID, commitBytes)]
        newBlocks += changes.newNodes
        newBlocks += records
        var removed = changes.removedNodes
        if let current { removed.append(current.commit) }
        var write = CommitWrite(
            did: did, expectedPrevious: current?.commit, root: RepoRoot(commit: commitCID, rev: rev, data: mst.root),
            newBlocks: newBlocks, removedBlocks: removed, index: index)
        write.recordBlobs = recordBlobs
        return PreparedCommit(
            commit: commit, commitCID: commitCID, ops: ops, write: write,
            newTreeNodes: changes.newNodes.map { ($0.cid, mst.pending[$0.cid]!.node) })
    }

    /// A revision above the repo's last one. The shared clock is not moved by a repo's stored rev:
    /// a repo imported with a far-future rev must not drag every other repo's revisions along.
    static func nextRev(_ now: TID, after last: TID?) -> TID {
        guard let last, now <= last else { return now }
        return TID(rawValue: last.rawValue == UInt64.max ? last.rawValue : last.rawValue + 1)
    }

    static func check(_ swap: RecordSwap, _ existing: CID?, _ path: String) throws(CommitError) {
        switch swap {
        case .any: return
        case .mustBe(let c) where existing != c: throw .invalidSwap("record \(path) is not \(c)")
        case .mustNotExist where existing != nil: throw .invalidSwap("record \(path) exists")
        default: return
        }
    }
}
