// StorageKeys.swift: the byte layout of keys in the data plane's column families. Book: docs/04-c-engine.md.

/// Key layouts. A repo id is 8 bytes big-endian, so one repo's keys are contiguous and sort in
/// creation order, and `prefix(id) ..< prefix(id + 1)` covers exactly that repo.
///
/// - `blocks`: `repoId ‖ CID bytes` → block bytes
/// - `repos`: `DID utf8` → `RepoEntry`
/// - `repo_ids`: `repoId` → `DID utf8`
/// - `records`: `repoId ‖ collection ‖ 0x00 ‖ rkey` → CID bytes
/// - `block_revs`: `repoId ‖ rev utf8` → the CIDs of the blocks that commit added, concatenated
/// - `blobs`: the blob index, several kinds behind a byte after the repo id (`BlobKey` has them)
/// - `events`: `seq` (8 bytes big-endian) → `millis` (8 bytes big-endian) ‖ frame
/// - `meta`: ASCII names → values
enum StorageKey {
    /// Separates the collection from the rkey; NSIDs and record keys never contain it.
    static let separator: UInt8 = 0x00

    /// The 8-byte big-endian form of a repo id: every key of the repo starts with it.
    static func repo(_ id: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8)
        appendID(id, to: &out)
        return out
    }

    /// Appends `id` big-endian.
    @inline(__always) static func appendID(_ id: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: id.bigEndian) { out.append(contentsOf: $0) }
    }

    /// Reads a big-endian id from the first 8 bytes, or nil if there are fewer.
    static func readID(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count >= 8 else { return nil }
        return UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
    }

    /// `repoId ‖ CID bytes`: a block, or a blob reference.
    static func block(_ id: UInt64, _ cid: CID) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 + cid.encodedLength)
        appendID(id, to: &out)
        cid.encode(into: &out)
        return out
    }

    /// `repoId ‖ collection ‖ 0x00`: every record of one collection starts with it.
    static func collection(_ id: UInt64, _ collection: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(9 + collection.utf8.count)
        appendID(id, to: &out)
        out.append(contentsOf: collection.utf8)
        out.append(separator)
        return out
    }

    /// The first key after every record of one collection: `repoId ‖ collection ‖ 0x01`.
    static func collectionEnd(_ id: UInt64, _ collection: String) -> [UInt8] {
        var out = StorageKey.collection(id, collection)
        out[out.count - 1] = separator + 1
        return out
    }

    /// `repoId ‖ collection ‖ 0x00 ‖ rkey`.
    static func record(_ id: UInt64, _ collection: String, _ rkey: String) -> [UInt8] {
        var out = StorageKey.collection(id, collection)
        out.append(contentsOf: rkey.utf8)
        return out
    }

    /// `repoId ‖ rev`: the blocks one commit added. Revs are TIDs, which sort as text in time order.
    static func blockRev(_ id: UInt64, _ rev: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 + rev.utf8.count)
        appendID(id, to: &out)
        out.append(contentsOf: rev.utf8)
        return out
    }

    /// The `meta` key holding the next repo id to hand out.
    static let nextRepoID: [UInt8] = Array("next_repo_id".utf8)
    /// The `meta` key holding the highest event number trimmed from the log.
    static let trimmedEvents: [UInt8] = Array("trimmed_events".utf8)
    /// The `meta` key marking repo `id` as being imported: written with the id's allocation and
    /// deleted by the batch that makes the repo visible, so one found at open is a crashed import.
    static func importing(_ id: UInt64) -> [UInt8] { importingPrefix + repo(id) }
    /// The prefix of every `importing` key.
    static let importingPrefix: [UInt8] = Array("importing/".utf8)
    /// The `meta` key holding the on-disk format version.
    static let formatVersion: [UInt8] = Array("format_version".utf8)
}
