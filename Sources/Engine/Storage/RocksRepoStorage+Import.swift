// RocksRepoStorage+Import.swift: a whole repo stored at once through table-file ingestion.
// Book: docs/04-c-engine.md ("Bulk import").

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RocksRepoStorage {
    /// Stores a verified repo as a new repo: its blocks, record index and record-block counts are
    /// written as sorted table files and ingested, then one small batch makes the repo visible.
    ///
    /// Readers find repos through `repos`, so the ingested keys, under a fresh repo id, are
    /// unreachable until that last batch lands: a crash before it leaves only unreferenced keys
    /// under an id that is never handed out again (the id counter is advanced first), never a
    /// half-imported repo.
    public func importRepo(
        did: String, root: RepoRoot, blocks: [CID: [UInt8]], records: [(collection: String, rkey: String, cid: CID)]
    ) throws(StorageError) {
        try locks.withLock(did: did) { () throws(StorageError) in
            guard try entry(did) == nil else { throw .repoExists(did: did) }
            let id = try nextID.withLock { (next: inout UInt64) throws(StorageError) -> UInt64 in
                let id = next
                let batch = RocksWriteBatch()
                batch.put(metaFamily, StorageKey.nextRepoID, StorageKey.repo(id + 1))
                try db.write(batch)
                next = id + 1
                return id
            }
            // Ingestion moves the files into the database; whatever is left (after a failure) goes.
            let scratch = db.path + "/import-\(id)"
            let files = ["blocks.sst", "records.sst", "refs.sst"].map { scratch + "/" + $0 }
            defer {
                for file in files { unlink(file) }
                rmdir(scratch)
            }
            do throws(StorageError) {
                guard mkdir(scratch, 0o700) == 0 || errno == EEXIST else {
                    throw StorageError.rocksdb(call: "mkdir", message: "cannot create \(scratch): errno \(errno)")
                }
                try ingestBlocks(id, blocks, files[0])
                try ingestRecords(id, records, files[1], files[2])
                let batch = RocksWriteBatch()
                batch.put(reposFamily, Array(did.utf8), RepoEntry(id: id, root: root).encoded)
                batch.put(repoIDsFamily, StorageKey.repo(id), Array(did.utf8))
                // An empty list means "every block, as of this rev" (see `forEachBlock(since:)`).
                batch.put(blockRevsFamily, StorageKey.blockRev(id, root.rev), [])
                try db.write(batch)
                forgetID(did)
            } catch {
                let from = StorageKey.repo(id), to = StorageKey.repo(id + 1)
                let cleanup = RocksWriteBatch()
                for family in [blocksFamily, recordsFamily, recordRefsFamily] {
                    cleanup.deleteRange(family, from: from, to: to)
                }
                try? db.write(cleanup)
                throw error
            }
        }
    }

    /// The order of `cids` by their bytes. CIDs are self-delimiting (no encoding is a prefix of
    /// another), so comparing zero-padded fixed-width copies gives their byte order.
    static func byteOrder(_ cids: [CID]) -> [Int] {
        let stride = 48
        var flat = [UInt8](repeating: 0, count: cids.count * stride)
        flat.withUnsafeMutableBytes { out in
            for (i, cid) in cids.enumerated() { _ = cid.write(to: out.baseAddress! + i * stride) }
        }
        var order = Array(0..<cids.count)
        flat.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            order.sort { memcmp(base + $0 * stride, base + $1 * stride, stride) < 0 }
        }
        return order
    }

    /// Blocks in key order, under `id`.
    private func ingestBlocks(_ id: UInt64, _ blocks: [CID: [UInt8]], _ path: String) throws(StorageError) {
        guard !blocks.isEmpty else { return }
        let cids = Array(blocks.keys)
        let writer = try RocksSSTWriter(path: path, options: db.options)
        var key = StorageKey.repo(id)
        for i in Self.byteOrder(cids) {
            key.removeSubrange(8...)
            cids[i].encode(into: &key)
            try writer.put(key, blocks[cids[i]]!)
        }
        try writer.finish()
        try db.ingest(blocksFamily, files: [path])
    }

    /// The record index and the record-block reference counts, each in key order. `records` come
    /// in tree order (`collection/rkey` bytes), where each collection's records are one run already
    /// in rkey order; only the runs need sorting, by collection, to give `collection ‖ 0x00 ‖ rkey` order.
    private func ingestRecords(
        _ id: UInt64, _ records: [(collection: String, rkey: String, cid: CID)], _ recordsPath: String,
        _ refsPath: String
    ) throws(StorageError) {
        guard !records.isEmpty else { return }
        var runs: [(collection: String, range: Range<Int>)] = []
        var start = 0
        for i in 1...records.count where i == records.count || records[i].collection != records[start].collection {
            runs.append((records[start].collection, start..<i))
            start = i
        }
        runs.sort { $0.collection.utf8.lexicographicallyPrecedes($1.collection.utf8) }
        let recordWriter = try RocksSSTWriter(path: recordsPath, options: db.options)
        var refs: [CID: UInt32] = [:]
        refs.reserveCapacity(records.count)
        for run in runs {
            var key = StorageKey.collection(id, run.collection)
            let prefix = key.count
            for r in records[run.range] {
                key.removeSubrange(prefix...)
                key.append(contentsOf: r.rkey.utf8)
                try recordWriter.put(key, r.cid.bytes)
                refs[r.cid, default: 0] += 1
            }
        }
        try recordWriter.finish()
        let counted = Array(refs)
        let refWriter = try RocksSSTWriter(path: refsPath, options: db.options)
        for i in Self.byteOrder(counted.map(\.key)) {
            let n = counted[i].value
            try refWriter.put(
                StorageKey.block(id, counted[i].key), [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
        }
        try refWriter.finish()
        try db.ingest(recordsFamily, files: [recordsPath])
        try db.ingest(recordRefsFamily, files: [refsPath])
    }
}
