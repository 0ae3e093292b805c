// RepoImport.swift: a verified repo handed to storage as views into the CAR it came in.
// Book: docs/07-commits.md ("Export and import"), docs/04-c-engine.md ("Bulk import").

/// A whole repo that passed verification, ready to be stored: its head, the blocks it uses and
/// its record index, all read in place from the buffer it was verified in. Valid only while that
/// buffer is (inside `RepoTransfer.importCAR`).
public struct RepoImport {
    let table: BlockTable
    let walked: WalkedRepo
    /// The repo's head.
    public let root: RepoRoot

    init(table: BlockTable, walked: WalkedRepo) {
        self.table = table
        self.walked = walked
        let commit = walked.commit.unsigned
        root = RepoRoot(commit: walked.commitCID, rev: commit.rev, data: commit.data)
    }

    /// Number of blocks the repo uses.
    public var blockCount: Int { walked.used.count }
    /// Number of records.
    public var recordCount: Int { walked.records.count }

    /// Each block the repo uses, once; the bytes are valid during the call.
    public func forEachBlock(_ body: (CID, UnsafeRawBufferPointer) throws -> Void) rethrows {
        for i in walked.used { try body(table.cids[i], table.bytes(i)) }
    }

    /// Each record as collection, rkey and CID, in key order.
    public func forEachRecord(_ body: (String, String, CID) throws -> Void) rethrows {
        for r in walked.records {
            let slash = r.key.firstIndex(of: UInt8(ascii: "/"))!
            try body(
                String(decoding: r.key[..<slash], as: UTF8.self),
                String(decoding: r.key[(slash + 1)...], as: UTF8.self), r.cid)
        }
    }
}

/// What an import stored.
public struct ImportedRepo: Sendable {
    /// The commit's CID.
    public var commitCID: CID
    /// The signed commit.
    public var commit: SignedCommit
    /// Number of records.
    public var recordCount: Int
    /// Number of blocks stored.
    public var blockCount: Int
}
