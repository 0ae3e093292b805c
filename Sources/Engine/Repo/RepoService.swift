// RepoService.swift: the one write path into stored repos: lock, read the head, commit, write, cache.
// Book: docs/07-commits.md ("The write path").

/// Creates repos and applies writes to them, one writer per repo at a time.
///
/// A write holds the repo's stripe of a `RepoLocks` from reading the head to storing the commit, so
/// writes to one repo are ordered and never race to a storage `conflict`; writes to different repos
/// run in parallel, and with `StorageOptions.sync` their fsyncs are grouped by RocksDB's write
/// queue (one WAL sync acknowledges every batch that queued behind it). After a write lands, its new
/// tree nodes go into the shared `MSTNodeCache`, where the repo's next commit finds its root path
/// already decoded. Every commit's `#commit` event is written in the same batch as the commit.
/// Calls block on disk: run them off event-loop threads.
public final class RepoService<Storage: RepoStorage>: Sendable {
    /// Where repos live.
    public let storage: Storage
    /// Decoded tree nodes shared by every repo.
    public let cache: MSTNodeCache
    /// Where revisions come from.
    public let clock: TIDClock
    private let locks = RepoLocks()

    /// A service over `storage`.
    public init(storage: Storage, cache: MSTNodeCache = MSTNodeCache(), clock: TIDClock = .shared) {
        self.storage = storage
        self.cache = cache
        self.clock = clock
    }

    /// Creates the repo for `did` with its first commit (an empty tree plus `writes`), signed by `key`.
    @discardableResult
    public func createRepo(did: String, key: AnyPrivateKey, writes: [RepoWrite] = []) throws(CommitError)
        -> PreparedCommit
    {
        try locks.withLock(did: did) { () throws(CommitError) -> PreparedCommit in
            var prepared = try RepoCommitter(did: did, key: key, clock: clock).genesis(writes: writes)
            Self.attachEvent(&prepared, previous: nil)
            try storing { () throws(StorageError) in
                _ = try storage.createRepo(did: did)
                do throws(StorageError) {
                    try storage.apply(prepared.write)
                } catch {
                    try? storage.deleteRepo(did: did)
                    throw error
                }
            }
            remember(prepared)
            return prepared
        }
    }

    /// Applies `writes` to the repo as one signed commit. With `swapCommit`, the repo's current
    /// commit must be that CID. With `requireBlobs`, every blob a written record newly refers to
    /// must be stored for the repo, checked inside the write (`StorageError.missingBlob`).
    @discardableResult
    public func write(
        did: String, key: AnyPrivateKey, _ writes: [RepoWrite], swapCommit: CID? = nil, requireBlobs: Bool = false
    ) throws(CommitError) -> PreparedCommit {
        try locks.withLock(did: did) { () throws(CommitError) -> PreparedCommit in
            let (root, source) = try storing { () throws(StorageError) in
                guard let root = try storage.root(did: did) else { throw StorageError.unknownRepo(did: did) }
                return (root, try storage.blockSource(did: did))
            }
            var prepared = try RepoCommitter(did: did, key: key, clock: clock)
                .apply(writes, to: root, source: source, swapCommit: swapCommit, cache: cache)
            let proof = try Self.inversionBlocks(prepared, previous: root, source: source)
            Self.attachEvent(&prepared, previous: root, proof: proof)
            prepared.write.requireBlobs = requireBlobs
            try storing { () throws(StorageError) in try storage.apply(prepared.write) }
            remember(prepared)
            return prepared
        }
    }

    /// The commit's `#commit` frame goes into the same storage write as the commit itself.
    private static func attachEvent(
        _ prepared: inout PreparedCommit, previous: RepoRoot?, proof: [(cid: CID, bytes: [UInt8])] = []
    ) {
        let commit = prepared
        prepared.write.event = { stamp in
            EventFrame.commit(commit, previous: previous, proof: proof, seq: stamp.seq, time: stamp.time.string)
        }
    }

    /// The unchanged tree nodes a consumer needs, beyond the commit's new blocks, to invert its
    /// ops on the new tree and arrive at the previous data root (docs/07-commits.md, "Proofs"):
    /// with them, a relay checks a commit knowing only the previous root. Inverting here also
    /// checks the commit before it is written; a mismatch fails the write.
    static func inversionBlocks(
        _ prepared: PreparedCommit, previous: RepoRoot, source: some BlockSource
    ) throws(CommitError) -> [(cid: CID, bytes: [UInt8])] {
        let added = MemoryBlockSource(Dictionary(prepared.newBlocks.map { ($0.cid, $0.bytes) }) { first, _ in first })
        do {
            let read = try MST.inversionProof(
                newRoot: prepared.commit.unsigned.data, previousRoot: previous.data, ops: prepared.ops,
                source: LayeredBlockSource([added, source]))
            return read.compactMap { added.blocks[$0.key] == nil ? ($0.key, $0.value) : nil }
        } catch let error as MSTError {
            throw .mst(error)
        } catch let error as StorageError {
            throw .storage(error)
        } catch {
            throw .storage(.corruptValue(family: "blocks", reason: "\(error)"))
        }
    }

    private func remember(_ prepared: PreparedCommit) {
        for (cid, node) in prepared.newTreeNodes { cache.insert(cid, node) }
    }

    /// Runs a storage call, turning its error into the commit layer's.
    private func storing<R>(_ body: () throws(StorageError) -> R) throws(CommitError) -> R {
        do { return try body() } catch { throw .storage(error) }
    }
}
