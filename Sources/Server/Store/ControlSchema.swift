// ControlSchema.swift: the control-plane tables and indexes, as migrations.
// Book: docs/11-sql-schema.md (one section per table explains its columns and indexes).
import SQLKit

/// The control-plane schema. Types are limited to TEXT, BIGINT (SQLite: INTEGER) and BOOLEAN (SQLite stores
/// 0/1), timestamps are BIGINT milliseconds, and every statement is built with SQLKit so the same migrations
/// run on PostgreSQL.
public enum ControlSchema {
    /// Every migration, in order. Append only.
    public static let migrations: [ControlMigration] = [
        ControlMigration("0001_control_plane", apply: createControlPlane),
        ControlMigration("0002_repo_signing_key", apply: createSigningKeys),
        ControlMigration("0003_account_deletion", apply: createAccountDeletions),
        ControlMigration("0004_reserved_signing_key", apply: createReservedSigningKeys),
    ]

    static let boolean = SQLDataType.custom(SQLRaw("BOOLEAN"))
    static let key = SQLColumnConstraintAlgorithm.primaryKey(autoIncrement: false)

    @Sendable static func createControlPlane(_ db: any SQLDatabase) async throws {
        try await db.create(table: "account")
            .column("did", type: .text, key, .notNull)
            .column("handle", type: .text)  // lowercased; NULL while an account has no handle
            .column("email", type: .text)  // lowercased, so the unique index is case-insensitive
            .column("password_hash", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("email_confirmed_at", type: .bigint)
            .column("deactivated_at", type: .bigint)
            .column("delete_after", type: .bigint)
            .column("takedown_ref", type: .text)
            .column("invites_disabled", type: boolean, .notNull, .default(false))
            .run()
        try await index(db, "account_handle_key", unique: true, on: "account", "handle")
        try await index(db, "account_email_key", unique: true, on: "account", "email")

        try await db.create(table: "app_password")
            .column("did", type: .text, .notNull, .references("account", "did", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("privileged", type: boolean, .notNull, .default(false))
            .primaryKey("did", "name")
            .run()

        try await db.create(table: "refresh_token")
            .column("id", type: .text, key, .notNull)
            .column("did", type: .text, .notNull, .references("account", "did", onDelete: .cascade))
            .column("expires_at", type: .bigint, .notNull)
            .column("app_password_name", type: .text)
            .column("next_id", type: .text)
            // NULL app_password_name (a main-password session) leaves the key unchecked (MATCH SIMPLE).
            .foreignKey(["did", "app_password_name"], references: "app_password", ["did", "name"], onDelete: .cascade)
            .run()
        try await index(db, "refresh_token_did_idx", on: "refresh_token", "did", "app_password_name")
        try await index(db, "refresh_token_expires_at_idx", on: "refresh_token", "expires_at")

        try await db.create(table: "invite_code")
            .column("code", type: .text, key, .notNull)
            .column("available_uses", type: .bigint, .notNull)  // uses left; decremented by each use
            .column("disabled", type: boolean, .notNull, .default(false))
            .column("for_account", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .check(
                SQLBinaryExpression(SQLIdentifier("available_uses"), .greaterThanOrEqual, SQLLiteral.numeric("0")),
                named: "invite_code_available_uses_check"
            )
            .run()
        try await index(db, "invite_code_for_account_idx", on: "invite_code", "for_account")
        try await index(db, "invite_code_created_at_idx", on: "invite_code", "created_at", "code")

        try await db.create(table: "invite_code_use")
            .column("code", type: .text, .notNull, .references("invite_code", "code", onDelete: .cascade))
            .column("used_by", type: .text, .notNull)
            .column("used_at", type: .bigint, .notNull)
            .primaryKey("code", "used_by")
            .run()
        try await index(db, "invite_code_use_used_by_idx", on: "invite_code_use", "used_by")

        try await db.create(table: "email_token")
            .column("purpose", type: .text, .notNull)
            .column("did", type: .text, .notNull, .references("account", "did", onDelete: .cascade))
            .column("token", type: .text, .notNull)
            .column("requested_at", type: .bigint, .notNull)
            .primaryKey("purpose", "did")
            .run()
        try await index(db, "email_token_token_key", unique: true, on: "email_token", "purpose", "token")
        try await index(db, "email_token_did_idx", on: "email_token", "did")

        try await db.create(table: "plc_operation")
            .column("did", type: .text, .notNull)
            .column("seq", type: .bigint, .notNull)
            .column("cid", type: .text, .notNull)
            .column("operation", type: .text, .notNull)  // the signed operation as JSON
            .column("nullified", type: boolean, .notNull, .default(false))
            .column("created_at", type: .bigint, .notNull)
            .primaryKey("did", "seq")
            .run()
        try await index(db, "plc_operation_cid_key", unique: true, on: "plc_operation", "did", "cid")
    }

    /// Each repo's signing key (the key in its DID document's `#atproto` verification method).
    @Sendable static func createSigningKeys(_ db: any SQLDatabase) async throws {
        try await db.create(table: "repo_signing_key")
            .column("did", type: .text, key, .notNull)
            .column("key_type", type: .text, .notNull)  // "k256" or "p256"
            .column("private_key", type: .text, .notNull)  // 32 bytes, hex
            .column("created_at", type: .bigint, .notNull)
            .run()
    }

    /// Deletions under way: a row is written with the removal of the account's rows and deleted
    /// when the repo, events, blobs and DID are gone too, so a crash in between is finished at the
    /// next start (docs/13-sessions-and-auth.md, "Deleting an account").
    @Sendable static func createAccountDeletions(_ db: any SQLDatabase) async throws {
        try await db.create(table: "account_deletion")
            .column("did", type: .text, key, .notNull)
            .column("repo_id", type: .bigint)  // the repo's storage id, for scrubbing its key range
            .column("requested_at", type: .bigint, .notNull)
            .run()
    }

    /// Signing keys handed out by `reserveSigningKey` before the account that will use them exists.
    @Sendable static func createReservedSigningKeys(_ db: any SQLDatabase) async throws {
        try await db.create(table: "reserved_signing_key")
            .column("key_did", type: .text, key, .notNull)  // the public key as did:key
            .column("did", type: .text)  // the DID it was reserved for; NULL when reserved without one
            .column("key_type", type: .text, .notNull)  // "k256" or "p256"
            .column("private_key", type: .text, .notNull)  // 32 bytes, hex
            .column("created_at", type: .bigint, .notNull)
            .run()
        // NULLs are distinct in a unique index (SQLite and PostgreSQL alike): one key per DID, any
        // number reserved without one.
        try await index(db, "reserved_signing_key_did_key", unique: true, on: "reserved_signing_key", "did")
        try await index(db, "reserved_signing_key_created_at_idx", on: "reserved_signing_key", "created_at")
    }

    /// CREATE [UNIQUE] INDEX name ON table (columns).
    static func index(
        _ db: any SQLDatabase, _ name: String, unique: Bool = false, on table: String, _ columns: String...
    ) async throws {
        var builder = db.create(index: name).on(table)
        if unique { builder = builder.unique() }
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
