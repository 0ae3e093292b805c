// RocksRepoStorage+Apply.swift: one commit, one atomic WriteBatch. Book: docs/04-c-engine.md.

extension RocksRepoStorage {
    /// The record CID stored under a full record key.
    func storedRecord(_ key: [UInt8]) throws(StorageError) -> CID? {
        try db.withValue(recordsFamily, key) { (value) throws(StorageError) -> CID? in
            guard let value else { return nil }
            return try RocksRepoStorage.recordCID(value)
        }
    }

    /// Writes a commit as one batch: removed blocks deleted, new blocks put (a CID listed in both
    /// stays), the record index changed in order, and the new head stored. Holding the repo's lock,
    /// it first checks that the stored head is `write.expectedPrevious`; if not it throws `conflict`
    /// and writes nothing. With `StorageOptions.sync` the WAL is fsynced before it returns.
    public func apply(_ write: CommitWrite) throws(StorageError) {
        try locks.withLock(did: write.did) { () throws(StorageError) in
            guard let entry = try entry(write.did) else { throw .unknownRepo(did: write.did) }
            let found = entry.root?.commit
            guard found == write.expectedPrevious else {
                throw .conflict(expected: write.expectedPrevious, found: found)
            }
            let id = entry.id
            let batch = RocksWriteBatch()
            for cid in write.removedBlocks { batch.delete(blocksFamily, StorageKey.block(id, cid)) }
            for block in write.newBlocks { batch.put(blocksFamily, StorageKey.block(id, block.cid), block.bytes) }
            var refDeltas = RecordRefDeltas()
            var touched: [BlobIndexTouch] = []
            for change in write.index {
                switch change {
                case .put(let collection, let rkey, let cid):
                    let key = StorageKey.record(id, collection, rkey)
                    let from = try refDeltas.current(key) { () throws(StorageError) in try storedRecord(key) }
                    refDeltas.change(key, from: from, to: cid)
                    touched.append((collection, rkey, from, cid))
                    batch.put(recordsFamily, key, cid.bytes)
                case .delete(let collection, let rkey):
                    let key = StorageKey.record(id, collection, rkey)
                    let from = try refDeltas.current(key) { () throws(StorageError) in try storedRecord(key) }
                    refDeltas.change(key, from: from, to: nil)
                    touched.append((collection, rkey, from, nil))
                    batch.delete(recordsFamily, key)
                }
            }
            // Record blocks are shared by every key holding the same bytes: count the keys, and
            // delete a block (after the puts above) only when no key uses it any more.
            for (cid, delta) in refDeltas.deltas where delta != 0 {
                let key = StorageKey.block(id, cid)
                let count = try db.withValue(recordRefsFamily, key) { (v) throws(StorageError) -> Int in
                    guard let v else { return 0 }
                    guard v.count == 4 else { throw .corruptValue(family: "record_refs", reason: "count is not 4 bytes") }
                    return Int(v.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                } + delta
                if count <= 0 {
                    batch.delete(recordRefsFamily, key)
                    batch.delete(blocksFamily, key)
                } else {
                    let n = UInt32(count)
                    batch.put(recordRefsFamily, key, [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
                }
            }
            try stageBlobReferences(touched, of: write, repoID: id, in: batch)
            var added: [UInt8] = []
            added.reserveCapacity(write.newBlocks.count * 36)
            for block in write.newBlocks { block.cid.encode(into: &added) }
            batch.put(blockRevsFamily, StorageKey.blockRev(id, write.root.rev), added)
            batch.put(reposFamily, Array(write.did.utf8), RepoEntry(id: id, root: write.root).encoded)
            let event = write.event.map { addEvent(to: batch, $0) }
            try self.write(batch, event: event)
        }
    }
}
