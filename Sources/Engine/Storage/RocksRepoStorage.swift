// RocksRepoStorage.swift: repos, blocks and the record index on RocksDB. Book: docs/04-c-engine.md.

import Synchronization

/// The data plane on RocksDB: one database, one column family per kind of data (`StorageKey` has the
/// layouts), one `WriteBatch` per commit.
///
/// Thread safety: every method may be called from any thread at once. RocksDB handles are
/// thread-safe; writes that read before they write (`apply`, `createRepo`, `deleteRepo`) hold the
/// repo's stripe of `RepoLocks`, so they are atomic per repo, and writers to different repos do not
/// wait for each other. Reads take no lock: each sees some committed state. Calls block on disk, so
/// run them off event-loop threads.
public final class RocksRepoStorage: RepoStorage {
    /// The column families, in open order.
    static let familyNames = ["default", "blocks", "repos", "repo_ids", "records", "record_refs", "blobs", "events", "meta", "block_revs"]
    /// The on-disk format this code writes (stored under `meta/format_version`).
    /// Version 2 put each event's time in front of its frame; a version-1 log is dropped on open
    /// (its numbering is kept).
    static let formatVersion: UInt8 = 2

    /// The database.
    let db: RocksDB
    /// The column families (`StorageKey` has their layouts; `BlobKey` the `blobs` family's).
    let blocksFamily: RocksFamily
    let reposFamily: RocksFamily
    let repoIDsFamily: RocksFamily
    let recordsFamily: RocksFamily
    /// repoId ‖ record CID → how many keys use that record block (UInt32 big-endian).
    let recordRefsFamily: RocksFamily
    let blobsFamily: RocksFamily
    /// repoId ‖ rev → CIDs the commit added (for `forEachBlock(since:)`).
    let blockRevsFamily: RocksFamily
    let eventsFamily: RocksFamily
    let metaFamily: RocksFamily
    /// Serialise read-check-write sequences per repo.
    let locks = RepoLocks()
    /// The next repo id to hand out; held while a new repo's batch is written, so ids land in order.
    let nextID: Mutex<UInt64>
    /// The next event sequence number; held only while a number is taken and its frame built.
    let nextSeq: Mutex<UInt64>
    /// Publishes written events to live subscribers, in sequence order.
    public let sequencer: Sequencer
    /// Repo ids by DID, as `requireID` has found them (about a million at most).
    let ids = RepoIDCache(limit: 1_000_000)

    /// Drops a remembered id, after a write that created or deleted the DID's repo (a reader that
    /// looked the id up just before such a write may have cached the old answer).
    func forgetID(_ did: String) { ids.forget(did) }

    /// The options it was opened with.
    public let options: StorageOptions

    /// Opens (creating if allowed) the database at `options.path`.
    public init(options: StorageOptions) throws(StorageError) {
        self.options = options
        db = try RocksDB(options, families: RocksRepoStorage.familyNames)
        blocksFamily = db.family("blocks")
        reposFamily = db.family("repos")
        repoIDsFamily = db.family("repo_ids")
        recordsFamily = db.family("records")
        recordRefsFamily = db.family("record_refs")
        blobsFamily = db.family("blobs")
        blockRevsFamily = db.family("block_revs")
        eventsFamily = db.family("events")
        metaFamily = db.family("meta")
        nextID = Mutex(try RocksRepoStorage.prepareMeta(db, meta: db.family("meta"), repoIDs: db.family("repo_ids")))
        let next = try RocksRepoStorage.nextSequence(db, events: eventsFamily, meta: metaFamily)
        nextSeq = Mutex(next)
        sequencer = Sequencer(head: next - 1, capacity: options.eventRingCapacity)
        try dropInterruptedImports()
    }

    /// Deletes a version-1 event log (frames without times), keeping its numbering.
    private static func dropVersion1Events(_ db: RocksDB, meta: RocksFamily) throws(StorageError) {
        let events = db.family("events")
        let next = try nextSequence(db, events: events, meta: meta)
        let batch = RocksWriteBatch()
        batch.deleteRange(events, from: StorageKey.repo(0), to: StorageKey.repo(UInt64.max))
        batch.put(meta, StorageKey.trimmedEvents, StorageKey.repo(next - 1))
        batch.put(meta, StorageKey.formatVersion, [formatVersion])
        try db.write(batch)
    }

