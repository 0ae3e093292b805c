// RocksRepoStorage+Deletion.swift: removing a deleted account's repo, its events, and its bytes on disk.
// Book: docs/13-sessions-and-auth.md ("Deleting an account"), docs/04-c-engine.md.
#if canImport(Glibc)
    import Glibc
#endif

extension RocksRepoStorage {
    /// Removes the repo: its blocks, records, blob references, head and id.
    public func deleteRepo(did: String) throws(StorageError) { _ = try deleteRepo(did: did, event: nil) }

    /// Removes the repo (every key under its id in every family, its head and its id) and writes
    /// `event` in the same batch, under the repo's lock: a commit waiting on the lock then finds
    /// no repo, so nothing is sequenced after the event. Returns the repo's former id.
    @discardableResult
    public func deleteRepo(did: String, event: RepoEvent?) throws(StorageError) -> UInt64 {
        try locks.withLock(did: did) { () throws(StorageError) -> UInt64 in
            guard let entry = try entry(did) else { throw .unknownRepo(did: did) }
            let from = StorageKey.repo(entry.id), to = StorageKey.repo(entry.id + 1)
            let batch = RocksWriteBatch()
            for family in [blocksFamily, recordsFamily, recordRefsFamily, blobsFamily, blockRevsFamily] {
                batch.deleteRange(family, from: from, to: to)
            }
            batch.delete(reposFamily, Array(did.utf8))
            batch.delete(repoIDsFamily, from)
            let added = event.map { event in addEvent(to: batch) { event.frame(seq: $0.seq, time: $0.time.string) } }
            try write(batch, event: added)
            forgetID(did)
            return entry.id
        }
    }

    /// Deletes every event about `did` (`repo` or `did` of its body) except `#account` events with
    /// status `deleted`, which tell relays the account is gone. Events are keyed by number, so
    /// this reads the whole retained log; a cheap byte search skips frames that cannot name the
    /// DID before any is decoded. Returns how many went and the span they covered.
    @discardableResult
    public func purgeEvents(did: String) throws(StorageError) -> (count: Int, span: ClosedRange<UInt64>?) {
        let needle = Array(did.utf8)
        let cursor = db.iterator(eventsFamily)
        cursor.seekToFirst()
        var doomed: [[UInt8]] = []
        while cursor.isValid {
            let hit = cursor.withValue { value -> Bool in
                guard value.count > 8 else { return false }
                let frame = UnsafeRawBufferPointer(rebasing: value[8...])
                return Self.contains(frame, needle) && EventFrameFields(frame)?.isPurgeable(for: did) == true
            }
            if hit { doomed.append(cursor.key) }
            cursor.next()
        }
        try cursor.check()
        guard let first = doomed.first, let last = doomed.last else { return (0, nil) }
        for chunk in stride(from: 0, to: doomed.count, by: 1_000) {
            let batch = RocksWriteBatch()
            for key in doomed[chunk..<min(chunk + 1_000, doomed.count)] { batch.delete(eventsFamily, key) }
            try db.write(batch)
        }
        let span = first.withUnsafeBytes { StorageKey.readID($0)! }...last.withUnsafeBytes { StorageKey.readID($0)! }
        return (doomed.count, span)
    }

    /// Deletes the blob sweep hints left for repo `id` (they name its blobs' CIDs).
    public func dropSweepHints(repoID id: UInt64) throws(StorageError) {
        let cursor = db.iterator(
            blobsFamily, lower: BlobKey.kind(0, BlobKey.sweepKind), upper: BlobKey.kind(0, BlobKey.sweepKind + 1))
        cursor.seekToFirst()
        let batch = RocksWriteBatch()
        while cursor.isValid {
            let mine = cursor.withKey { key in
                key.count >= 25 && StorageKey.readID(UnsafeRawBufferPointer(rebasing: key[17..<25])) == id
            }
            if mine { batch.delete(blobsFamily, cursor.key) }
            cursor.next()
        }
        try cursor.check()
        try db.write(batch)
    }

    /// Makes a deleted repo's bytes leave the disk: flushes the memtables (so the write-ahead log
    /// that held them is retired) and compacts the key ranges they lived in (repo `id`'s in every
    /// family, the blob sweep hints and the DID's `repos` entry), which drops the deleted values
    /// from the table files.
    public func scrub(did: String, repoID id: UInt64?) throws(StorageError) {
        try db.flush()
        db.compact(reposFamily, from: Array(did.utf8), to: Array(did.utf8) + [0])
        guard let id else { return }
        let from = StorageKey.repo(id), to = StorageKey.repo(id + 1)
        for family in [blocksFamily, recordsFamily, recordRefsFamily, blobsFamily, blockRevsFamily, repoIDsFamily] {
            db.compact(family, from: from, to: to)
        }
        db.compact(blobsFamily, from: BlobKey.kind(0, BlobKey.sweepKind), to: BlobKey.kind(0, BlobKey.sweepKind + 1))
    }

    /// Flushes and compacts the event log over `span` (nil: all of it), so purged events leave the
    /// table files.
    public func compactEvents(_ span: ClosedRange<UInt64>?) throws(StorageError) {
        try db.flush()
        guard let span else { return db.compact(eventsFamily) }
        db.compact(eventsFamily, from: StorageKey.repo(span.lowerBound), to: StorageKey.repo(span.upperBound + 1))
    }

    /// How many keys under repo `id` remain in the families keyed by repo id (tests: a deleted
    /// repo must leave none).
    public func keyCount(repoID id: UInt64) throws(StorageError) -> Int {
        var count = 0
        for family in [blocksFamily, recordsFamily, recordRefsFamily, blobsFamily, blockRevsFamily, repoIDsFamily] {
            let cursor = db.iterator(family, lower: StorageKey.repo(id), upper: StorageKey.repo(id + 1))
            cursor.seekToFirst()
            while cursor.isValid {
                count += 1
                cursor.next()
            }
            try cursor.check()
        }
        return count
    }

    /// Whether `needle` occurs in `haystack` (memchr for its first byte, then memcmp).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count, let base = haystack.baseAddress else {
            return false
        }
        return needle.withUnsafeBytes { n in
            var offset = 0
            let last = haystack.count - needle.count
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                offset = UnsafeRawPointer(hit) - base
                if memcmp(hit, n.baseAddress!, n.count) == 0 { return true }
                offset += 1
            }
            return false
        }
    }
}
