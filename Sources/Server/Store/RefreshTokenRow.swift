// RefreshTokenRow.swift: rows of `refresh_token`, and what a rotation returns.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

/// A stored refresh session: the JWT itself is not stored, only its `jti` and what rotation needs.
public struct RefreshTokenRow: Sendable, Hashable {
    /// The token's `jti` (primary key).
    public var id: String
    /// The account it was issued to.
    public var did: String
    /// When it stops being accepted; cut to the grace period once rotated.
    public var expiresAt: Date
    /// The app password the session was opened with; nil for the account password.
    public var appPasswordName: String?
    /// The `jti` of the token that replaced it, once rotated.
    public var nextId: String?

    /// A row to insert (`nextId` nil).
    public init(id: String, did: String, expiresAt: Date, appPasswordName: String? = nil, nextId: String? = nil) {
        self.id = id
        self.did = did
        self.expiresAt = expiresAt
        self.appPasswordName = appPasswordName
        self.nextId = nextId
    }

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        did = try row.decode(column: "did", as: String.self)
        expiresAt = try row.date("expires_at")
        appPasswordName = try row.decode(column: "app_password_name", as: String?.self)
        nextId = try row.decode(column: "next_id", as: String?.self)
    }
}

/// The outcome of `rotateRefreshToken`: mint the new refresh JWT with `nextId` as its `jti`.
public struct RefreshRotation: Sendable, Hashable {
    /// The account the session belongs to.
    public var did: String
    /// Carried over so the new tokens keep the old ones' scope class.
    public var appPasswordName: String?
    /// The `jti` for the new refresh token.
    public var nextId: String
    /// True if the old token had already been rotated (a retry inside the grace window): `nextId` is the
    /// earlier rotation's, so both retries end up holding the same session.
    public var reused: Bool
}
