// ControlDatabase+AppPasswords.swift: per-account app passwords.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

/// One app password. The password itself is never stored, only its hash.
public struct AppPasswordRow: Sendable, Hashable, CustomStringConvertible {
    /// The account it belongs to.
    public var did: String
    /// Its name, unique within the account.
    public var name: String
    /// The scrypt hash (the auth layer uses a per-account deterministic salt, so login can look it up).
    public var passwordHash: String
    /// When it was created.
    public var createdAt: Date
    /// Whether it may call privileged methods (chat).
    public var privileged: Bool

    /// A row to insert.
    public init(did: String, name: String, passwordHash: String, createdAt: Date = Date(), privileged: Bool = false) {
        self.did = did
        self.name = name
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.privileged = privileged
    }

    init(row: any SQLRow) throws {
        did = try row.decode(column: "did", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        passwordHash = try row.decode(column: "password_hash", as: String.self)
        createdAt = try row.date("created_at")
        privileged = try row.decode(column: "privileged", as: Bool.self)
    }

    /// Leaves out the hash.
    public var description: String { "AppPasswordRow(did: \(did), name: \(name), privileged: \(privileged))" }
}

extension ControlDatabase {
    /// Stores an app password. Throws `.appPasswordExists` if the account has one with this name, and
    /// `.missingReference` if the account does not exist.
    public func createAppPassword(_ password: AppPasswordRow) async throws {
        try await atomically { db in
            try await db.insert(into: "app_password")
                .columns("did", "name", "password_hash", "created_at", "privileged")
                .values(
                    password.did, password.name, password.passwordHash, StoreTime.millis(password.createdAt),
                    password.privileged
                )
                .run()
        }
    }

    /// The account's app passwords, oldest first.
    public func appPasswords(did: String) async throws -> [AppPasswordRow] {
        try await read { db in
            try await db.select().column("*").from("app_password").where("did", .equal, did)
                .orderBy("created_at").orderBy("name").all().map(AppPasswordRow.init(row:))
        }
    }

    /// The account's app password with this name.
    public func appPassword(did: String, name: String) async throws -> AppPasswordRow? {
        try await read { db in
            try await db.select().column("*").from("app_password").where("did", .equal, did)
                .where("name", .equal, name).first().map(AppPasswordRow.init(row:))
        }
    }

    /// The account's app password with this hash: the login lookup.
    public func appPassword(did: String, passwordHash: String) async throws -> AppPasswordRow? {
        try await read { db in
            try await db.select().column("*").from("app_password").where("did", .equal, did)
                .where("password_hash", .equal, passwordHash).first().map(AppPasswordRow.init(row:))
        }
    }

    /// Deletes an app password; the refresh tokens opened with it go too (the foreign key cascades).
    /// Returns whether it existed.
    @discardableResult
    public func deleteAppPassword(did: String, name: String) async throws -> Bool {
        try await write { db in
            try await db.delete(from: "app_password").where("did", .equal, did).where("name", .equal, name)
                .returning("name").first() != nil
        }
    }
}
