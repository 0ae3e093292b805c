// RepoWrite.swift: the writes a commit applies and the operations it reports.
// Book: docs/07-commits.md ("Applying writes").

/// What a `swapRecord` demands of the current record.
public enum RecordSwap: Sendable, Hashable {
    /// No check.
    case any
    /// The record must currently have this CID.
    case mustBe(CID)
    /// The record must not exist.
    case mustNotExist
}

/// One change a client asks for.
public enum RepoWrite: Sendable {
    /// Add a record at a key that must be free.
    case create(collection: String, rkey: String, record: IPLDMap)
    /// Create or replace the record at a key.
    case update(collection: String, rkey: String, record: IPLDMap, swap: RecordSwap = .any)
    /// Remove the record at a key that must exist.
    case delete(collection: String, rkey: String, swap: RecordSwap = .any)

    /// The record written, if any.
    public var record: IPLDMap? {
        switch self {
        case .create(_, _, let r), .update(_, _, let r, _): r
        case .delete: nil
        }
    }

    /// `collection/rkey`.
    public var path: String {
        switch self {
        case .create(let c, let r, _), .update(let c, let r, _, _), .delete(let c, let r, _): "\(c)/\(r)"
        }
    }
}

/// One change as the firehose and the diff report it.
public struct RepoOp: Sendable, Hashable {
    /// What happened at the path.
    public enum Action: String, Sendable, Hashable {
        case create, update, delete
    }

    /// What happened.
    public var action: Action
    /// `collection/rkey`.
    public var path: String
    /// The record's new CID (nil for a delete).
    public var cid: CID?
    /// The record's previous CID (nil for a create).
    public var prev: CID?

    /// An op.
    public init(action: Action, path: String, cid: CID?, prev: CID?) {
        self.action = action
        self.path = path
        self.cid = cid
        self.prev = prev
    }
}
