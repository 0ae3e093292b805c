// ControlDatabase+EmailTokens.swift: one-time codes mailed for confirmation, updates, resets and deletion.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

/// What an email token authorises; the raw values are the reference PDS's.
public enum EmailTokenPurpose: String, Sendable, Hashable, CaseIterable {
    /// `com.atproto.server.confirmEmail`.
    case confirmEmail = "confirm_email"
    /// `com.atproto.server.updateEmail`.
    case updateEmail = "update_email"
    /// `com.atproto.server.resetPassword`.
    case resetPassword = "reset_password"
    /// `com.atproto.server.deleteAccount`.
    case deleteAccount = "delete_account"
    /// `com.atproto.identity.signPlcOperation`.
    case plcOperation = "plc_operation"
}

/// One outstanding email token: at most one per (purpose, account).
public struct EmailTokenRow: Sendable, Hashable, CustomStringConvertible {
    /// What it authorises.
    public var purpose: EmailTokenPurpose
    /// The account it was sent for.
    public var did: String
    /// The token text, as the caller normalised it (the auth layer uppercases).
    public var token: String
    /// When it was requested; the auth layer decides when that is too long ago.
    public var requestedAt: Date

    init(row: any SQLRow) throws {
        let raw = try row.decode(column: "purpose", as: String.self)
        guard let purpose = EmailTokenPurpose(rawValue: raw) else {
            throw StoreError.database(code: "decode", message: "unknown email token purpose \(raw)")
        }
        self.purpose = purpose
        did = try row.decode(column: "did", as: String.self)
        token = try row.decode(column: "token", as: String.self)
        requestedAt = try row.date("requested_at")
    }

    /// Leaves out the token.
    public var description: String { "EmailTokenRow(purpose: \(purpose.rawValue), did: \(did))" }
}

extension ControlDatabase {
    /// Stores a token, replacing the account's previous one for the same purpose. Throws `.emailTokenExists`
    /// if another account holds the same text for this purpose (draw a new one), `.missingReference` if the
    /// account does not exist.
    public func putEmailToken(
        purpose: EmailTokenPurpose, did: String, token: String, requestedAt: Date = Date()
    ) async throws {
        try await atomically { db in
            try await db.insert(into: "email_token").columns("purpose", "did", "token", "requested_at")
                .values(purpose.rawValue, did, token, StoreTime.millis(requestedAt))
                .onConflict(with: ["purpose", "did"]) {
                    $0.set(excludedValueOf: "token").set(excludedValueOf: "requested_at")
                }
                .run()
        }
    }

    /// The account's token for a purpose.
    public func emailToken(purpose: EmailTokenPurpose, did: String) async throws -> EmailTokenRow? {
        try await read { db in
            try await db.select().column("*").from("email_token").where("purpose", .equal, purpose.rawValue)
                .where("did", .equal, did).first().map(EmailTokenRow.init(row:))
        }
    }

    /// The token with this text for a purpose (password reset finds the account this way).
    public func emailToken(purpose: EmailTokenPurpose, token: String) async throws -> EmailTokenRow? {
        try await read { db in
            try await db.select().column("*").from("email_token").where("purpose", .equal, purpose.rawValue)
                .where("token", .equal, token).first().map(EmailTokenRow.init(row:))
        }
    }

    /// Deletes the account's token for a purpose (it was used). Returns whether it existed.
    @discardableResult
    public func deleteEmailToken(purpose: EmailTokenPurpose, did: String) async throws -> Bool {
        try await write { db in
            try await db.delete(from: "email_token").where("purpose", .equal, purpose.rawValue)
                .where("did", .equal, did).returning("did").first() != nil
        }
    }

    /// Deletes all of the account's tokens (after an email change). Returns how many.
    @discardableResult
    public func deleteEmailTokens(did: String) async throws -> Int {
        try await write { db in
            try await db.delete(from: "email_token").where("did", .equal, did).returning("did").all().count
        }
    }
}
