// RocksRepoStorage+Import.swift: a whole repo stored at once through table-file ingestion.
// Book: docs/04-c-engine.md ("Bulk import").

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RocksRepoStorage {
    /// Stores a verified repo as a new repo (see `importRepo(did:table:verify:)`).
    public func importRepo(did: String, _ repo: RepoImport) throws(StorageError) {
        let walked = repo.walked
        do {
            _ = try importRepo(did: did, table: repo.table) { walked }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .rocksdb(call: "importRepo", message: "\(error)")
        }
    }

    /// Verifies (`verify`, the tree walk) and stores a repo whose blocks are `table`, as a new
    /// repo. The blocks' table file is built on a second thread while `verify` runs, from every
    /// distinct block of the CAR in key order; when the walk is done the record index and the
    /// record-block counts follow, then the three files are ingested and one small batch makes
    /// the repo visible (deleting, in that batch, any block of the CAR the tree does not use).
    ///
    /// Readers find repos through `repos`, so the ingested keys, under a fresh repo id, are
    /// unreachable until that last batch lands: a crash before it leaves only unreferenced keys
    /// under an id that is never handed out again (the id counter is advanced first), never a
    /// half-imported repo. A failed check stores nothing.
    func importRepo(did: String, table: BlockTable, verify: () throws -> WalkedRepo) throws -> WalkedRepo {
        try locks.withLock(did: did) { () throws -> WalkedRepo in
            guard try entry(did) == nil else { throw StorageError.repoExists(did: did) }
            let id = try nextID.withLock { (next: inout UInt64) throws(StorageError) -> UInt64 in
                let id = next
                let batch = RocksWriteBatch()
                batch.put(metaFamily, StorageKey.nextRepoID, StorageKey.repo(id + 1))
                batch.put(metaFamily, StorageKey.importing(id), [])
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
            guard mkdir(scratch, 0o700) == 0 || errno == EEXIST else {
                throw StorageError.rocksdb(call: "mkdir", message: "cannot create \(scratch): errno \(errno)")
            }
            let walked: WalkedRepo
            do {
                walked = try buildTables(id, table, verify, files)
            } catch {
                dropImport(id)
                throw error
            }
            do throws(StorageError) {
                try db.ingest(blocksFamily, files: [files[0]])
                try db.ingest(recordsFamily, files: [files[1]].filter { access($0, F_OK) == 0 })
                try db.ingest(recordRefsFamily, files: [files[2]].filter { access($0, F_OK) == 0 })
                let batch = RocksWriteBatch()
                var used = [Bool](repeating: false, count: table.count)
                for i in walked.used { used[i] = true }
                for i in 0..<table.count where !used[i] && table.find(table.cids[i]) == i {
                    batch.delete(blocksFamily, StorageKey.block(id, table.cids[i]))
                }
                let root = RepoRoot(
                    commit: walked.commitCID, rev: walked.commit.unsigned.rev, data: walked.commit.unsigned.data)
                batch.put(reposFamily, Array(did.utf8), RepoEntry(id: id, root: root).encoded)
                batch.put(repoIDsFamily, StorageKey.repo(id), Array(did.utf8))
                // An empty list means "every block, as of this rev" (see `forEachBlock(since:)`).
                batch.put(blockRevsFamily, StorageKey.blockRev(id, root.rev), [])
                batch.delete(metaFamily, StorageKey.importing(id))
                try db.write(batch)
                forgetID(did)
            } catch {
                dropImport(id)
                throw error
            }
            return walked
        }
    }

    /// Removes whatever an import under `id` ingested, and its marker (best effort: a marker left
    /// behind is handled at the next open).
    func dropImport(_ id: UInt64) { try? db.write(Self.dropImportBatch(id, self)) }

    /// The batch that removes import `id`'s keys and marker.
    private static func dropImportBatch(_ id: UInt64, _ storage: RocksRepoStorage) -> RocksWriteBatch {
        let from = StorageKey.repo(id), to = StorageKey.repo(id + 1)
        let batch = RocksWriteBatch()
        for family in [storage.blocksFamily, storage.recordsFamily, storage.recordRefsFamily] {
            batch.deleteRange(family, from: from, to: to)
        }
        batch.delete(storage.metaFamily, StorageKey.importing(id))
        return batch
    }

    /// At open: removes the keys of imports a crash interrupted between ingesting their table
    /// files and the batch that makes the repo visible (their `importing` markers are still there).
    /// Returns how many there were.
    @discardableResult
    func dropInterruptedImports() throws(StorageError) -> Int {
        let prefix = StorageKey.importingPrefix
        var upper = prefix
        upper[upper.count - 1] += 1
        let cursor = db.iterator(metaFamily, lower: prefix, upper: upper)
        cursor.seekToFirst()
        var ids: [UInt64] = []
        while cursor.isValid {
            if let id = cursor.withKey({
                $0.count == prefix.count + 8
                    ? StorageKey.readID(UnsafeRawBufferPointer(rebasing: $0[prefix.count...])) : nil
            }) {
                ids.append(id)
            }
            cursor.next()
        }
        try cursor.check()
        for id in ids { try db.write(Self.dropImportBatch(id, self)) }
        return ids.count
    }

    /// Two threads: one sorts the CAR's blocks and writes their table file while the other runs
    /// `verify` and writes the records' file; the counts' file, which needs both, comes after.
    private func buildTables(
        _ id: UInt64, _ table: BlockTable, _ verify: () throws -> WalkedRepo, _ files: [String]
    ) throws -> WalkedRepo {
        var order: [SortKey] = []
        var blocksResult: Result<Void, StorageError> = .success(())
        var walkResult: Result<WalkedRepo, any Error> = .failure(
            StorageError.rocksdb(call: "import", message: "not run"))
        // The two tasks share nothing until both are done.
        parallelFor(2) { task in
            if task == 0 {
                order = Self.byteOrder(table)
                blocksResult = Result { () throws(StorageError) in try writeBlocks(id, table, order, files[0]) }
            } else {
                walkResult = Result {
                    let walked = try verify()
                    try writeRecords(id, walked.records, path: files[1])
                    return walked
                }
            }
        }
        let walked = try walkResult.get()
        try blocksResult.get()
        try writeRefs(id, table, walked.records, order, path: files[2])
        return walked
    }

    /// Every distinct block of `table`, in the byte order of its CID. Each CID is encoded
    /// zero-padded into six big-endian words, whose lexicographic order is the bytes' order
    /// (CIDs are self-delimiting: no encoding is a prefix of another); the block's place in the
    /// buffer rides along, so writing in this order reads the table's arrays sequentially.
    static func byteOrder(_ table: BlockTable) -> [SortKey] {
        var keys: [SortKey] = []
        keys.reserveCapacity(table.count)
        var scratch = [UInt8](repeating: 0, count: 48)
        scratch.withUnsafeMutableBytes { raw in
            for i in 0..<table.count where table.find(table.cids[i]) == i {
                for w in 0..<6 { raw.storeBytes(of: 0, toByteOffset: w * 8, as: UInt64.self) }
                let length = table.cids[i].write(to: raw.baseAddress!)
                var key = SortKey(index: i, cidLength: length)
                withUnsafeMutableBytes(of: &key.words) { words in
                    for w in 0..<6 {
                        words.storeBytes(
                            of: UInt64(bigEndian: raw.load(fromByteOffset: w * 8, as: UInt64.self)),
                            toByteOffset: w * 8,
                            as: UInt64.self)
                    }
                }
                keys.append(key)
            }
        }
        keys.sort()
        return keys
    }

    /// One CID as sortable words, with its table index.
    struct SortKey: Comparable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        var index: Int
        var cidLength: Int

        /// The CID's binary form (`cidLength` bytes) appended to `out`.
        func appendCID(to out: inout [UInt8]) {
            let bytes = (
                words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian, words.4.bigEndian,
                words.5.bigEndian
            )
            withUnsafeBytes(of: bytes) { out.append(contentsOf: $0.prefix(cidLength)) }
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.words.0 != b.words.0 { return a.words.0 < b.words.0 }
            if a.words.1 != b.words.1 { return a.words.1 < b.words.1 }
            if a.words.2 != b.words.2 { return a.words.2 < b.words.2 }
            if a.words.3 != b.words.3 { return a.words.3 < b.words.3 }
            if a.words.4 != b.words.4 { return a.words.4 < b.words.4 }
            return a.words.5 < b.words.5
        }

        static func == (a: SortKey, b: SortKey) -> Bool { !(a < b) && !(b < a) }
    }

    /// The blocks in `order` under `id`, read in place from the table.
    private func writeBlocks(_ id: UInt64, _ table: BlockTable, _ order: [SortKey], _ path: String) throws(StorageError)
    {
        let writer = try RocksSSTWriter(path: path, options: db.options)
        var key = StorageKey.repo(id)
        key.reserveCapacity(8 + 48)
        for k in order {
            key.removeSubrange(8...)
            k.appendCID(to: &key)
            try writer.put(key, table.bytes(k.index))
        }
        try writer.finish()
    }

    /// The record index in key order. Records come in tree order (`collection/rkey` bytes), where
    /// each collection's records are one run already in rkey order; only the runs need sorting,
    /// by collection, to give `collection ‖ 0x00 ‖ rkey` order.
    private func writeRecords(_ id: UInt64, _ records: [(key: [UInt8], cid: CID, index: Int)], path: String)
        throws(StorageError)
    {
        guard !records.isEmpty else { return }
        func collection(_ key: [UInt8]) -> ArraySlice<UInt8> { key[..<key.firstIndex(of: UInt8(ascii: "/"))!] }
        var runs: [Range<Int>] = []
        var start = 0
        for i in 1...records.count
        where i == records.count || collection(records[i].key) != collection(records[start].key) {
            runs.append(start..<i)
            start = i
        }
        runs.sort {
            collection(records[$0.lowerBound].key).lexicographicallyPrecedes(collection(records[$1.lowerBound].key))
        }
        let writer = try RocksSSTWriter(path: path, options: db.options)
        var key = StorageKey.repo(id)
        var value: [UInt8] = []
        value.reserveCapacity(48)
        for run in runs {
            key.removeSubrange(8...)
            let name = collection(records[run.lowerBound].key)
            key.append(contentsOf: name)
            key.append(StorageKey.separator)
            let prefix = key.count
            for r in records[run] {
                key.removeSubrange(prefix...)
                key.append(contentsOf: r.key[(name.count + 1)...])
                value.removeAll(keepingCapacity: true)
                r.cid.encode(into: &value)
                try writer.put(key, value)
            }
        }
        try writer.finish()
    }

    /// How many records use each record block, in the blocks' key order (`blockOrder`).
    private func writeRefs(
        _ id: UInt64, _ table: BlockTable, _ records: [(key: [UInt8], cid: CID, index: Int)], _ blockOrder: [SortKey],
        path: String
    ) throws(StorageError) {
        guard !records.isEmpty else { return }
        var refs = [UInt32](repeating: 0, count: table.count)
        for r in records { refs[r.index] += 1 }
        let writer = try RocksSSTWriter(path: path, options: db.options)
        var key = StorageKey.repo(id)
        for k in blockOrder where refs[k.index] > 0 {
            let n = refs[k.index]
            key.removeSubrange(8...)
            k.appendCID(to: &key)
            try writer.put(key, [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
        }
        try writer.finish()
    }
}
