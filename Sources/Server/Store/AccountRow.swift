// AccountRow.swift: the `account` table's row, and what creating one takes.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

/// One hosted account as the control plane records it. Repo state (root, rev) is not here: it lives in
/// RocksDB.
public struct AccountRow: Sendable, Hashable, CustomStringConvertible {
    /// The account's DID (primary key).
    public var did: String
    /// The handle, lowercased; nil while the account has none.
    public var handle: String?
    /// The email address, lowercased.
    public var email: String?
    /// The password's scrypt hash as the auth layer formats it; nil if the account cannot log in by password.
    public var passwordHash: String?
    /// When the account was created.
    public var createdAt: Date
    /// When the email address was confirmed; nil until then, and again after it changes.
    public var emailConfirmedAt: Date?
    /// When the account was deactivated; nil while active.
    public var deactivatedAt: Date?
    /// When a deactivated account may be deleted, if the owner asked for that.
    public var deleteAfter: Date?
    /// The moderation reference of a takedown; nil unless taken down.
    public var takedownRef: String?
    /// Whether the account may no longer create invite codes.
    public var invitesDisabled: Bool

    /// Neither deactivated nor taken down.
    public var isActive: Bool { deactivatedAt == nil && takedownRef == nil }

    /// Leaves out the email address and password hash.
    public var description: String {
        "AccountRow(did: \(did), handle: \(handle ?? "nil"), active: \(isActive))"
    }

    init(row: any SQLRow) throws {
        did = try row.decode(column: "did", as: String.self)
        handle = try row.decode(column: "handle", as: String?.self)
        email = try row.decode(column: "email", as: String?.self)
        passwordHash = try row.decode(column: "password_hash", as: String?.self)
        createdAt = try row.date("created_at")
        emailConfirmedAt = try row.optionalDate("email_confirmed_at")
        deactivatedAt = try row.optionalDate("deactivated_at")
        deleteAfter = try row.optionalDate("delete_after")
        takedownRef = try row.decode(column: "takedown_ref", as: String?.self)
        invitesDisabled = try row.decode(column: "invites_disabled", as: Bool.self)
    }
}

/// What `createAccount` stores. Handle and email are lowercased on the way in.
public struct NewAccount: Sendable, Hashable, CustomStringConvertible {
    /// The account's DID.
    public var did: String
    /// The handle, if it has one yet.
    public var handle: String?
    /// The email address.
    public var email: String?
    /// The password's scrypt hash (hashing happens in the auth layer).
    public var passwordHash: String?
    /// Creation time.
    public var createdAt: Date
    /// Set for an account created deactivated (migration in).
    public var deactivatedAt: Date?
    /// With `deactivatedAt`: when it may be deleted if never activated.
    public var deleteAfter: Date?

    /// A new account.
    public init(
        did: String, handle: String?, email: String?, passwordHash: String?, createdAt: Date = Date(),
        deactivatedAt: Date? = nil, deleteAfter: Date? = nil
    ) {
        self.did = did
        self.handle = handle
        self.email = email
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.deactivatedAt = deactivatedAt
        self.deleteAfter = deleteAfter
    }

    /// Leaves out the email address and password hash.
    public var description: String { "NewAccount(did: \(did), handle: \(handle ?? "nil"))" }
}
