// ControlDatabase+Accounts.swift: creating, finding and changing `account` rows.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

extension ControlDatabase {
    /// Inserts an account. Uniqueness is left to the database, so two racing sign-ups cannot both win:
    /// throws `StoreError.accountExists`, `.handleTaken` or `.emailTaken`.
    @discardableResult
    public func createAccount(_ account: NewAccount) async throws -> AccountRow {
        try await atomically { db in
            let row = try await db.insert(into: "account")
                .columns(
                    "did", "handle", "email", "password_hash", "created_at", "deactivated_at", "delete_after",
                    "invites_disabled"
                )
                .values(
                    account.did, account.handle?.lowercased(), account.email?.lowercased(), account.passwordHash,
                    StoreTime.millis(account.createdAt), account.deactivatedAt.map(StoreTime.millis),
                    account.deleteAfter.map(StoreTime.millis), false
                )
                .returning("*").first()
            guard let row else { throw StoreError.database(code: "insert", message: "no row returned") }
            return try AccountRow(row: row)
        }
    }

    /// The account with this DID, whatever its status.
    public func account(did: String) async throws -> AccountRow? {
        try await account(where: "did", is: did)
    }

    /// The account with this handle (compared lowercased), whatever its status.
    public func account(handle: String) async throws -> AccountRow? {
        try await account(where: "handle", is: handle.lowercased())
    }

    /// The account with this email address (compared lowercased), whatever its status.
    public func account(email: String) async throws -> AccountRow? {
        try await account(where: "email", is: email.lowercased())
    }

    private func account(where column: String, is value: String) async throws -> AccountRow? {
        try await read { db in
            try await db.select().column("*").from("account").where(column, .equal, value).first()
                .map(AccountRow.init(row:))
        }
    }

    /// Sets or clears the handle. Throws `.handleTaken` or `.accountNotFound`.
    public func updateHandle(did: String, handle: String?) async throws {
        try await updateAccount(did: did) { $0.set("handle", to: handle?.lowercased()) }
    }

    /// Sets the email address and clears its confirmation. Throws `.emailTaken` or `.accountNotFound`.
    public func updateEmail(did: String, email: String) async throws {
        let none: Int64? = nil
        try await updateAccount(did: did) {
            $0.set("email", to: email.lowercased()).set("email_confirmed_at", to: none)
        }
    }

    /// Records that the email address was confirmed. Throws `.accountNotFound`.
    public func confirmEmail(did: String, at date: Date = Date()) async throws {
        try await updateAccount(did: did) { $0.set("email_confirmed_at", to: StoreTime.millis(date)) }
    }

    /// Replaces the password hash. Sessions are not touched: revoke them with `revokeRefreshTokens(did:)`
    /// in the same transaction. Throws `.accountNotFound`.
    public func updatePassword(did: String, passwordHash: String) async throws {
        try await updateAccount(did: did) { $0.set("password_hash", to: passwordHash) }
    }

    /// Deactivates (`at` non-nil) or reactivates (`at` nil, which also clears `deleteAfter`) the account.
    public func setDeactivated(did: String, at date: Date?, deleteAfter: Date? = nil) async throws {
        try await updateAccount(did: did) {
            $0.set("deactivated_at", to: date.map(StoreTime.millis))
                .set("delete_after", to: date == nil ? nil : deleteAfter.map(StoreTime.millis))
        }
    }

    /// Takes the account down under a moderation reference, or lifts the takedown (`ref` nil).
    public func setTakedown(did: String, ref: String?) async throws {
        try await updateAccount(did: did) { $0.set("takedown_ref", to: ref) }
    }

    /// Stops or restores the account's ability to create invite codes.
    public func setInvitesDisabled(did: String, _ disabled: Bool) async throws {
        try await updateAccount(did: did) { $0.set("invites_disabled", to: disabled) }
    }

    /// Deletes the account; its refresh tokens, app passwords and email tokens go with it (foreign keys
    /// cascade). Invite uses and PLC operations stay. Returns whether a row was deleted.
    @discardableResult
    public func deleteAccount(did: String) async throws -> Bool {
        try await write { db in
            try await db.delete(from: "account").where("did", .equal, did).returning("did").first() != nil
        }
    }

    /// One UPDATE of the row with this DID; `.accountNotFound` if there is none.
    private func updateAccount(
        did: String, _ assignments: @escaping @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws {
        let updated = try await atomically { db in
            try await assignments(db.update("account")).where("did", .equal, did).returning("did").first() != nil
        }
        guard updated else { throw StoreError.accountNotFound }
    }
}
