// RocksRepoStorage+Blobs.swift: the blob index: uploaded blobs, which records use them, and what may be swept.
// Book: docs/15-blobs.md ("The blob index").

/// An uploaded blob as the index records it (the bytes live on disk, not here).
public struct StoredBlob: Sendable, Hashable {
    /// The blob's CID (raw codec, sha-256).
    public var cid: CID
    /// Size in bytes.
    public var size: Int64
    /// The (sniffed) MIME type.
    public var mimeType: String
    /// When it was uploaded, in microseconds since the epoch.
    public var uploadedAt: UInt64

    /// A blob entry.
    public init(cid: CID, size: Int64, mimeType: String, uploadedAt: UInt64) {
        self.cid = cid
        self.size = size
        self.mimeType = mimeType
        self.uploadedAt = uploadedAt
    }

    /// `0x01 ‖ size (8 BE) ‖ uploadedAt (8 BE) ‖ MIME type (UTF-8, to the end)`.
    var encoded: [UInt8] {
        var out: [UInt8] = [1]
        StorageKey.appendID(UInt64(bitPattern: size), to: &out)
        StorageKey.appendID(uploadedAt, to: &out)
        out.append(contentsOf: mimeType.utf8)
        return out
    }

    init(cid: CID, decoding bytes: UnsafeRawBufferPointer) throws(StorageError) {
        guard bytes.count >= 17, bytes[0] == 1 else { throw .corruptValue(family: "blobs", reason: "blob entry") }
        self.cid = cid
        size = Int64(bitPattern: StorageKey.readID(UnsafeRawBufferPointer(rebasing: bytes[1..<9]))!)
        uploadedAt = StorageKey.readID(UnsafeRawBufferPointer(rebasing: bytes[9..<17]))!
        mimeType = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[17...]), as: UTF8.self)
    }
}

/// One record key a commit touched, with its record CID before and after (nil: absent).
typealias BlobIndexTouch = (collection: String, rkey: String, from: CID?, to: CID?)

/// Key layouts in the `blobs` column family. Each kind sits behind its own byte after the repo id;
/// sweep hints live under repo id 0, which no repo has (ids start at 1), ordered by due time.
///
/// - entry: `repoId ‖ 0x01 ‖ blob CID` → `StoredBlob.encoded`
/// - reference: `repoId ‖ 0x02 ‖ blob CID ‖ collection ‖ 0x00 ‖ rkey` → rev of the commit that wrote it
/// - record: `repoId ‖ 0x03 ‖ collection ‖ 0x00 ‖ rkey` → the record's blob CIDs, concatenated
/// - sweep hint: `0 (8 bytes) ‖ 0x04 ‖ due µs (8 BE) ‖ repoId ‖ blob CID` → empty
enum BlobKey {
    static let entryKind: UInt8 = 1, referenceKind: UInt8 = 2, recordKind: UInt8 = 3, sweepKind: UInt8 = 4

    static func entry(_ id: UInt64, _ cid: CID) -> [UInt8] {
        var out = StorageKey.repo(id)
        out.append(entryKind)
        cid.encode(into: &out)
        return out
    }

    /// Every reference to one blob starts with this.
    static func references(_ id: UInt64, _ cid: CID) -> [UInt8] {
        var out = StorageKey.repo(id)
        out.append(referenceKind)
        cid.encode(into: &out)
        return out
    }

    /// Past every reference to one blob (paths are ASCII, below 0xFF).
    static func referencesEnd(_ id: UInt64, _ cid: CID) -> [UInt8] { references(id, cid) + [0xFF] }

    static func reference(_ id: UInt64, _ cid: CID, _ collection: String, _ rkey: String) -> [UInt8] {
        var out = references(id, cid)
        out.append(contentsOf: collection.utf8)
        out.append(StorageKey.separator)
        out.append(contentsOf: rkey.utf8)
        return out
    }