    /// Checks (or writes) the format version and finds the next repo id: the stored counter, or one
    /// past the highest id in `repo_ids` if that is higher.
    private static func prepareMeta(_ db: RocksDB, meta: RocksFamily, repoIDs: RocksFamily) throws(StorageError)
        -> UInt64
    {
        if let version = try db.get(meta, StorageKey.formatVersion) {
            guard version.count == 1 else { throw .corruptValue(family: "meta", reason: "format_version") }
            guard version[0] <= formatVersion else {
                throw .open(path: db.path, .other("written by a newer version (format \(version[0]))"))
            }
            if version[0] < 2 { try dropVersion1Events(db, meta: meta) }
        } else {
            let batch = RocksWriteBatch()
            batch.put(meta, StorageKey.formatVersion, [formatVersion])
            try db.write(batch)
        }
        var next: UInt64 = 1
        if let stored = try db.get(meta, StorageKey.nextRepoID) {
            guard let value = stored.withUnsafeBytes({ StorageKey.readID($0) }), stored.count == 8 else {
                throw .corruptValue(family: "meta", reason: "next_repo_id")
            }
            next = value
        }
        let last = db.iterator(repoIDs)
        last.seekToLast()
        if last.isValid, let highest = last.withKey({ StorageKey.readID($0) }) { next = max(next, highest + 1) }
        try last.check()
        return next
    }

    // MARK: - Repos

    /// The stored entry for a DID, or nil.
    func entry(_ did: String, snapshot: RocksSnapshot? = nil) throws(StorageError) -> RepoEntry? {
        try db.withValue(reposFamily, Array(did.utf8), snapshot: snapshot) { (value) throws(StorageError) in
            guard let value else { return nil }
            return try RepoEntry(decoding: value)
        }
    }

    /// The repo id for a DID, or `unknownRepo`.
    ///
    /// Ids are remembered: a repo keeps its id for life, so only `deleteRepo` (and a failed
    /// creation) forgets one, and every read of a busy repo skips the `repos` lookup.
    func requireID(_ did: String) throws(StorageError) -> UInt64 {
        if let id = ids[did] { return id }
        guard let entry = try entry(did) else { throw .unknownRepo(did: did) }
        ids.remember(did, entry.id)
        return entry.id
    }

    /// Creates an empty repo and returns its id; throws `repoExists` if the DID has one.
    public func createRepo(did: String) throws(StorageError) -> UInt64 {
        try locks.withLock(did: did) { () throws(StorageError) -> UInt64 in
            guard try entry(did) == nil else { throw .repoExists(did: did) }
            return try nextID.withLock { (next: inout UInt64) throws(StorageError) -> UInt64 in
                let id = next
                let batch = RocksWriteBatch()
                batch.put(reposFamily, Array(did.utf8), RepoEntry(id: id, root: nil).encoded)
                batch.put(repoIDsFamily, StorageKey.repo(id), Array(did.utf8))
                batch.put(metaFamily, StorageKey.nextRepoID, StorageKey.repo(id + 1))
                try db.write(batch)
                forgetID(did)
                next = id + 1
                return id
            }
        }
    }

    /// The repo's id, or nil if the DID has no repo.
    public func repoID(did: String) throws(StorageError) -> UInt64? { try entry(did)?.id }

    /// The repo's head, or nil before its first commit.
    public func root(did: String) throws(StorageError) -> RepoRoot? {
        guard let entry = try entry(did) else { throw .unknownRepo(did: did) }
        return entry.root
    }

    /// Up to `limit` repos in creation (id) order, starting after id `after`.
    public func listRepos(after: UInt64?, limit: Int) throws(StorageError)
        -> [(id: UInt64, did: String, root: RepoRoot?)]
    {
        guard limit > 0 else { return [] }
        let start: UInt64
        if let after {
            guard after < UInt64.max else { return [] }
            start = after + 1
        } else {
            start = 0
        }
        let snapshot = db.snapshot()
        let cursor = db.iterator(repoIDsFamily, lower: StorageKey.repo(start), snapshot: snapshot)
        cursor.seek(StorageKey.repo(start))
        var out: [(id: UInt64, did: String, root: RepoRoot?)] = []
        while cursor.isValid, out.count < limit {
            guard let id = cursor.withKey({ $0.count == 8 ? StorageKey.readID($0) : nil }) else {
                throw .corruptValue(family: "repo_ids", reason: "key is not an 8-byte id")
            }
            let did = cursor.withValue { String(decoding: $0, as: UTF8.self) }
            guard let entry = try entry(did, snapshot: snapshot), entry.id == id else {
                throw .corruptValue(family: "repo_ids", reason: "repo \(id) has no matching repos entry")
            }
            out.append((id, did, entry.root))
            cursor.next()
        }
        try cursor.check()
        return out
    }

    // MARK: - Maintenance

    /// Writes every memtable to table files (for backups, tests and a quick restart).
    public func flush() throws(StorageError) { try db.flush() }

    /// Compacts every column family: reclaims deleted repos' space and rewrites data into the
    /// bottommost (zstd) level. Slow; for maintenance and tests.
    public func compact() {
        for family in db.families { db.compact(family) }
    }

    /// Bytes held in the shared block cache.
    public var blockCacheUsage: Int { db.options.blockCacheUsage }
}
