// RocksRepoStorage+Blocks.swift: reading a repo's blocks, one at a time or as a stream. Book: docs/04-c-engine.md.

extension RocksRepoStorage {
    /// One block by repo id (the `BlockSource` path, which looked the id up once).
    func block(repoID: UInt64, cid: CID) throws(StorageError) -> [UInt8]? {
        try db.get(blocksFamily, StorageKey.block(repoID, cid))
    }

    /// One block of the repo, or nil.
    public func block(did: String, cid: CID) throws(StorageError) -> [UInt8]? {
        try block(repoID: try requireID(did), cid: cid)
    }

    /// The blocks of the repo among `cids`; absent ones are left out.
    public func blocks(did: String, cids: [CID]) throws(StorageError) -> [CID: [UInt8]] {
        let id = try requireID(did)
        var out: [CID: [UInt8]] = [:]
        out.reserveCapacity(cids.count)
        for cid in cids {
            if let bytes = try block(repoID: id, cid: cid) { out[cid] = bytes }
        }
        return out
    }

    /// True if the repo holds the block.
    public func hasBlock(did: String, cid: CID) throws(StorageError) -> Bool {
        try db.withValue(blocksFamily, StorageKey.block(try requireID(did), cid)) { $0 != nil }
    }

    /// Streams the repo's blocks in key (CID byte) order with one bounded iterator: constant memory,
    /// and the block cache is not filled by the scan. The bytes are valid only during each call.
    public func forEachBlock(did: String, _ body: (CID, UnsafeRawBufferPointer) throws -> Void) throws {
        let id = try requireID(did)
        let cursor = db.iterator(
            blocksFamily, lower: StorageKey.repo(id), upper: StorageKey.repo(id + 1), fillCache: false)
        cursor.seekToFirst()
        while cursor.isValid {
            let cid = try cursor.withKey { (key) throws(StorageError) -> CID in
                do {
                    return try CID(bytes: UnsafeRawBufferPointer(rebasing: key.dropFirst(8)))
                } catch {
                    throw .corruptValue(family: "blocks", reason: "key holds no CID: \(error)")
                }
            }
            try cursor.withValue { try body(cid, $0) }
            cursor.next()
        }
        try cursor.check()
    }

    /// Streams the blocks that commits after `rev` added and the repo still holds, each once, in
    /// the order the commits wrote them. Cost follows the commits since `rev`, not the repo's size.
    public func forEachBlock(did: String, since rev: String, _ body: (CID, UnsafeRawBufferPointer) throws -> Void)
        throws
    {
        let id = try requireID(did)
        let start = StorageKey.blockRev(id, rev)
        let cursor = db.iterator(blockRevsFamily, lower: start, upper: StorageKey.repo(id + 1))
        cursor.seek(start)
        var seen: Set<CID> = []
        var order: [CID] = []
        var everything = false
        while cursor.isValid, !everything {
            if cursor.withKey({ $0.count == start.count && $0.elementsEqual(start) }) {
                cursor.next()
                continue
            }
            try cursor.withValue { (value) throws(StorageError) in
                // An imported repo's entry lists nothing: every block came with that rev.
                if value.isEmpty { everything = true }
                var rest = value
                while !rest.isEmpty {
                    do {
                        let (cid, used) = try CID.decodePrefix(rest)
                        if seen.insert(cid).inserted { order.append(cid) }
                        rest = UnsafeRawBufferPointer(rebasing: rest[used...])
                    } catch {
                        throw .corruptValue(family: "block_revs", reason: "\(error)")
                    }
                }
            }
            cursor.next()
        }
        try cursor.check()
        if everything { return try forEachBlock(did: did, body) }
        for cid in order {
            // Blocks a later commit removed are gone; the list keeps their CIDs, so skip those.
            if let bytes = try db.get(blocksFamily, StorageKey.block(id, cid)) {
                try bytes.withUnsafeBytes { try body(cid, $0) }
            }
        }
    }

    /// A `BlockSource` over the repo's blocks; the id is looked up once, here.
    public func blockSource(did: String) throws(StorageError) -> RocksBlockSource {
        RocksBlockSource(storage: self, repoID: try requireID(did))
    }
}

/// The blocks of one repo in a `RocksRepoStorage`, as the MST and commit code read them.
public struct RocksBlockSource: BlockSource, Sendable {
    /// The storage.
    public let storage: RocksRepoStorage
    /// The repo's id.
    public let repoID: UInt64

    /// The bytes of the block with this CID in this repo, or nil.
    public func block(_ cid: CID) throws -> [UInt8]? { try storage.block(repoID: repoID, cid: cid) }
}