    static func kind(_ id: UInt64, _ kind: UInt8) -> [UInt8] { StorageKey.repo(id) + [kind] }

    static func record(_ id: UInt64, _ collection: String, _ rkey: String) -> [UInt8] {
        var out = StorageKey.repo(id)
        out.append(recordKind)
        out.append(contentsOf: collection.utf8)
        out.append(StorageKey.separator)
        out.append(contentsOf: rkey.utf8)
        return out
    }

    static func sweep(due: UInt64, _ id: UInt64, _ cid: CID) -> [UInt8] {
        var out = kind(0, sweepKind)
        StorageKey.appendID(due, to: &out)
        StorageKey.appendID(id, to: &out)
        cid.encode(into: &out)
        return out
    }

    /// Reads concatenated CIDs.
    static func cids(_ bytes: UnsafeRawBufferPointer) throws(StorageError) -> [CID] {
        var out: [CID] = []
        var rest = bytes
        while !rest.isEmpty {
            do {
                let (cid, n) = try CID.decodePrefix(rest)
                out.append(cid)
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            } catch {
                throw .corruptValue(family: "blobs", reason: "record blob list: \(error)")
            }
        }
        return out
    }
}

extension RocksRepoStorage {
    // MARK: - Commit side (called from `apply`, inside its lock and batch)

    /// Moves each touched record's blob references to the ones `write.recordBlobs` names, in the
    /// commit's batch, so a record and its blob references land (or fail) together. A blob that
    /// lost a reference gets a sweep hint due now; the sweep deletes it if nothing uses it by then.
    func stageBlobReferences(
        _ touched: [BlobIndexTouch], of write: CommitWrite, repoID id: UInt64, in batch: RocksWriteBatch
    ) throws(StorageError) {
        guard !touched.isEmpty else { return }
        var latest: [[UInt8]: [CID]] = [:]
        var dereferenced: Set<CID> = []
        let rev = Array(write.root.rev.utf8)
        for t in touched {
            let recordKey = BlobKey.record(id, t.collection, t.rkey)
            let old: [CID]
            if let known = latest[recordKey] {
                old = known
            } else if t.from == nil {
                old = []
            } else {
                old = try db.withValue(blobsFamily, recordKey) { (v) throws(StorageError) in
                    guard let v else { return [] }
                    return try BlobKey.cids(v)
                }
            }
            let new = t.to == nil ? [] : write.recordBlobs["\(t.collection)/\(t.rkey)"] ?? []
            latest[recordKey] = new
            if old.isEmpty && new.isEmpty { continue }
            // Checked here, under the repo lock and with the batch about to land, not only by the
            // handler: a sweep between the handler's check and this write could have removed it.
            for cid in new where write.requireBlobs && !old.contains(cid) {
                guard try db.withValue(blobsFamily, BlobKey.entry(id, cid), { $0 != nil }) else {
                    throw .missingBlob(cid)
                }
            }
            for cid in old { batch.delete(blobsFamily, BlobKey.reference(id, cid, t.collection, t.rkey)) }
            for cid in new { batch.put(blobsFamily, BlobKey.reference(id, cid, t.collection, t.rkey), rev) }
            if new.isEmpty {
                batch.delete(blobsFamily, recordKey)
            } else {
                var list: [UInt8] = []
                for cid in new { cid.encode(into: &list) }
                batch.put(blobsFamily, recordKey, list)
            }
            for cid in old where !new.contains(cid) { dereferenced.insert(cid) }
        }
        guard !dereferenced.isEmpty else { return }
        let now = UInt64(max(0, RealtimeClock.microsecondsSinceEpoch()))
        for cid in dereferenced { batch.put(blobsFamily, BlobKey.sweep(due: now, id, cid), []) }
    }

    // MARK: - Uploads

