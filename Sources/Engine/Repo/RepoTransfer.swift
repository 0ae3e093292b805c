// RepoTransfer.swift: a stored repo out as a CAR stream, and a verified CAR into storage.
// Book: docs/07-commits.md ("Export and import").

/// Moving whole repos in and out of storage.
public enum RepoTransfer {
    /// Streams the repo as a CAR v1 (root: the commit) in chunks of about `chunkBytes`, straight
    /// from a prefix scan: memory stays at one chunk whatever the repo's size.
    /// With `since` (a rev), only the blocks commits after it added are sent (`sync.getRepo?since=`):
    /// with the blocks the reader has from that rev, they make up the current repo.
    public static func exportCAR(
        from storage: any RepoStorage, did: String, since: String? = nil, chunkBytes: Int = 1 << 20,
        _ sink: ([UInt8]) throws -> Void
    ) throws {
        guard let root = try storage.root(did: did) else { throw StorageError.unknownRepo(did: did) }
        var writer = CARWriter(roots: [root.commit])
        let append = { (cid: CID, bytes: UnsafeRawBufferPointer) throws in
            writer.append(cid: cid, block: bytes)
            if writer.pendingCount >= chunkBytes { try sink(writer.take()) }
        }
        if let since {
            try storage.forEachBlock(did: did, since: since, append)
        } else {
            try storage.forEachBlock(did: did, append)
        }
        try sink(writer.take())
    }

    /// How far ahead of this host's clock an imported commit's rev may be (clock skew).
    public static let maxRevSkewMicroseconds: UInt64 = 5 * 60 * 1_000_000

    /// Verifies a repo CAR (hashes, commit, signature with `key`, the whole tree, a rev that is a
    /// TID at most `maxRevSkewMicroseconds` ahead of `now`, by default the system clock) and stores
    /// it as a new repo with `importRepo`. Nothing is stored unless everything checks out.
    @discardableResult
    public static func importCAR(
        _ car: [UInt8], into storage: any RepoStorage, did: String, key: AnyPublicKey?, now: UInt64? = nil
    ) throws -> ImportedRepo {
        try car.withUnsafeBytes { try importCAR(buffer: $0, into: storage, did: did, key: key, now: now) }
    }

    /// `importCAR` of a CAR file, mapped into memory rather than read: the blocks are verified and
    /// stored from the mapping, so the heap holds only the index (about 100 bytes per block).
    @discardableResult
    public static func importCAR(
        file path: String, into storage: any RepoStorage, did: String, key: AnyPublicKey?, now: UInt64? = nil
    ) throws -> ImportedRepo {
        let file = try MappedFile(path: path)
        return try file.withBytes { try importCAR(buffer: $0, into: storage, did: did, key: key, now: now) }
    }

    /// `importCAR` over borrowed bytes: no block is copied on the way from the CAR to the table files.
    static func importCAR(
        buffer: UnsafeRawBufferPointer, into storage: any RepoStorage, did: String, key: AnyPublicKey?, now: UInt64?
    ) throws -> ImportedRepo {
        let now = now ?? UInt64(RealtimeClock.microsecondsSinceEpoch())
        let table = try BlockTable(car: buffer)
        guard table.header.roots.count == 1 else { throw CARError.badHeader("a repo CAR has exactly one root") }
        try table.verifyHashes()
        let checks = { () throws -> WalkedRepo in
            let walked = try RepoVerifier.walk(
                table, root: table.header.roots[0], did: did, key: key, hashesChecked: true)
            let commit = walked.commit.unsigned
            // A far-future rev would make every later commit of this repo (rev = max(now, last + 1))
            // carry that future time too.
            guard let rev = try? TID(commit.rev) else { throw CommitError.badRev("\(commit.rev) is not a TID") }
            guard rev.microseconds <= now + maxRevSkewMicroseconds else {
                throw CommitError.badRev("\(commit.rev) is in the future")
            }
            return walked
        }
        let walked: WalkedRepo
        if let rocks = storage as? RocksRepoStorage {
            // RocksDB writes the blocks' table file while the tree is walked.
            walked = try rocks.importRepo(did: did, table: table, verify: checks)
        } else {
            walked = try checks()
            try storage.importRepo(did: did, RepoImport(table: table, walked: walked))
        }
        return ImportedRepo(
            commitCID: walked.commitCID, commit: walked.commit, recordCount: walked.records.count,
            blockCount: walked.used.count)
    }
}
