// PLCLog+Audit.swift: the audit log (`/<did>/log/audit`) as JSON, and verifying one by replay.
// Book: docs/12-accounts-and-dids.md ("Auditing a log").

extension PLCLogEntry {
    /// The data-model form of one audit-log line: `{did, operation, cid, nullified, createdAt}`.
    public var ipld: IPLDMap {
        try! IPLDMap([
            ("did", .string(did.string)), ("operation", .map(operation.ipld)), ("cid", .string(cid.string)),
            ("nullified", .bool(nullified)), ("createdAt", .string(createdAt.string)),
        ])
    }

    /// Reads one audit-log line. The CID is read as given; `PLCLog(verifying:)` recomputes it.
    public init(ipld value: IPLD) throws(PLCError) {
        guard case .map(let m) = value else { throw .malformed("log entry is not an object") }
        let r = PLCFieldReader(map: m)
        try r.allow(["did", "operation", "cid", "nullified", "createdAt"])
        guard let did = try? DID(try r.string("did")) else { throw .malformed("log entry did is not a DID") }
        guard let cid = try? CID(string: try r.string("cid")) else { throw .malformed("log entry cid is not a CID") }
        guard case .bool(let nullified)? = m["nullified"] else { throw .malformed("log entry nullified is not a bool") }
        guard let createdAt = try? Datetime(try r.string("createdAt")) else {
            throw .malformed("log entry createdAt is not a datetime")
        }
        guard let operation = m["operation"] else { throw .malformed("log entry has no operation") }
        self.init(
            did: did, operation: try SignedPLCOperation(ipld: operation), cid: cid, nullified: nullified,
            createdAt: createdAt)
    }
}

extension PLCLog {
    /// The largest audit-log JSON read by default.
    public static let maxAuditLogBytes = 4 * 1024 * 1024
    /// The most entries read by default.
    public static let maxAuditLogEntries = 1000

    /// The audit log as JSON (a directory's `/<did>/log/audit`).
    public var auditLogJSON: [UInt8] { AtprotoJSON.encode(.list(entries.map { .map($0.ipld) })) }

    /// Reads the entries of an audit log (a JSON array) without validating the chain.
    public static func parseAuditLog(
        json: [UInt8], maxBytes: Int = maxAuditLogBytes, maxEntries: Int = maxAuditLogEntries
    ) throws(PLCError) -> [PLCLogEntry] {
        guard json.count <= maxBytes else { throw .tooLarge(bytes: json.count, limit: maxBytes) }
        let value: IPLD
        do { value = try AtprotoJSON.decode(json, maxDepth: SignedPLCOperation.maxDepth + 2) } catch {
            throw .json(error)
        }
        guard case .list(let items) = value else { throw .malformed("audit log is not a list") }
        guard items.count <= maxEntries else {
            throw .entryCount(field: "audit log", count: items.count, allowed: 0...maxEntries)
        }
        var out = [PLCLogEntry]()
        out.reserveCapacity(items.count)
        for item in items { out.append(try PLCLogEntry(ipld: item)) }
        return out
    }

    /// Verifies an audit log by replaying it: every entry names the same DID and its operation's
    /// CID, each operation is accepted by the chain rules at its `createdAt` (no submission
    /// limits; a legacy genesis is allowed), and the `nullified` flags are exactly those the
    /// replay produces.
    public init(verifying auditLog: [PLCLogEntry]) throws(PLCError) {
        guard let first = auditLog.first else { throw .auditMismatch("empty log") }
        var log = PLCLog(did: first.did)
        for (i, e) in auditLog.enumerated() {
            guard e.did == first.did else { throw .auditMismatch("entry \(i) is for another DID") }
            guard e.operation.cid == e.cid else { throw .auditMismatch("entry \(i) cid is not its operation's") }
            log = log.applying(try log.prepare(e.operation, at: e.createdAt, limits: nil))
        }
        for (i, e) in auditLog.enumerated() where log.entries[i].nullified != e.nullified {
            throw .auditMismatch("entry \(i) nullified flag")
        }
        self = log
    }
}