    /// Records an uploaded blob. `place` (moving the bytes into their final file) runs under the
    /// repo's lock, so it cannot interleave with a sweep deciding about the same blob. A sweep hint
    /// due at `sweepAt` is written with the entry: if no record uses the blob by then, it goes.
    public func putBlob(did: String, _ blob: StoredBlob, sweepAt: UInt64, place: () throws -> Void) throws {
        try locks.withLock(did: did) { () throws in
            let id = try requireID(did)
            try place()
            let batch = RocksWriteBatch()
            batch.put(blobsFamily, BlobKey.entry(id, blob.cid), blob.encoded)
            batch.put(blobsFamily, BlobKey.sweep(due: sweepAt, id, blob.cid), [])
            try db.write(batch)
        }
    }

    /// The uploaded blob's entry, or nil.
    public func blob(did: String, cid: CID) throws(StorageError) -> StoredBlob? {
        let id = try requireID(did)
        return try db.withValue(blobsFamily, BlobKey.entry(id, cid)) { (v) throws(StorageError) in
            guard let v else { return nil }
            return try StoredBlob(cid: cid, decoding: v)
        }
    }

    /// True if some record of the repo references the blob.
    public func blobIsReferenced(did: String, cid: CID) throws(StorageError) -> Bool {
        try isReferenced(try requireID(did), cid)
    }

    func isReferenced(_ id: UInt64, _ cid: CID) throws(StorageError) -> Bool {
        let walk = db.iterator(blobsFamily, lower: BlobKey.references(id, cid), upper: BlobKey.referencesEnd(id, cid))
        walk.seekToFirst()
        let found = walk.isValid
        try walk.check()
        return found
    }

    /// The blob CIDs the record at `collection/rkey` references, as indexed.
    public func recordBlobs(did: String, collection: String, rkey: String) throws(StorageError) -> [CID] {
        try db.withValue(blobsFamily, BlobKey.record(try requireID(did), collection, rkey)) {
            (v) throws(StorageError) in
            guard let v else { return [] }
            return try BlobKey.cids(v)
        }
    }

    // MARK: - Listing

    /// Walks the repo's references one blob at a time, in CID byte order after `after`: `body` gets
    /// the blob's CID and an iterator on its first reference, and returns false to stop.
    private func forEachReferencedBlob(
        _ id: UInt64, after: CID?, _ body: (CID, RocksIterator) throws(StorageError) -> Bool
    ) throws(StorageError) {
        let start = after.map { BlobKey.referencesEnd(id, $0) } ?? BlobKey.kind(id, BlobKey.referenceKind)
        let walk = db.iterator(blobsFamily, lower: start, upper: BlobKey.kind(id, BlobKey.referenceKind + 1))
        walk.seekToFirst()
        while walk.isValid {
            let cid = try walk.withKey { (key) throws(StorageError) -> CID in
                do {
                    return try CID.decodePrefix(UnsafeRawBufferPointer(rebasing: key[9...])).0
                } catch {
                    throw .corruptValue(family: "blobs", reason: "reference key: \(error)")
                }
            }
            guard try body(cid, walk) else { break }
            walk.seek(BlobKey.referencesEnd(id, cid))
        }
        try walk.check()
    }

    /// Up to `limit` distinct blob CIDs that records of the repo reference, ascending, after
    /// `after`; with `since`, only blobs referenced by a record written in a commit after that rev.
    public func listBlobs(did: String, since: String?, after: CID?, limit: Int) throws(StorageError) -> [CID] {
        let id = try requireID(did)
        guard limit > 0 else { return [] }
        var out: [CID] = []
        let sinceBytes = since.map { Array($0.utf8) }
        try forEachReferencedBlob(id, after: after) { (cid, walk) throws(StorageError) in
            if let sinceBytes {
                let end = BlobKey.referencesEnd(id, cid)
                var newer = false
                while walk.isValid, !newer, walk.withKey({ $0.lexicographicallyPrecedes(end) }) {
                    newer = walk.withValue { sinceBytes.lexicographicallyPrecedes($0) }
                    if !newer { walk.next() }
                }
                try walk.check()
                if !newer { return true }
            }
            out.append(cid)
            return out.count < limit
        }
        return out
    }

