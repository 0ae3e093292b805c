// RocksRepoStorage+Records.swift: the record index (collection/rkey → CID). Book: docs/04-c-engine.md.

extension RocksRepoStorage {
    /// The CID of `collection/rkey`, or nil.
    public func record(did: String, collection: String, rkey: String) throws(StorageError) -> CID? {
        let key = StorageKey.record(try requireID(did), collection, rkey)
        return try db.withValue(recordsFamily, key) { (value) throws(StorageError) -> CID? in
            guard let value else { return nil }
            return try RocksRepoStorage.recordCID(value)
        }
    }

    /// Walks one collection with the iterator bounded to it. Forward: from just after the cursor
    /// (`prefix ‖ cursor ‖ 0x00` is the first key greater than `prefix ‖ cursor`). Reverse: the
    /// cursor itself is the exclusive upper bound.
    public func listRecords(did: String, collection: String, limit: Int, cursor: String?, reverse: Bool)
        throws(StorageError) -> [(rkey: String, cid: CID)]
    {
        let id = try requireID(did)
        guard limit > 0 else { return [] }
        let prefix = StorageKey.collection(id, collection)
        let lower: [UInt8], upper: [UInt8]
        switch (reverse, cursor) {
        case (false, nil): (lower, upper) = (prefix, StorageKey.collectionEnd(id, collection))
        case (false, let after?): (lower, upper) = (prefix + after.utf8 + [0], StorageKey.collectionEnd(id, collection))
        case (true, nil): (lower, upper) = (prefix, StorageKey.collectionEnd(id, collection))
        case (true, let before?): (lower, upper) = (prefix, prefix + before.utf8)
        }
        let walk = db.iterator(recordsFamily, lower: lower, upper: upper)
        if reverse { walk.seekToLast() } else { walk.seekToFirst() }
        var out: [(rkey: String, cid: CID)] = []
        while walk.isValid, out.count < limit {
            let rkey = walk.withKey { String(decoding: $0.dropFirst(prefix.count), as: UTF8.self) }
            let cid = try walk.withValue { (value) throws(StorageError) in try RocksRepoStorage.recordCID(value) }
            out.append((rkey, cid))
            if reverse { walk.previous() } else { walk.next() }
        }
        try walk.check()
        return out
    }

    /// How many records the repo has.
    public func countRecords(did: String) throws(StorageError) -> Int {
        let id = try requireID(did)
        let walk = db.iterator(recordsFamily, lower: StorageKey.repo(id), upper: StorageKey.repo(id + 1))
        walk.seekToFirst()
        var count = 0
        while walk.isValid {
            count += 1
            walk.next()
        }
        try walk.check()
        return count
    }

    /// Skips from one collection to the next with one seek each, so the cost is per collection, not per record.
    public func collections(did: String) throws(StorageError) -> [String] {
        let id = try requireID(did)
        let walk = db.iterator(recordsFamily, lower: StorageKey.repo(id), upper: StorageKey.repo(id + 1))
        walk.seekToFirst()
        var out: [String] = []
        while walk.isValid {
            let name = try walk.withKey { (key) throws(StorageError) -> String in
                let rest = key.dropFirst(8)
                guard let end = rest.firstIndex(of: StorageKey.separator) else {
                    throw .corruptValue(family: "records", reason: "key has no collection separator")
                }
                return String(decoding: rest[..<end], as: UTF8.self)
            }
            out.append(name)
            walk.seek(StorageKey.collectionEnd(id, name))
        }
        try walk.check()
        return out
    }

    /// Decodes a stored record CID.
    static func recordCID(_ value: UnsafeRawBufferPointer) throws(StorageError) -> CID {
        do {
            return try CID(bytes: value)
        } catch {
            throw .corruptValue(family: "records", reason: "value is not a CID: \(error)")
        }
    }
}
