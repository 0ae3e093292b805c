// RepoStorage.swift: what the repo layer needs from the data plane.
// Book: docs/04-c-engine.md ("RocksDB"), docs/07-commits.md.

/// The head of a repo: its signed commit, that commit's revision, and the MST root it signs.
public struct RepoRoot: Sendable, Hashable {
    /// CID of the signed commit block.
    public var commit: CID
    /// The commit's `rev` (a TID string).
    public var rev: String
    /// CID of the MST root node.
    public var data: CID

    /// A root.
    public init(commit: CID, rev: String, data: CID) {
        self.commit = commit
        self.rev = rev
        self.data = data
    }
}

/// One record-index change in a commit.
public enum RecordIndexChange: Sendable, Hashable {
    /// `collection/rkey` now points at `cid`.
    case put(collection: String, rkey: String, cid: CID)
    /// `collection/rkey` no longer exists.
    case delete(collection: String, rkey: String)
}

/// Everything one commit changes, applied as a single atomic write.
public struct CommitWrite: Sendable {
    /// The repo.
    public var did: String
    /// The root this commit was built on (nil for a repo's first commit); the write fails if the
    /// stored root differs, so two writers cannot both commit on the same parent.
    public var expectedPrevious: CID?
    /// The new root.
    public var root: RepoRoot
    /// Blocks the commit adds (the commit, new MST nodes, new records).
    public var newBlocks: [(cid: CID, bytes: [UInt8])]
    /// Tree and commit blocks no longer referenced by the repo after this commit.
    public var removedBlocks: [CID]
    /// Record index changes. Record blocks are reference-counted by storage from these (the same
    /// record bytes can sit under two keys): a record block is deleted when no key uses it any more.
    public var index: [RecordIndexChange]

    /// A write.
    public init(
        did: String, expectedPrevious: CID?, root: RepoRoot, newBlocks: [(cid: CID, bytes: [UInt8])],
        removedBlocks: [CID], index: [RecordIndexChange]
    ) {
        self.did = did
        self.expectedPrevious = expectedPrevious
        self.root = root
        self.newBlocks = newBlocks
        self.removedBlocks = removedBlocks
        self.index = index
    }
}
