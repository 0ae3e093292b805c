// LocalPLCDirectory.swift: the did:plc directory this PDS keeps in SQL when no PLC URL is configured.
// Book: docs/12-accounts-and-dids.md ("The local PLC directory over HTTP").
import Engine
import Foundation

/// A PLC directory backed by the `plc_operation` table: every decision is `PLCLog`'s, this type only
/// loads a DID's log and stores what `PLCLog.prepare` accepted.
public struct LocalPLCDirectory: Sendable {
    /// The control store holding the logs.
    public let control: ControlStore

    /// A directory over `control`.
    public init(control: ControlStore) { self.control = control }

    /// The DID's whole log as `db` sees it; empty for an unknown DID.
    public static func log(did: DID, in db: some ControlDatabase) async throws -> PLCLog {
        let rows = try await db.plcOperations(did: did.string)
        var entries: [PLCLogEntry] = []
        entries.reserveCapacity(rows.count)
        for row in rows {
            let op = try SignedPLCOperation(json: Array(row.operation.utf8))
            guard let cid = try? CID(string: row.cid) else { throw PLCError.malformed("stored cid") }
            entries.append(
                PLCLogEntry(
                    did: did, operation: op, cid: cid, nullified: row.nullified,
                    createdAt: Datetime(microsecondsSinceEpoch: millis(row.createdAt) * 1000)))
        }
        return PLCLog(did: did, trustedEntries: entries)
    }

    /// The DID's log from committed data.
    public func log(did: DID) async throws -> PLCLog { try await Self.log(did: did, in: control) }

    /// Validates `op` against the DID's log and records it, in one transaction (SQLite's single
    /// writer orders racing submissions, so two can not extend the same head).
    public func submit(_ op: SignedPLCOperation, did: DID, limits: PLCLimits? = .default) async throws {
        try await control.transaction { tx in try await Self.submit(op, did: did, in: tx, limits: limits) }
    }

    /// Validates and records `op` inside the caller's transaction `db`.
    ///
    /// Times are kept in milliseconds, and each entry's must be later than the one before, so an
    /// operation in the same millisecond as the head is stamped one millisecond after it.
    public static func submit(
        _ op: SignedPLCOperation, did: DID, in db: some ControlDatabase, limits: PLCLimits? = .default
    ) async throws {
        let log = try await log(did: did, in: db)
        var now = millis(Date())
        if let head = log.lastEntry { now = max(now, head.createdAt.microsecondsSinceEpoch / 1000 + 1) }
        let accepted = try log.prepare(op, at: Datetime(microsecondsSinceEpoch: now * 1000), limits: limits)
        if let first = accepted.nullified.first, let at = log.entries.firstIndex(where: { $0.cid == first }) {
            // Entries were loaded in seq order from 0, so an entry's index is its seq.
            try await db.nullifyPLCOperations(did: did.string, after: Int64(at) - 1)
        }
        try await db.appendPLCOperation(
            did: did.string, cid: accepted.entry.cid.string, operation: op.jsonString,
            createdAt: Date(timeIntervalSince1970: Double(now) / 1000))
    }

    /// Whole milliseconds since the epoch, rounded (stored dates are whole milliseconds).
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
