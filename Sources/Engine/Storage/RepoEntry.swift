// RepoEntry.swift: the value stored per DID in the `repos` column family. Book: docs/04-c-engine.md.

/// A repo's id and head, as stored under its DID.
///
/// Layout, version 1: `0x01 ‖ repoId (8 bytes BE) ‖ 0x00` for a repo with no commit yet, or
/// `0x01 ‖ repoId ‖ 0x01 ‖ commit CID ‖ data CID ‖ rev (UTF-8, to the end)`. CIDs are
/// self-delimiting, so no lengths are needed. A later layout takes a new leading byte.
struct RepoEntry: Sendable, Hashable {
    /// The current layout's leading byte.
    static let version: UInt8 = 1

    /// The repo's id: the prefix of its keys in the other column families.
    var id: UInt64
    /// The head, or nil before the first commit.
    var root: RepoRoot?

    /// The stored form.
    var encoded: [UInt8] {
        var out: [UInt8] = [RepoEntry.version]
        out.reserveCapacity(
            10 + (root.map { $0.commit.encodedLength + $0.data.encodedLength + $0.rev.utf8.count } ?? 0))
        StorageKey.appendID(id, to: &out)
        if let root {
            out.append(1)
            root.commit.encode(into: &out)
            root.data.encode(into: &out)
            out.append(contentsOf: root.rev.utf8)
        } else {
            out.append(0)
        }
        return out
    }

    /// An entry.
    init(id: UInt64, root: RepoRoot?) {
        self.id = id
        self.root = root
    }

    /// Decodes a stored entry.
    init(decoding bytes: UnsafeRawBufferPointer) throws(StorageError) {
        func corrupt(_ reason: String) -> StorageError { .corruptValue(family: "repos", reason: reason) }
        guard bytes.count >= 10 else { throw corrupt("repo entry of \(bytes.count) bytes") }
        guard bytes[0] == RepoEntry.version else { throw corrupt("repo entry version \(bytes[0]) is unknown") }
        id = StorageKey.readID(UnsafeRawBufferPointer(rebasing: bytes[1..<9]))!
        switch bytes[9] {
        case 0:
            guard bytes.count == 10 else { throw corrupt("bytes after a repo entry with no head") }
            root = nil
        case 1:
            var rest = UnsafeRawBufferPointer(rebasing: bytes[10...])
            func cid() throws(StorageError) -> CID {
                do {
                    let (cid, n) = try CID.decodePrefix(rest)
                    rest = UnsafeRawBufferPointer(rebasing: rest[n...])
                    return cid
                } catch {
                    throw corrupt("head CID: \(error)")
                }
            }
            let commit = try cid(), data = try cid()
            guard let rev = String(validating: rest, as: UTF8.self) else { throw corrupt("rev is not UTF-8") }
            root = RepoRoot(commit: commit, rev: rev, data: data)
        case let flag: throw corrupt("repo entry head flag \(flag)")
        }
    }
}
