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
        _ car: [UInt8], into storage: any RepoStorage, did: String, key: AnyPublicKey?,
        now: UInt64? = nil
    ) throws -> VerifiedRepo {
        let now = now ?? UInt64(RealtimeClock.microsecondsSinceEpoch())
        let repo = try RepoVerifier.verify(car: car, did: did, key: key)
        let commit = repo.commit.unsigned
        // A far-future rev would make every later commit of this repo (rev = max(now, last + 1))
        // carry that future time too.
        guard let rev = try? TID(commit.rev) else { throw CommitError.badRev("\(commit.rev) is not a TID") }
        guard rev.microseconds <= now + maxRevSkewMicroseconds else {
            throw CommitError.badRev("\(commit.rev) is in the future")
        }
        let records = repo.records.map { r in
            let slash = r.path.utf8.firstIndex(of: UInt8(ascii: "/"))!
            return (String(r.path[..<slash]), String(r.path[r.path.index(after: slash)...]), r.cid)
        }
        try storage.importRepo(
            did: did, root: RepoRoot(commit: repo.commitCID, rev: commit.rev, data: commit.data), blocks: repo.blocks,
            records: records)
        return repo
    }
}
