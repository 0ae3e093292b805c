// ControlStore+Open.swift: opening the SQLite file, connection settings, and running migrations at start.
// Book: docs/11-sql-schema.md.
import Foundation
import Logging
import SQLKit
import SQLiteKit

extension ControlStore {
    /// Opens (creating if needed) `<dataDirectory>/control.sqlite` and brings its schema up to date.
    ///
    /// Throws `StoreError.unreadable` if the directory or file cannot be used, `.newerSchema` if the file
    /// records migrations this build does not know, and `.migrationFailed` if a migration fails.
    public static func open(
        dataDirectory: String, configuration: Configuration = .init(),
        migrations: [ControlMigration] = ControlSchema.migrations,
        logger: Logger = Logger(label: "pds.store")
    ) async throws -> ControlStore {
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unreadable(path: dataDirectory, reason: "cannot create the data directory")
        }
        let path = (dataDirectory as NSString).appendingPathComponent(fileName)
        return try await open(path: path, configuration: configuration, migrations: migrations, logger: logger)
    }

    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    public static func open(
        path: String, configuration: Configuration = .init(),
        migrations: [ControlMigration] = ControlSchema.migrations,
        logger: Logger = Logger(label: "pds.store")
    ) async throws -> ControlStore {
        // One thread per connection: a statement waiting on a lock never holds up another connection.
        let threadPool = NIOThreadPool(numberOfThreads: configuration.readers + 1)
        threadPool.start()
        var opened: [SQLiteConnection] = []
        do {
            let writer = try await openConnection(path: path, role: .writer, configuration, threadPool, logger)
            opened.append(writer)
            let sql = writer.sql(encoder: .init(), decoder: .init(), queryLogLevel: configuration.queryLogLevel)
            try await ControlMigrator.migrate(
                migrations, path: path, connection: writer, sql: sql, logger: logger)
            for _ in 0..<configuration.readers {
                opened.append(try await openConnection(path: path, role: .reader, configuration, threadPool, logger))
            }
            return ControlStore(
                path: path, writer: writer, readers: Array(opened.dropFirst()), threadPool: threadPool,
                logger: logger, queryLogLevel: configuration.queryLogLevel)
        } catch {
            for connection in opened { try? await connection.close().get() }
            try? await threadPool.shutdownGracefully()
            throw error
        }
    }

    enum Role { case writer, reader }

    /// Opens one connection and applies the per-connection settings the chapter lists.
    static func openConnection(
        path: String, role: Role, _ configuration: Configuration, _ threadPool: NIOThreadPool, _ logger: Logger
    ) async throws -> SQLiteConnection {
        let connection: SQLiteConnection
        do {
            // The event loop is only where SQLiteNIO completes its futures; statements run on `threadPool`.
            connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any())
        } catch let error as SQLiteError {
            throw StoreError.unreadable(path: path, reason: "\(error.reason): \(error.message)")
        }
        do {
            let millis =
                Int(configuration.busyTimeout.components.seconds) * 1000
                + Int(configuration.busyTimeout.components.attoseconds / 1_000_000_000_000_000)
            // busy_timeout replaces SQLiteNIO's default busy handler, which retries forever.
            _ = try await connection.query("PRAGMA busy_timeout = \(millis)")
            _ = try await connection.query("PRAGMA foreign_keys = ON")
            switch role {
            case .writer:
                // Reading the header here is what reports a file that is not a database.
                let mode = try await connection.query("PRAGMA journal_mode = WAL").first?.column("journal_mode")?
                    .string
                guard mode?.lowercased() == "wal" else {
                    throw StoreError.unreadable(path: path, reason: "cannot switch to WAL mode (got \(mode ?? "nil"))")
                }
                _ = try await connection.query("PRAGMA synchronous = FULL")
                // Deleted rows are overwritten, not left in free pages: a deleted account's email
                // address and hashes must not stay in the file. (sqlite-nio's SQLite is built with
                // this on; saying it keeps it on with any other build.)
                _ = try await connection.query("PRAGMA secure_delete = ON")
            case .reader:
                _ = try await connection.query("PRAGMA query_only = ON")
            }
            _ = try await connection.query("SELECT count(*) FROM sqlite_master")
            return connection
        } catch {
            try? await connection.close().get()
            if let error = error as? SQLiteError {
                throw StoreError.unreadable(path: path, reason: "\(error.reason): \(error.message)")
            }
            throw error
        }
    }
}
