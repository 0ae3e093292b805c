// RocksRepoStorage+Import.swift: a whole repo stored at once through table-file ingestion.
// Book: docs/04-c-engine.md ("Bulk import").

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RocksRepoStorage {
    /// Stores a verified repo as a new repo: its blocks, record index and record-block counts are
    /// written as sorted table files (the blocks in two halves, on two threads) and ingested, then
    /// one small batch makes the repo visible.
    ///
    /// Readers find repos through `repos`, so the ingested keys, under a fresh repo id, are
    /// unreachable until that last batch lands: a crash before it leaves only unreferenced keys
    /// under an id that is never handed out again (the id counter is advanced first), never a
    /// half-imported repo.
    public func importRepo(did: String, _ repo: RepoImport) throws(StorageError) {
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
            let files = ["blocks-0.sst", "blocks-1.sst", "records.sst", "refs.sst"].map { scratch + "/" + $0 }
            defer {
                for file in files { unlink(file) }
                rmdir(scratch)
            }
            do throws(StorageError) {
                guard mkdir(scratch, 0o700) == 0 || errno == EEXIST else {
                    throw StorageError.rocksdb(call: "mkdir", message: "cannot create \(scratch): errno \(errno)")
                }
                try writeTables(id, repo, files)
                let batch = RocksWriteBatch()
                batch.put(reposFamily, Array(did.utf8), RepoEntry(id: id, root: repo.root).encoded)
                batch.put(repoIDsFamily, StorageKey.repo(id), Array(did.utf8))
                // An empty list means "every block, as of this rev" (see `forEachBlock(since:)`).
                batch.put(blockRevsFamily, StorageKey.blockRev(id, repo.root.rev), [])
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

    /// Builds the four table files on up to three threads (each half of the blocks; records and
    /// reference counts), then ingests them.
    private func writeTables(_ id: UInt64, _ repo: RepoImport, _ files: [String]) throws(StorageError) {
        let order = Self.byteOrder(repo.table, repo.walked.used)
        let half = order.count / 2
        var failures: [StorageError?] = [nil, nil, nil]
        failures.withUnsafeMutableBufferPointer { failures in
            parallelFor(3) { task in
                do throws(StorageError) {
                    switch task {
                    case 0: try writeBlocks(id, repo.table, order[..<half], files[0])
                    case 1: try writeBlocks(id, repo.table, order[half...], files[1])
                    default: try writeRecords(id, repo, order, recordsPath: files[2], refsPath: files[3])
                    }
                } catch {
                    failures[task] = error
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        try db.ingest(blocksFamily, files: Array(files[0..<2]).filter { access($0, F_OK) == 0 })
        try db.ingest(recordsFamily, files: [files[2]].filter { access($0, F_OK) == 0 })
        try db.ingest(recordRefsFamily, files: [files[3]].filter { access($0, F_OK) == 0 })
    }

    /// The table indices `used` in the byte order of their CIDs. Each CID is encoded zero-padded
    /// into six big-endian words, whose lexicographic order is the bytes' order (CIDs are
    /// self-delimiting: no encoding is a prefix of another).
    static func byteOrder(_ table: BlockTable, _ used: [Int]) -> [Int] {
        var keys = [SortKey](repeating: SortKey(), count: used.count)
        var scratch = [UInt8](repeating: 0, count: 48)
        scratch.withUnsafeMutableBytes { raw in
            for (k, i) in used.enumerated() {
                for w in 0..<6 { raw.storeBytes(of: 0, toByteOffset: w * 8, as: UInt64.self) }
                _ = table.cids[i].write(to: raw.baseAddress!)
                keys[k] = SortKey(
                    w0: UInt64(bigEndian: raw.load(fromByteOffset: 0, as: UInt64.self)),
                    w1: UInt64(bigEndian: raw.load(fromByteOffset: 8, as: UInt64.self)),
                    w2: UInt64(bigEndian: raw.load(fromByteOffset: 16, as: UInt64.self)),
                    w3: UInt64(bigEndian: raw.load(fromByteOffset: 24, as: UInt64.self)),
                    w4: UInt64(bigEndian: raw.load(fromByteOffset: 32, as: UInt64.self)),
                    w5: UInt64(bigEndian: raw.load(fromByteOffset: 40, as: UInt64.self)), index: i)
            }
        }
        keys.sort()
        return keys.map(\.index)
    }

    /// One CID as sortable words, with its table index.
    struct SortKey: Comparable {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, w4: UInt64 = 0, w5: UInt64 = 0
        var index = 0

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.w0 != b.w0 { return a.w0 < b.w0 }
            if a.w1 != b.w1 { return a.w1 < b.w1 }
            if a.w2 != b.w2 { return a.w2 < b.w2 }
            if a.w3 != b.w3 { return a.w3 < b.w3 }
            if a.w4 != b.w4 { return a.w4 < b.w4 }
            return a.w5 < b.w5
        }

        static func == (a: SortKey, b: SortKey) -> Bool { !(a < b) && !(b < a) }
    }

    /// Blocks `order` (table indices in key order) under `id`, read in place from the table.
    private func writeBlocks(_ id: UInt64, _ table: BlockTable, _ order: ArraySlice<Int>, _ path: String) throws(StorageError) {
        guard !order.isEmpty else { return }
        let writer = try RocksSSTWriter(path: path, options: db.options)
        var key = StorageKey.repo(id)
        key.reserveCapacity(8 + 48)
        for i in order {
            key.removeSubrange(8...)
            table.cids[i].encode(into: &key)
            try writer.put(key, table.bytes(i))
        }
        try writer.finish()
    }

    /// The record index and the record-block reference counts, each in key order. Records come in
    /// tree order (`collection/rkey` bytes), where each collection's records are one run already in
    /// rkey order; only the runs need sorting, by collection, to give `collection ‖ 0x00 ‖ rkey`
    /// order. The counts follow the blocks' key order (`blockOrder`).
    private func writeRecords(
        _ id: UInt64, _ repo: RepoImport, _ blockOrder: [Int], recordsPath: String, refsPath: String
    ) throws(StorageError) {
        let records = repo.walked.records
        guard !records.isEmpty else { return }
        func collection(_ key: [UInt8]) -> ArraySlice<UInt8> { key[..<key.firstIndex(of: UInt8(ascii: "/"))!] }
        var runs: [Range<Int>] = []
        var start = 0
        for i in 1...records.count where i == records.count || collection(records[i].key) != collection(records[start].key) {
            runs.append(start..<i)
            start = i
        }
        runs.sort { collection(records[$0.lowerBound].key).lexicographicallyPrecedes(collection(records[$1.lowerBound].key)) }
        let recordWriter = try RocksSSTWriter(path: recordsPath, options: db.options)
        var refs = [UInt32](repeating: 0, count: repo.table.count)
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
                try recordWriter.put(key, value)
                refs[r.index] += 1
            }
        }
        try recordWriter.finish()
        let refWriter = try RocksSSTWriter(path: refsPath, options: db.options)
        for i in blockOrder where refs[i] > 0 {
            let n = refs[i]
            try refWriter.put(
                StorageKey.block(id, repo.table.cids[i]), [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
        }
        try refWriter.finish()
    }
}
