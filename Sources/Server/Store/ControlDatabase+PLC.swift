// ControlDatabase+PLC.swift: the local PLC directory's operation log, one ordered chain per DID.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

/// One signed did:plc operation as the local directory recorded it.
public struct PLCOperationRow: Sendable, Hashable {
    /// The DID the operation belongs to.
    public var did: String
    /// Its position in the DID's log: 0 for genesis, then 1, 2, ...
    public var seq: Int64
    /// The CID of the signed operation (DAG-CBOR, sha-256), as a string.
    public var cid: String
    /// The signed operation as JSON text, exactly as received or built.
    public var operation: String
    /// Whether a later recovery operation invalidated it.
    public var nullified: Bool
    /// When the directory accepted it.
    public var createdAt: Date

    init(row: any SQLRow) throws {
        did = try row.decode(column: "did", as: String.self)
        seq = try row.decode(column: "seq", as: Int64.self)
        cid = try row.decode(column: "cid", as: String.self)
        operation = try row.decode(column: "operation", as: String.self)
        nullified = try row.decode(column: "nullified", as: Bool.self)
        createdAt = try row.date("created_at")
    }
}

extension ControlDatabase {
    /// Appends an operation after the DID's last one and returns the stored row. Validation (signature, `prev`)
    /// is the identity layer's job. Throws `.plcOperationConflict` if the CID is already in the DID's log or
    /// another writer appended at the same position first.
    @discardableResult
    public func appendPLCOperation(
        did: String, cid: String, operation: String, createdAt: Date = Date()
    ) async throws -> PLCOperationRow {
        try await atomically { db in
            let last = try await db.select().column("seq").from("plc_operation").where("did", .equal, did)
                .orderBy("seq", .descending).limit(1).first(decodingColumn: "seq", as: Int64.self)
            let row = try await db.insert(into: "plc_operation")
                .columns("did", "seq", "cid", "operation", "nullified", "created_at")
                .values(did, (last ?? -1) + 1, cid, operation, false, StoreTime.millis(createdAt))
                .returning("*").first()
            guard let row else { throw StoreError.database(code: "insert", message: "no row returned") }
            return try PLCOperationRow(row: row)
        }
    }

    /// The DID's whole log in order, nullified operations included unless `includeNullified` is false.
    public func plcOperations(did: String, includeNullified: Bool = true) async throws -> [PLCOperationRow] {
        try await read { db in
            var query = db.select().column("*").from("plc_operation").where("did", .equal, did)
            if !includeNullified { query = query.where("nullified", .equal, false) }
            return try await query.orderBy("seq").all().map(PLCOperationRow.init(row:))
        }
    }

    /// The DID's latest operation that is not nullified: the head of its chain, or nil for an unknown DID.
    public func lastPLCOperation(did: String) async throws -> PLCOperationRow? {
        try await read { db in
            try await db.select().column("*").from("plc_operation").where("did", .equal, did)
                .where("nullified", .equal, false).orderBy("seq", .descending).limit(1).first()
                .map(PLCOperationRow.init(row:))
        }
    }

    /// The operation with this CID in the DID's log, if any.
    public func plcOperation(did: String, cid: String) async throws -> PLCOperationRow? {
        try await read { db in
            try await db.select().column("*").from("plc_operation").where("did", .equal, did)
                .where("cid", .equal, cid).first().map(PLCOperationRow.init(row:))
        }
    }

    /// Marks every operation after position `seq` as nullified (a recovery operation forked the chain there).
    /// Returns how many were marked.
    @discardableResult
    public func nullifyPLCOperations(did: String, after seq: Int64) async throws -> Int {
        try await write { db in
            try await db.update("plc_operation").set("nullified", to: true).where("did", .equal, did)
                .where("seq", .greaterThan, seq).where("nullified", .equal, false).returning("seq").all().count
        }
    }
}
