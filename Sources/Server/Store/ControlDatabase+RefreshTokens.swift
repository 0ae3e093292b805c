// ControlDatabase+RefreshTokens.swift: storing, rotating and revoking refresh sessions.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

extension ControlDatabase {
    /// Stores a newly issued refresh token. Throws `.refreshTokenExists` for a reused id and
    /// `.missingReference` if the account (or the named app password) does not exist.
    public func insertRefreshToken(_ token: RefreshTokenRow) async throws {
        try await atomically { db in
            try await db.insert(into: "refresh_token")
                .columns("id", "did", "expires_at", "app_password_name", "next_id")
                .values(token.id, token.did, StoreTime.millis(token.expiresAt), token.appPasswordName, token.nextId)
                .run()
        }
    }

    /// The stored token with this id, expired or not.
    public func refreshToken(id: String) async throws -> RefreshTokenRow? {
        try await read { db in
            try await db.select().column("*").from("refresh_token").where("id", .equal, id).first()
                .map(RefreshTokenRow.init(row:))
        }
    }

    /// Rotates a refresh token, as `com.atproto.server.refreshSession` does. Returns nil if the token is
    /// unknown (revoked) or expired. Otherwise, in one transaction: deletes the account's expired tokens;
    /// cuts the old token's expiry to `now + grace` (never later than it was); marks its `next_id`, keeping an
    /// existing one so a client retrying inside the grace window gets the same next session; and inserts the
    /// next token (`nextExpiresAt`) unless that retry already did.
    public func rotateRefreshToken(
        id: String, proposedNextId: String, nextExpiresAt: Date, now: Date = Date(),
        grace: Duration = .seconds(2 * 60 * 60)
    ) async throws -> RefreshRotation? {
        let nowMillis = StoreTime.millis(now)
        let graceMillis = grace.components.seconds * 1000 + grace.components.attoseconds / 1_000_000_000_000_000
        for _ in 0..<3 {
            let outcome: RotationOutcome = try await atomically { db in
                guard
                    let old = try await db.select().column("*").from("refresh_token").where("id", .equal, id)
                        .first().map(RefreshTokenRow.init(row:))
                else { return .done(nil) }
                try await db.delete(from: "refresh_token").where("did", .equal, old.did)
                    .where("expires_at", .lessThanOrEqual, nowMillis).run()
                let expiresAt = min(nowMillis + graceMillis, StoreTime.millis(old.expiresAt))
                guard expiresAt > nowMillis else { return .done(nil) }
                let nextId = old.nextId ?? proposedNextId
                // Matches only if nobody else rotated it to a different id since we read it (PostgreSQL's
                // READ COMMITTED can interleave; SQLite's single writer cannot).
                let marked = try await db.update("refresh_token")
                    .set("expires_at", to: expiresAt).set("next_id", to: nextId)
                    .where("id", .equal, id)
                    .where { $0.where("next_id", .is, SQLLiteral.null).orWhere("next_id", .equal, nextId) }
                    .returning("id").first()
                guard marked != nil else { return .raced }
                try await db.insert(into: "refresh_token")
                    .columns("id", "did", "expires_at", "app_password_name", "next_id")
                    .values(nextId, old.did, StoreTime.millis(nextExpiresAt), old.appPasswordName, String?.none)
                    .ignoringConflicts(with: "id")
                    .run()
                return .done(
                    RefreshRotation(
                        did: old.did, appPasswordName: old.appPasswordName, nextId: nextId,
                        reused: old.nextId != nil))
            }
            if case .done(let rotation) = outcome { return rotation }
        }
        return nil
    }

    /// Deletes one token (logout). Returns whether it existed.
    @discardableResult
    public func revokeRefreshToken(id: String) async throws -> Bool {
        try await write { db in
            try await db.delete(from: "refresh_token").where("id", .equal, id).returning("id").first() != nil
        }
    }

    /// Deletes every token of an account (password change, takedown). Returns how many.
    @discardableResult
    public func revokeRefreshTokens(did: String) async throws -> Int {
        try await write { db in
            try await db.delete(from: "refresh_token").where("did", .equal, did).returning("id").all().count
        }
    }

    /// Deletes the tokens opened with one app password. Returns how many.
    @discardableResult
    public func revokeRefreshTokens(did: String, appPasswordName: String) async throws -> Int {
        try await write { db in
            try await db.delete(from: "refresh_token").where("did", .equal, did)
                .where("app_password_name", .equal, appPasswordName).returning("id").all().count
        }
    }

    /// Deletes tokens that expired at or before `now`, for one account or (did nil) all. Returns how many.
    @discardableResult
    public func deleteExpiredRefreshTokens(now: Date = Date(), did: String? = nil) async throws -> Int {
        try await write { db in
            var delete = db.delete(from: "refresh_token").where("expires_at", .lessThanOrEqual, StoreTime.millis(now))
            if let did { delete = delete.where("did", .equal, did) }
            return try await delete.returning("id").all().count
        }
    }
}

/// One rotation attempt: finished (with or without a rotation), or lost a race and must be retried.
private enum RotationOutcome: Sendable {
    case done(RefreshRotation?)
    case raced
}
