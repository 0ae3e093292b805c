// ControlDatabase+Deletion.swift: the control-plane half of deleting an account, and its to-do list.
// Book: docs/13-sessions-and-auth.md ("Deleting an account"), docs/11-sql-schema.md ("account_deletion").
import Foundation
import SQLKit

/// A deletion under way.
public struct PendingDeletion: Sendable, Hashable {
    /// The account's DID.
    public var did: String
    /// Its repo's storage id when the deletion began (nil if it had no repo).
    public var repoID: UInt64?
    /// When it began.
    public var requestedAt: Date
}

extension ControlDatabase {
    /// In one transaction: records that `did`'s deletion is under way and deletes its rows (the
    /// account, with its sessions, app passwords and email tokens by cascade; its signing key and
    /// any key reserved for it; the invite codes it was given, whose uses cascade). `repoID` is
    /// kept for the steps after. Returns false, changing nothing, if there is no such account. The
    /// PLC log stays: it is the directory's public history.
    public func beginAccountDeletion(did: String, repoID: UInt64?, at date: Date = Date()) async throws -> Bool {
        try await atomically { db in
            guard try await db.select().column("did").from("account").where("did", .equal, did).first() != nil else {
                return false
            }
            try await db.insert(into: "account_deletion").columns("did", "repo_id", "requested_at")
                .values(did, repoID.map { Int64(bitPattern: $0) }, StoreTime.millis(date)).run()
            try await db.delete(from: "invite_code").where("for_account", .equal, did).run()
            try await db.delete(from: "repo_signing_key").where("did", .equal, did).run()
            try await db.delete(from: "reserved_signing_key").where("did", .equal, did).run()
            try await db.delete(from: "account").where("did", .equal, did).run()
            return true
        }
    }

    /// The DIDs whose deletion began and has not finished, oldest first.
    public func pendingAccountDeletions() async throws -> [PendingDeletion] {
        try await read { db in
            try await db.select().column("*").from("account_deletion").orderBy("requested_at").all().map {
                PendingDeletion(
                    did: try $0.decode(column: "did", as: String.self),
                    repoID: try $0.decode(column: "repo_id", as: Int64?.self).map { UInt64(bitPattern: $0) },
                    requestedAt: try $0.date("requested_at"))
            }
        }
    }

    /// Whether `did`'s deletion began and has not finished.
    public func isBeingDeleted(did: String) async throws -> Bool {
        try await read { db in
            try await db.select().column("did").from("account_deletion").where("did", .equal, did).first() != nil
        }
    }

    /// Marks `did`'s deletion finished.
    public func finishAccountDeletion(did: String) async throws {
        try await write { db in try await db.delete(from: "account_deletion").where("did", .equal, did).run() }
    }
}

extension ControlStore {
    /// Copies the write-ahead log into the database file and truncates it, so deleted rows'
    /// old page images leave the disk (with `secure_delete`, the file holds zeros where they
    /// were). Best effort: a reader holding an old snapshot keeps the log until it finishes.
    public func checkpoint() async throws {
        _ = try await write { db in try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").all() }
    }
}
