// ControlDatabase+SigningKeys.swift: each repo's signing key. Book: docs/11-sql-schema.md ("repo_signing_key").
import Foundation
import SQLKit

/// A stored signing key: its curve and raw 32-byte private scalar.
public struct SigningKeyRow: Sendable, Hashable, CustomStringConvertible {
    /// The repo's DID.
    public var did: String
    /// `k256` or `p256`.
    public var keyType: String
    /// The private key, hex.
    public var privateKeyHex: String

    /// A row.
    public init(did: String, keyType: String, privateKeyHex: String) {
        self.did = did
        self.keyType = keyType
        self.privateKeyHex = privateKeyHex
    }

    /// Leaves out the key.
    public var description: String { "SigningKeyRow(did: \(did), keyType: \(keyType))" }
}

extension ControlDatabase {
    /// Stores a repo's signing key, replacing any earlier one (key rotation).
    public func putSigningKey(_ key: SigningKeyRow, at date: Date = Date()) async throws {
        try await atomically { db in
            try await db.delete(from: "repo_signing_key").where("did", .equal, key.did).run()
            try await db.insert(into: "repo_signing_key").columns("did", "key_type", "private_key", "created_at")
                .values(key.did, key.keyType, key.privateKeyHex, StoreTime.millis(date)).run()
        }
    }

    /// The repo's signing key, if stored.
    public func signingKey(did: String) async throws -> SigningKeyRow? {
        try await read { db in
            try await db.select().column("*").from("repo_signing_key").where("did", .equal, did).first().map { row in
                SigningKeyRow(
                    did: try row.decode(column: "did", as: String.self),
                    keyType: try row.decode(column: "key_type", as: String.self),
                    privateKeyHex: try row.decode(column: "private_key", as: String.self))
            }
        }
    }

    /// Forgets a repo's signing key.
    public func deleteSigningKey(did: String) async throws {
        try await write { db in try await db.delete(from: "repo_signing_key").where("did", .equal, did).run() }
    }
}
