// PLCLog+Apply.swift: the rules for adding an operation to a log (signatures, prev, forks, 72 h).
// Book: docs/12-accounts-and-dids.md ("Validating a chain", "Recovery forks").

/// An operation that passed every check, with what accepting it changes.
public struct PLCAcceptedOperation: Sendable, Hashable {
    /// The new log entry.
    public var entry: PLCLogEntry
    /// CIDs of the active operations this one nullifies (empty unless it is a recovery fork).
    public var nullified: [CID]
    /// Index in the previous operation's rotation keys of the key that signed.
    public var signerIndex: Int
}

extension PLCLog {
    /// How long a higher-authority rotation key may rewrite history: 72 hours, in microseconds.
    public static let recoveryWindowMicroseconds: Int64 = 72 * 3_600_000_000

    /// Validates a submitted operation as a directory does on `POST /<did>` and returns the new log.
    ///
    /// `limits` are checked first (size, fields, rate; legacy operations are refused); then the
    /// chain rules of `prepare(_:at:)`.
    public func apply(op: SignedPLCOperation, now: Datetime, limits: PLCLimits = .default) throws(PLCError)
        -> PLCLog
    {
        let accepted = try prepare(op, at: now, limits: limits)
        return applying(accepted)
    }

    /// The log with an accepted operation recorded.
    public func applying(_ accepted: PLCAcceptedOperation) -> PLCLog {
        var next = self
        let gone = Set(accepted.nullified)
        if !gone.isEmpty {
            for i in next.entries.indices where gone.contains(next.entries[i].cid) { next.entries[i].nullified = true }
        }
        next.entries.append(accepted.entry)
        return next
    }

    /// Checks `op` against the log without changing it; `limits` nil skips size, field and rate
    /// limits and admits a legacy genesis (replaying an existing log).
    ///
    /// The rules, as the reference directory applies them:
    /// - an empty log takes only a genesis operation, signed by one of its own rotation keys, whose
    ///   derived DID is this log's DID;
    /// - otherwise `prev` must name an active operation that is not a tombstone, the operation must
    ///   be signed by one of that operation's rotation keys, and `now` must be later than the
    ///   latest active operation;
    /// - if `prev` is not the latest active operation, the operation is a recovery fork: it
    ///   nullifies every active operation after `prev`, must be signed by a key listed strictly
    ///   before the key that signed the first of those, and must come within 72 hours of it.
    public func prepare(_ op: SignedPLCOperation, at now: Datetime, limits: PLCLimits? = .default)
        throws(PLCError) -> PLCAcceptedOperation
    {
        if let limits { try limits.check(op) }
        let cid = op.cid
        let entry = PLCLogEntry(did: did, operation: op, cid: cid, nullified: false, createdAt: now)

        guard let head = lastEntry else {
            guard op.unsigned.isGenesis else {
                throw .misordered("DID not found: the first operation must be a genesis")
            }
            let signer = try op.verify(allowedKeys: op.unsigned.rotationKeys)
            let derived = try op.derivedDID()
            guard derived == did else { throw .genesisMismatch(expected: did.string, derived: derived.string) }
            return PLCAcceptedOperation(entry: entry, nullified: [], signerIndex: signer)
        }

        guard let prev = op.prev else { throw .misordered("genesis operation for a DID that exists") }
        let active = entries.indices.filter { !entries[$0].nullified }
        guard let at = active.firstIndex(where: { entries[$0].cid == prev }) else {
            let known = entries.contains { $0.cid == prev }
            throw .misordered(known ? "prev is nullified" : "prev not found")
        }
        let prevEntry = entries[active[at]]
        guard !prevEntry.operation.unsigned.isTombstone else { throw .tombstoned }
        let keys = prevEntry.operation.unsigned.rotationKeys
        guard now.microsecondsSinceEpoch > head.createdAt.microsecondsSinceEpoch else {
            throw .misordered("createdAt is not after the latest operation")
        }

        let later = active[(at + 1)...].map { entries[$0] }
        guard let disputed = later.first else {
            let signer = try op.verify(allowedKeys: keys)
            if let limits { try limits.checkRate(recent: active.map { entries[$0].createdAt }, now: now) }
            return PLCAcceptedOperation(entry: entry, nullified: [], signerIndex: signer)
        }
        // A fork: only a key with more authority than the one that signed the disputed op may make it.
        let disputedSigner = try disputed.operation.verify(allowedKeys: keys)
        let signer = try op.verify(allowedKeys: Array(keys[..<disputedSigner]))
        let elapsed = now.microsecondsSinceEpoch - disputed.createdAt.microsecondsSinceEpoch
        guard elapsed <= Self.recoveryWindowMicroseconds else {
            throw .lateRecovery(elapsedMilliseconds: elapsed / 1000)
        }
        return PLCAcceptedOperation(entry: entry, nullified: later.map(\.cid), signerIndex: signer)
    }
}
