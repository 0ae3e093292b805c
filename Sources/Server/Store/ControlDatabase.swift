// ControlDatabase.swift: what the typed queries run against, the store or an open transaction.
// Book: docs/11-sql-schema.md.
import Logging
import SQLKit
import SQLiteKit

/// Where the typed control-plane queries (`createAccount`, `useInviteCode`, ...) run: the `ControlStore`
/// itself, or a `ControlTransaction` so that several of them commit together.
public protocol ControlDatabase: Sendable {
    /// Runs statements that only read; on the store they see committed data, in a transaction its own writes.
    func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    /// Runs statements that write; on the store each one commits by itself, in a transaction with it.
    func write<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    /// Runs statements that commit or roll back together: a transaction on the store, a savepoint in one.
    func atomically<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R
}

/// An open transaction on the writer connection, lent to the body of `ControlStore.transaction { }`.
///
/// Use it only inside that body: it must not escape, and the body must not call the store's own
/// `write`, `atomically` or `transaction` (that would wait for the connection the body holds; it traps).
public struct ControlTransaction: ControlDatabase {
    /// The transaction's connection as SQLKit sees it, for statements the typed API does not cover.
    public let sql: any SQLDatabase
    let connection: SQLiteConnection
    let logger: Logger

    /// Runs `body` on the transaction's connection; it sees the transaction's own writes.
    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await StoreError.mapping { try await body(sql) }
    }

    /// Runs `body` on the transaction's connection, as part of the transaction.
    public func write<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await StoreError.mapping { try await body(sql) }
    }

    /// Runs `body` inside a savepoint: if it throws, its statements are undone and the transaction goes on.
    public func atomically<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // Savepoints stack by name in SQLite and PostgreSQL alike, so one name serves every nesting depth.
        try await connection.control("SAVEPOINT control_atomic", logger: logger)
        do {
            let result = try await StoreError.mapping { try await body(sql) }
            try await connection.control("RELEASE SAVEPOINT control_atomic", logger: logger)
            return result
        } catch {
            try await connection.control("ROLLBACK TO SAVEPOINT control_atomic", logger: logger)
            try await connection.control("RELEASE SAVEPOINT control_atomic", logger: logger)
            throw error
        }
    }
}

extension SQLiteConnection {
    /// Runs a transaction-control statement (BEGIN, COMMIT, ROLLBACK, SAVEPOINT ...) on the store's thread
    /// pool even if the calling task is cancelled, so a cancelled task cannot leave a transaction open.
    func control(_ statement: String, logger: Logger) async throws {
        do {
            try await query(statement, [], logger: logger) { _ in }.get()
        } catch let error as SQLiteError {
            throw StoreError(error)
        }
    }
}
