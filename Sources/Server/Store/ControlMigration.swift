// ControlMigration.swift: named, ordered schema changes, recorded in `schema_migrations`.
// Book: docs/11-sql-schema.md.
import Foundation
import Logging
import SQLKit
import SQLiteKit

/// One named change to the control schema. Names are recorded once applied; never rename or edit a
/// migration that has shipped, add a new one after it.
public struct ControlMigration: Sendable {
    /// Unique name, conventionally `NNNN_what` so the list reads in order.
    public let name: String
    /// The change, written with SQLKit's builders so it runs on SQLite and PostgreSQL alike.
    public let apply: @Sendable (any SQLDatabase) async throws -> Void

    /// A migration.
    public init(_ name: String, apply: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.name = name
        self.apply = apply
    }
}

/// Applies the migrations a database lacks, each in its own transaction.
enum ControlMigrator {
    static let table = "schema_migrations"

    /// Creates the journal, refuses a database that knows migrations we do not, applies the rest in order.
    static func migrate(
        _ migrations: [ControlMigration], path: String, connection: SQLiteConnection, sql: any SQLDatabase,
        logger: Logger
    ) async throws {
        precondition(Set(migrations.map(\.name)).count == migrations.count, "duplicate migration names")
        let applied: Set<String>
        do {
            try await sql.create(table: table).ifNotExists()
                .column("name", type: .text, .primaryKey(autoIncrement: false), .notNull)
                .column("applied_at", type: .bigint, .notNull)
                .run()
            applied = Set(try await appliedNames(sql))
        } catch let error as SQLiteError {
            throw StoreError.unreadable(path: path, reason: "\(error.reason): \(error.message)")
        }
        let unknown = applied.subtracting(migrations.map(\.name)).sorted()
        guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }

        for migration in migrations where !applied.contains(migration.name) {
            do {
                let didApply = try await ControlStore.runTransaction(on: connection, sql: sql, logger: logger) { db in
                    // Another process opening the same file may have applied it since we looked.
                    let already = try await db.select().column("name").from(table)
                        .where("name", .equal, migration.name).first()
                    if already != nil { return false }
                    try await migration.apply(db)
                    try await db.insert(into: table).columns("name", "applied_at")
                        .values(migration.name, StoreTime.millis(Date()))
                        .run()
                    return true
                }
                if didApply { logger.info("applied control migration", metadata: ["name": "\(migration.name)"]) }
            } catch let error as StoreError {
                throw StoreError.migrationFailed(name: migration.name, reason: error.description)
            } catch {
                throw StoreError.migrationFailed(name: migration.name, reason: "\(error)")
            }
        }
    }

    /// The names recorded in the journal, in name order.
    static func appliedNames(_ db: any SQLDatabase) async throws -> [String] {
        try await db.select().column("name").from(table).orderBy("name").all(decodingColumn: "name", as: String.self)
    }
}
