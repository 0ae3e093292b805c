// PLCLog.swift: one DID's operation log as a value, the state machine of a PLC directory.
// Book: docs/12-accounts-and-dids.md ("A local PLC directory").

/// One operation in a DID's log, with what the directory recorded about it.
public struct PLCLogEntry: Sendable, Hashable {
    /// The DID the operation belongs to.
    public var did: DID
    /// The operation.
    public var operation: SignedPLCOperation
    /// The operation's CID.
    public var cid: CID
    /// True once a recovery operation has forked the log before this operation.
    public var nullified: Bool
    /// When the directory accepted the operation.
    public var createdAt: Datetime

    /// An entry; `cid` must be the CID of `operation` (the audit-log reader checks it).
    public init(did: DID, operation: SignedPLCOperation, cid: CID, nullified: Bool, createdAt: Datetime) {
        self.did = did
        self.operation = operation
        self.cid = cid
        self.nullified = nullified
        self.createdAt = createdAt
    }
}

/// The full (audit) log of one DID: every accepted operation in the order accepted, nullified ones
/// included. The active operations (not nullified) always form one `prev` chain from the genesis.
///
/// A value type with no I/O: a directory loads a log, calls `apply(op:now:)`, and stores the entry
/// and nullifications it reports (`prepare`), or the new log.
public struct PLCLog: Sendable, Hashable {
    /// The DID.
    public let did: DID
    /// Every accepted operation, oldest first.
    public internal(set) var entries: [PLCLogEntry]

    /// An empty log for `did` (the next operation must be its genesis).
    public init(did: DID) {
        self.did = did
        entries = []
    }

    /// A log from stored entries already validated by this code; nothing is re-checked.
    public init(did: DID, trustedEntries: [PLCLogEntry]) {
        self.did = did
        entries = trustedEntries
    }

    /// The active operations, oldest first (a directory's `/<did>/log`).
    public var operations: [SignedPLCOperation] { entries.lazy.filter { !$0.nullified }.map(\.operation) }

    /// The latest active entry.
    public var lastEntry: PLCLogEntry? { entries.last { !$0.nullified } }

    /// The latest active operation (a directory's `/<did>/log/last`); may be a tombstone.
    public var lastOperation: SignedPLCOperation? { lastEntry?.operation }

    /// True if the latest active operation is a tombstone.
    public var isTombstoned: Bool { lastOperation?.unsigned.isTombstone ?? false }

    /// The current state (a directory's `/<did>/data`); nil if empty or tombstoned.
    public var state: PLCState? { lastOperation.flatMap { PLCState(did: did, after: $0) } }

    /// The current DID document; nil if empty or tombstoned.
    public var document: DIDDocument? { state.map(DIDDocument.init(plc:)) }
}