    /// Up to `limit` blobs that records reference but that were never uploaded here (after an
    /// import), ascending by CID after `after`, each with one record that references it.
    public func listMissingBlobs(did: String, after: CID?, limit: Int) throws(StorageError)
        -> [(cid: CID, collection: String, rkey: String)]
    {
        let id = try requireID(did)
        guard limit > 0 else { return [] }
        var out: [(cid: CID, collection: String, rkey: String)] = []
        try forEachReferencedBlob(id, after: after) { (cid, walk) throws(StorageError) in
            let present = try db.withValue(blobsFamily, BlobKey.entry(id, cid)) { $0 != nil }
            if !present {
                let prefixCount = BlobKey.references(id, cid).count
                let path = walk.withKey { Array($0[prefixCount...]) }
                let sep = path.firstIndex(of: StorageKey.separator) ?? path.endIndex
                out.append(
                    (
                        cid, String(decoding: path[..<sep], as: UTF8.self),
                        String(decoding: path[min(sep + 1, path.endIndex)...], as: UTF8.self)
                    ))
            }
            return out.count < limit
        }
        return out
    }

    // MARK: - Sweeping

    /// Deletes blobs no record uses: for each sweep hint due by `now` (µs), under the repo's lock,
    /// a blob with no reference whose upload is at least `grace` old is removed (`remove` deletes
    /// its bytes first, then its entry and the hint go in one batch); otherwise just the hint goes.
    /// Processes at most `limit` hints and returns how many blobs it deleted.
    @discardableResult
    public func sweepBlobs(now: UInt64, grace: UInt64, limit: Int = 10_000, remove: (String, CID) throws -> Void)
        throws -> Int
    {
        var upper = BlobKey.kind(0, BlobKey.sweepKind)
        StorageKey.appendID(now == UInt64.max ? now : now + 1, to: &upper)
        let walk = db.iterator(blobsFamily, lower: BlobKey.kind(0, BlobKey.sweepKind), upper: upper)
        walk.seekToFirst()
        var hints: [(key: [UInt8], id: UInt64, cid: CID)] = []
        while walk.isValid, hints.count < limit {
            let key = walk.key
            let parsed = key.withUnsafeBytes { (raw) -> (UInt64, CID)? in
                guard raw.count > 25, let id = StorageKey.readID(UnsafeRawBufferPointer(rebasing: raw[17..<25])),
                    let cid = try? CID.decodePrefix(UnsafeRawBufferPointer(rebasing: raw[25...])).0
                else { return nil }
                return (id, cid)
            }
            if let (id, cid) = parsed { hints.append((key, id, cid)) } else { hints.append((key, 0, CID.raw([]))) }
            walk.next()
        }
        try walk.check()
        var deleted = 0
        for hint in hints {
            guard hint.id != 0, let didBytes = try db.get(repoIDsFamily, StorageKey.repo(hint.id)) else {
                let batch = RocksWriteBatch()
                batch.delete(blobsFamily, hint.key)
                try db.write(batch)
                continue
            }
            let did = String(decoding: didBytes, as: UTF8.self)
            try locks.withLock(did: did) { () throws in
                let batch = RocksWriteBatch()
                batch.delete(blobsFamily, hint.key)
                let entryKey = BlobKey.entry(hint.id, hint.cid)
                if try !isReferenced(hint.id, hint.cid),
                    let entry = try db.withValue(
                        blobsFamily, entryKey,
                        { (v) throws(StorageError) -> StoredBlob? in
                            guard let v else { return nil }
                            return try StoredBlob(cid: hint.cid, decoding: v)
                        }),
                    entry.uploadedAt &+ grace <= now
                {
                    try remove(did, hint.cid)
                    batch.delete(blobsFamily, entryKey)
                    deleted += 1
                }
                try db.write(batch)
            }
        }
        return deleted
    }
}
