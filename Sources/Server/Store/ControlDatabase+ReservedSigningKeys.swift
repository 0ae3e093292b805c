// ControlDatabase+ReservedSigningKeys.swift: repo signing keys reserved before their account exists.
// Book: docs/11-sql-schema.md ("reserved_signing_key"), docs/12-accounts-and-dids.md ("Reserving a signing key").
import Foundation
import SQLKit

/// One reserved key: made by `reserveSigningKey`, waiting for the account (a DID moving here) that
/// will sign its repo with it.
public struct ReservedSigningKeyRow: Sendable, Hashable, CustomStringConvertible {
    /// The public key as `did:key`, the primary key.
    public var keyDID: String
    /// The DID it was reserved for; nil when it was reserved without one.
    public var did: String?
    /// `k256` or `p256`.
    public var keyType: String
    /// The private key, hex.
    public var privateKeyHex: String
    /// When it was reserved; it lapses `ReservedSigningKeyRow.lifetime` later.
    public var createdAt: Date

    /// How long a reservation lasts: long enough for a migration that waits on email round trips
    /// and a weekend, short enough that abandoned reservations do not pile up.
    public static let lifetime: TimeInterval = 7 * 24 * 3600

    /// The most reservations alive at once: past this, new ones are refused until some lapse, so an
    /// unauthenticated caller cannot grow the table without bound.
    public static let maxOutstanding = 10_000

    /// A row.
    public init(keyDID: String, did: String?, keyType: String, privateKeyHex: String, createdAt: Date) {
        self.keyDID = keyDID
        self.did = did
        self.keyType = keyType
        self.privateKeyHex = privateKeyHex
        self.createdAt = createdAt
    }

    init(row: any SQLRow) throws {
        keyDID = try row.decode(column: "key_did", as: String.self)
        did = try row.decode(column: "did", as: String?.self)
        keyType = try row.decode(column: "key_type", as: String.self)
        privateKeyHex = try row.decode(column: "private_key", as: String.self)
        createdAt = try row.date("created_at")
    }

    /// Leaves out the private key.
    public var description: String {
        "ReservedSigningKeyRow(keyDID: \(keyDID), did: \(did ?? "nil"), keyType: \(keyType))"
    }

    /// The stored `created_at` below which a reservation has lapsed at `now`.
    static func cutoff(_ now: Date, _ lifetime: TimeInterval) -> Int64 {
        StoreTime.millis(now.addingTimeInterval(-lifetime))
    }
}

extension ControlDatabase {
    /// Reserves `candidate`, in one transaction: lapsed reservations are deleted first; if
    /// `candidate.did` already holds a live reservation, that one is returned and `candidate` is
    /// dropped (one key per DID, so asking again gives the same key); otherwise `candidate` is
    /// stored and returned. Returns nil, storing nothing, when `limit` reservations are alive.
    public func reserveSigningKey(
        _ candidate: ReservedSigningKeyRow, lifetime: TimeInterval = ReservedSigningKeyRow.lifetime,
        limit: Int = ReservedSigningKeyRow.maxOutstanding
    ) async throws -> ReservedSigningKeyRow? {
        try await atomically { db in
            let cutoff = ReservedSigningKeyRow.cutoff(candidate.createdAt, lifetime)
            try await db.delete(from: "reserved_signing_key").where("created_at", .lessThanOrEqual, cutoff).run()
            if let did = candidate.did,
                let existing = try await db.select().column("*").from("reserved_signing_key")
                    .where("did", .equal, did).first()
            {
                return try ReservedSigningKeyRow(row: existing)
            }
            let live =
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("reserved_signing_key").first()?.decode(column: "n", as: Int.self) ?? 0
            guard live < limit else { return nil }
            try await db.insert(into: "reserved_signing_key")
                .columns("key_did", "did", "key_type", "private_key", "created_at")
                .values(
                    candidate.keyDID, candidate.did, candidate.keyType, candidate.privateKeyHex,
                    StoreTime.millis(candidate.createdAt)
                )
                .run()
            return candidate
        }
    }

    /// The live reservation made for `did`, if any.
    public func reservedSigningKey(
        did: String, now: Date = Date(), lifetime: TimeInterval = ReservedSigningKeyRow.lifetime
    ) async throws -> ReservedSigningKeyRow? {
        try await reserved(column: "did", is: did, now: now, lifetime: lifetime)
    }

    /// The live reservation of the key `keyDID` (a `did:key`), if any.
    public func reservedSigningKey(
        keyDID: String, now: Date = Date(), lifetime: TimeInterval = ReservedSigningKeyRow.lifetime
    ) async throws -> ReservedSigningKeyRow? {
        try await reserved(column: "key_did", is: keyDID, now: now, lifetime: lifetime)
    }

    /// Removes and returns the live reservation made for `did`: what account creation for an
    /// existing DID (migration in) calls, in its own transaction, to sign the new repo with the key
    /// the DID document already names. A lapsed one is removed too, and nil returned.
    public func takeReservedSigningKey(
        did: String, now: Date = Date(), lifetime: TimeInterval = ReservedSigningKeyRow.lifetime
    ) async throws -> ReservedSigningKeyRow? {
        try await take(column: "did", is: did, now: now, lifetime: lifetime)
    }

    /// Removes and returns the live reservation of the key `keyDID`: the fallback when the key was
    /// reserved without a DID and the DID document names it as `#atproto`.
    public func takeReservedSigningKey(
        keyDID: String, now: Date = Date(), lifetime: TimeInterval = ReservedSigningKeyRow.lifetime
    ) async throws -> ReservedSigningKeyRow? {
        try await take(column: "key_did", is: keyDID, now: now, lifetime: lifetime)
    }

    private func reserved(column: String, is value: String, now: Date, lifetime: TimeInterval) async throws
        -> ReservedSigningKeyRow?
    {
        try await read { db in
            try await db.select().column("*").from("reserved_signing_key").where(column, .equal, value)
                .where("created_at", .greaterThan, ReservedSigningKeyRow.cutoff(now, lifetime))
                .first().map(ReservedSigningKeyRow.init(row:))
        }
    }

    private func take(column: String, is value: String, now: Date, lifetime: TimeInterval) async throws
        -> ReservedSigningKeyRow?
    {
        let row = try await write { db in
            try await db.delete(from: "reserved_signing_key").where(column, .equal, value)
                .returning("*").first().map(ReservedSigningKeyRow.init(row:))
        }
        guard let row, StoreTime.millis(row.createdAt) > ReservedSigningKeyRow.cutoff(now, lifetime) else { return nil }
        return row
    }
}
