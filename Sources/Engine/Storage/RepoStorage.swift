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
    /// Refuse the write (`missingBlob`) if a record newly refers to a blob the repo does not hold.
    /// Off for imports, whose blobs may arrive later (`listMissingBlobs`).
    public var requireBlobs = false
    /// The event-log frame for this commit, built once its sequence number and time are known
    /// (nil: no event).
    public var event: (@Sendable (EventStamp) -> [UInt8])?
    /// Record index changes. Record blocks are reference-counted by storage from these (the same
    /// record bytes can sit under two keys): a record block is deleted when no key uses it any more.
    public var index: [RecordIndexChange]
    /// The blobs each record put by this commit references, by `collection/rkey` (records with no
    /// blob are left out). Storage that keeps a blob index (`RocksRepoStorage`) moves each touched
    /// record's blob references to these in the same atomic write; see docs/15-blobs.md.
    public var recordBlobs: [String: [CID]]

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
        self.event = nil
        self.recordBlobs = [:]
    }
}

/// The data plane as the repo layer sees it: repo heads, blocks and the record index, per DID.
///
/// `RocksRepoStorage` is the real one; `MemoryRepoStorage` serves tests of the layers above, and
/// one behaviour suite runs against both. Every method is synchronous and may block on disk, so
/// callers run them off event-loop threads. Methods other than `createRepo` and `repoID` throw
/// `StorageError.unknownRepo` for a DID with no repo.
public protocol RepoStorage: AnyObject, Sendable {
    /// What `blockSource(did:)` returns.
    associatedtype Blocks: BlockSource

    /// Creates an empty repo (no head yet) and returns its id; throws `repoExists` if there is one.
    func createRepo(did: String) throws(StorageError) -> UInt64
    /// The repo's id, or nil if there is no repo for this DID.
    func repoID(did: String) throws(StorageError) -> UInt64?
    /// The repo's head, or nil before its first commit.
    func root(did: String) throws(StorageError) -> RepoRoot?
    /// One block of the repo, or nil.
    func block(did: String, cid: CID) throws(StorageError) -> [UInt8]?
    /// The blocks of the repo among `cids`; absent ones are left out.
    func blocks(did: String, cids: [CID]) throws(StorageError) -> [CID: [UInt8]]
    /// True if the repo holds the block.
    func hasBlock(did: String, cid: CID) throws(StorageError) -> Bool
    /// Applies a commit atomically if the stored head is still `write.expectedPrevious`; otherwise
    /// throws `conflict` and changes nothing.
    func apply(_ write: CommitWrite) throws(StorageError)
    /// Calls `body` with every block of the repo in CID byte order; the bytes are lent only for the call.
    func forEachBlock(did: String, _ body: (CID, UnsafeRawBufferPointer) throws -> Void) throws
    /// Calls `body` with each block that commits after revision `rev` added and the repo still
    /// holds (what `sync.getRepo?since=` sends), each once, in commit order.
    func forEachBlock(did: String, since rev: String, _ body: (CID, UnsafeRawBufferPointer) throws -> Void) throws
    /// The CID of `collection/rkey`, or nil.
    func record(did: String, collection: String, rkey: String) throws(StorageError) -> CID?
    /// Up to `limit` records of a collection in rkey byte order (descending if `reverse`), starting
    /// after `cursor` (an rkey, exclusive).
    func listRecords(did: String, collection: String, limit: Int, cursor: String?, reverse: Bool)
        throws(StorageError) -> [(rkey: String, cid: CID)]
    /// How many records the repo has.
    func countRecords(did: String) throws(StorageError) -> Int
    /// The collections that hold at least one record, in byte order.
    func collections(did: String) throws(StorageError) -> [String]
    /// Up to `limit` repos in creation (id) order, starting after id `after`.
    func listRepos(after: UInt64?, limit: Int) throws(StorageError) -> [(id: UInt64, did: String, root: RepoRoot?)]
    /// Stores a whole (verified) repo as a new repo in one step: exactly its blocks and its record
    /// index. Throws `repoExists` if the DID has a repo; stores nothing on failure.
    func importRepo(did: String, _ repo: RepoImport) throws(StorageError)
    /// Publishes written events to live subscribers (docs/16-sequencer-and-firehose.md).
    var sequencer: Sequencer { get }
    /// Writes a non-commit event at the next sequence number (stamped with the current time) and
    /// returns that number.
    func appendEvent(_ event: RepoEvent) throws(StorageError) -> UInt64
    /// Up to `limit` published events after sequence number `after`, in order, as stored frames.
    func events(after: UInt64, limit: Int) throws(StorageError) -> [SequencedFrame]
    /// The highest sequence number handed out (0 before the first event).
    func lastSequence() throws(StorageError) -> UInt64
    /// The oldest event still in the log, or nil if it is empty.
    func firstEvent() throws(StorageError) -> SequencedFrame?
    /// Deletes the events sequenced before `millis` (Unix milliseconds) and returns how many went;
    /// numbering continues after them.
    @discardableResult
    func trimEvents(before millis: Int64) throws(StorageError) -> Int
    /// Removes the repo: its blocks, records, blob references, head and id.
    func deleteRepo(did: String) throws(StorageError)
    /// A `BlockSource` over the repo's blocks, for the MST and commit code.
    func blockSource(did: String) throws(StorageError) -> Blocks
}

extension RepoStorage {
    /// `importRepo` as a repo creation plus one commit write.
    public func importRepo(did: String, _ repo: RepoImport) throws(StorageError) {
        var blocks: [(CID, [UInt8])] = []
        var index: [RecordIndexChange] = []
        repo.forEachBlock { blocks.append(($0, Array($1))) }
        repo.forEachRecord { index.append(.put(collection: $0, rkey: $1, cid: $2)) }
        let write = CommitWrite(
            did: did, expectedPrevious: nil, root: repo.root, newBlocks: blocks, removedBlocks: [], index: index)
        _ = try createRepo(did: did)
        do {
            try apply(write)
        } catch {
            try? deleteRepo(did: did)
            throw error
        }
    }

    /// Up to `limit` records of a collection in ascending rkey order from the start.
    public func listRecords(did: String, collection: String, limit: Int) throws(StorageError)
        -> [(rkey: String, cid: CID)]
    {
        try listRecords(did: did, collection: collection, limit: limit, cursor: nil, reverse: false)
    }
}
