// MemoryRepoStorage.swift: the RepoStorage contract held in a dictionary, for tests. Book: docs/04-c-engine.md.

import Synchronization

/// `RepoStorage` in memory: one mutex around all state. It behaves like `RocksRepoStorage`
/// (same ordering, same errors) so the layers above can be tested without RocksDB.
public final class MemoryRepoStorage: RepoStorage {
    /// One repo.
    struct Repo: Sendable {
        var id: UInt64
        var root: RepoRoot?
        var blocks: [CID: [UInt8]] = [:]
        /// collection → rkey → CID.
        var records: [String: [String: CID]] = [:]
        /// How many keys use each record block.
        var recordRefs: [CID: Int] = [:]
        /// Each commit's rev and the CIDs it added, in commit order.
        var added: [(rev: String, cids: [CID])] = []
    }

    /// Everything.
    struct State: Sendable {
        var repos: [String: Repo] = [:]
        var dids: [UInt64: String] = [:]
        var nextID: UInt64 = 1
        var events: [SequencedFrame] = []
        var nextSeq: UInt64 = 1
    }

    private let state = Mutex(State())
    /// Publishes events as they are appended.
    public let sequencer = Sequencer(head: 0, capacity: 1024)

    /// An empty store.
    public init() {}

    /// Appends an event under the state lock (so numbers land in order) and publishes it.
    private func sequence(_ s: inout State, _ frame: (EventStamp) -> [UInt8]) -> UInt64 {
        let stamp = EventStamp(seq: s.nextSeq, time: .now())
        s.nextSeq += 1
        let bytes = frame(stamp)
        s.events.append(SequencedFrame(seq: stamp.seq, millis: stamp.millis, bytes: bytes))
        sequencer.publish(stamp, bytes: bytes)
        return stamp.seq
    }

    /// Runs `body` on the repo for `did`, or throws `unknownRepo`.
    private func withRepo<R: Sendable>(_ did: String, _ body: (inout Repo) throws(StorageError) -> R)
        throws(StorageError) -> R
    {
        try state.withLock { (state: inout State) throws(StorageError) -> R in
            guard var repo = state.repos[did] else { throw .unknownRepo(did: did) }
            defer { state.repos[did] = repo }
            return try body(&repo)
        }
    }

    /// Byte order of UTF-8, the order RocksDB keys sort in.
    private static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Creates an empty repo and returns its id; throws `repoExists` if the DID has one.
    public func createRepo(did: String) throws(StorageError) -> UInt64 {
        try state.withLock { (state: inout State) throws(StorageError) -> UInt64 in
            guard state.repos[did] == nil else { throw .repoExists(did: did) }
            let id = state.nextID
            state.nextID += 1
            state.repos[did] = Repo(id: id, root: nil)
            state.dids[id] = did
            return id
        }
    }

    /// The repo's id, or nil if the DID has no repo.
    public func repoID(did: String) throws(StorageError) -> UInt64? { state.withLock { $0.repos[did]?.id } }

    /// The repo's head, or nil before its first commit.
    public func root(did: String) throws(StorageError) -> RepoRoot? { try withRepo(did) { $0.root } }

    /// One block of the repo, or nil.
    public func block(did: String, cid: CID) throws(StorageError) -> [UInt8]? { try withRepo(did) { $0.blocks[cid] } }

    /// The blocks of the repo among `cids`; absent ones are left out.
    public func blocks(did: String, cids: [CID]) throws(StorageError) -> [CID: [UInt8]] {
        try withRepo(did) { repo in
            var out: [CID: [UInt8]] = [:]
            for cid in cids { out[cid] = repo.blocks[cid] }
            return out
        }
    }

    /// True if the repo holds the block.
    public func hasBlock(did: String, cid: CID) throws(StorageError) -> Bool {
        try withRepo(did) { $0.blocks[cid] != nil }
    }

    /// Applies a commit if the stored head is still `write.expectedPrevious`; otherwise throws `conflict`.
    public func apply(_ write: CommitWrite) throws(StorageError) {
        try withRepo(write.did) { (repo: inout Repo) throws(StorageError) in
            let found = repo.root?.commit
            guard found == write.expectedPrevious else {
                throw .conflict(expected: write.expectedPrevious, found: found)
            }
            for cid in write.removedBlocks { repo.blocks[cid] = nil }
            for block in write.newBlocks { repo.blocks[block.cid] = block.bytes }
            var refDeltas = RecordRefDeltas()
            for change in write.index {
                switch change {
                // Changes apply in place here, so the stored value is already the current one.
                case .put(let collection, let rkey, let cid):
                    refDeltas.change(Array("\(collection)/\(rkey)".utf8), from: repo.records[collection]?[rkey], to: cid)
                    repo.records[collection, default: [:]][rkey] = cid
                case .delete(let collection, let rkey):
                    refDeltas.change(Array("\(collection)/\(rkey)".utf8), from: repo.records[collection]?[rkey], to: nil)
                    repo.records[collection]?[rkey] = nil
                    if repo.records[collection]?.isEmpty == true { repo.records[collection] = nil }
                }
            }
            for (cid, delta) in refDeltas.deltas where delta != 0 {
                let count = repo.recordRefs[cid, default: 0] + delta
                repo.recordRefs[cid] = count > 0 ? count : nil
                if count <= 0 { repo.blocks[cid] = nil }
            }
            repo.added.append((write.root.rev, write.newBlocks.map(\.cid)))
            repo.root = write.root
        }
        if let event = write.event { state.withLock { s in _ = sequence(&s, event) } }
    }

    /// Writes a non-commit event at the next sequence number.
    public func appendEvent(_ event: RepoEvent) throws(StorageError) -> UInt64 {
        state.withLock { s in sequence(&s) { event.frame(seq: $0.seq, time: $0.time.string) } }
    }

    /// Up to `limit` events after `after`.
    public func events(after: UInt64, limit: Int) throws(StorageError) -> [SequencedFrame] {
        state.withLock { s in Array(s.events.lazy.filter { $0.seq > after }.prefix(max(0, limit))) }
    }

    /// The highest sequence number written.
    public func lastSequence() throws(StorageError) -> UInt64 { state.withLock { $0.nextSeq - 1 } }

    /// The oldest event kept.
    public func firstEvent() throws(StorageError) -> SequencedFrame? { state.withLock { $0.events.first } }

    /// Deletes events sequenced before `millis`.
    @discardableResult
    public func trimEvents(before millis: Int64) throws(StorageError) -> Int {
        state.withLock { s in
            let count = s.events.prefix { $0.millis < millis }.count
            s.events.removeFirst(count)
            return count
        }
    }

    /// Blocks added after `rev` that the repo still holds, each once, in commit order.
    public func forEachBlock(did: String, since rev: String, _ body: (CID, UnsafeRawBufferPointer) throws -> Void)
        throws
    {
        let blocks = try withRepo(did) { (repo) -> [(CID, [UInt8])] in
            var seen: Set<CID> = []
            return repo.added.filter { $0.rev > rev }.sorted { $0.rev < $1.rev }.flatMap(\.cids).compactMap { cid in
                guard seen.insert(cid).inserted, let bytes = repo.blocks[cid] else { return nil }
                return (cid, bytes)
            }
        }
        for (cid, bytes) in blocks { try bytes.withUnsafeBytes { try body(cid, $0) } }
    }

    /// Copies the blocks out under the lock, then calls `body` without it (so `body` may use the store).
    public func forEachBlock(did: String, _ body: (CID, UnsafeRawBufferPointer) throws -> Void) throws {
        let blocks = try withRepo(did) { $0.blocks.sorted { $0.key < $1.key } }
        for (cid, bytes) in blocks { try bytes.withUnsafeBytes { try body(cid, $0) } }
    }

    /// The CID of `collection/rkey`, or nil.
    public func record(did: String, collection: String, rkey: String) throws(StorageError) -> CID? {
        try withRepo(did) { $0.records[collection]?[rkey] }
    }

    /// Up to `limit` records of a collection in rkey byte order (descending if `reverse`), after `cursor`.
    public func listRecords(did: String, collection: String, limit: Int, cursor: String?, reverse: Bool)
        throws(StorageError) -> [(rkey: String, cid: CID)]
    {
        let all = try withRepo(did) { $0.records[collection] ?? [:] }
        guard limit > 0 else { return [] }
        var keys = all.keys.sorted(by: MemoryRepoStorage.precedes)
        if reverse { keys.reverse() }
        if let cursor {
            keys = keys.filter {
                reverse ? MemoryRepoStorage.precedes($0, cursor) : MemoryRepoStorage.precedes(cursor, $0)
            }
        }
        return keys.prefix(limit).map { ($0, all[$0]!) }
    }

    /// How many records the repo has.
    public func countRecords(did: String) throws(StorageError) -> Int {
        try withRepo(did) { $0.records.values.reduce(0) { $0 + $1.count } }
    }

    /// The collections that hold at least one record, in byte order.
    public func collections(did: String) throws(StorageError) -> [String] {
        try withRepo(did) { $0.records.filter { !$0.value.isEmpty }.keys.sorted(by: MemoryRepoStorage.precedes) }
    }

    /// Up to `limit` repos in creation (id) order, starting after id `after`.
    public func listRepos(after: UInt64?, limit: Int) throws(StorageError)
        -> [(id: UInt64, did: String, root: RepoRoot?)]
    {
        guard limit > 0 else { return [] }
        let rows = state.withLock { state in
            state.dids.filter { after == nil || $0.key > after! }.sorted { $0.key < $1.key }.prefix(limit)
                .map { RepoRow(id: $0.key, did: $0.value, root: state.repos[$0.value]?.root) }
        }
        return rows.map { ($0.id, $0.did, $0.root) }
    }

    /// A Sendable row to carry out of the lock.
    private struct RepoRow: Sendable {
        var id: UInt64
        var did: String
        var root: RepoRoot?
    }

    /// Removes the repo: its blocks, records, blob references, head and id.
    public func deleteRepo(did: String) throws(StorageError) {
        try state.withLock { (state: inout State) throws(StorageError) in
            guard let repo = state.repos.removeValue(forKey: did) else { throw .unknownRepo(did: did) }
            state.dids[repo.id] = nil
        }
    }

    /// A `BlockSource` over the repo's blocks.
    public func blockSource(did: String) throws(StorageError) -> MemoryRepoBlockSource {
        _ = try withRepo(did) { $0.id }
        return MemoryRepoBlockSource(storage: self, did: did)
    }
}

/// The blocks of one repo in a `MemoryRepoStorage`, read live.
public struct MemoryRepoBlockSource: BlockSource, Sendable {
    /// The storage.
    public let storage: MemoryRepoStorage
    /// The repo.
    public let did: String

    /// The bytes of the block with this CID in this repo, or nil.
    public func block(_ cid: CID) throws -> [UInt8]? { try storage.block(did: did, cid: cid) }
}
