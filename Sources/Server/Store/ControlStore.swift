// ControlStore.swift: the SQL control plane: one SQLite file, one writer, a few readers.
// Book: docs/11-sql-schema.md.
import Logging
import SQLKit
import SQLiteKit
import Synchronization

/// The control-plane database: accounts, sessions, invites, app passwords, email tokens and the local PLC
/// log, in `<dataDir>/control.sqlite`.
///
/// Every statement runs on the store's own `NIOThreadPool`, never on an event loop. Writes go through one
/// writer connection lent to one task at a time; reads use a small pool of read-only connections that, in
/// WAL mode, run alongside the writer. Call `close()` before dropping the store.
public final class ControlStore: ControlDatabase {
    /// Settings for opening a store.
    public struct Configuration: Sendable {
        /// Number of read-only connections (at least 1).
        public var readers: Int
        /// How long a statement waits for another process's lock on the file before failing.
        public var busyTimeout: Duration
        /// Level at which SQLKit logs each statement and its bound values; nil (the default) logs nothing,
        /// because bound values include password hashes, tokens and email addresses.
        public var queryLogLevel: Logger.Level?

        /// Default settings: 4 readers, 5 s busy timeout, no statement logging.
        public init(readers: Int = 4, busyTimeout: Duration = .seconds(5), queryLogLevel: Logger.Level? = nil) {
            self.readers = max(1, readers)
            self.busyTimeout = busyTimeout
            self.queryLogLevel = queryLogLevel
        }
    }

    /// The file name inside the data directory.
    public static let fileName = "control.sqlite"

    /// Path of the database file.
    public let path: String
    let writer: ControlConnectionPool
    let readers: ControlConnectionPool
    let threadPool: NIOThreadPool
    let logger: Logger
    let queryLogLevel: Logger.Level?
    private let closed = Atomic<Bool>(false)
    private let generation = Atomic<UInt64>(0)

    /// Moves before and after every write (`write`, `atomically`, `transaction`): a value read
    /// before and after some reads that is unchanged means no write ran meanwhile (`AccountCache`).
    public var writeGeneration: UInt64 { generation.load(ordering: .acquiring) }

    private func bumpGeneration() { generation.add(1, ordering: .acquiringAndReleasing) }

    /// The store whose writer the current task holds inside `transaction { }`, to trap re-entry.
    @TaskLocal static var heldWriter: ObjectIdentifier? = nil

    init(
        path: String, writer: SQLiteConnection, readers: [SQLiteConnection], threadPool: NIOThreadPool,
        logger: Logger, queryLogLevel: Logger.Level?
    ) {
        self.path = path
        self.writer = ControlConnectionPool([writer])
        self.readers = ControlConnectionPool(readers)
        self.threadPool = threadPool
        self.logger = logger
        self.queryLogLevel = queryLogLevel
    }

    /// SQLKit's view of a connection, with the store's logging choice.
    func sql(_ connection: SQLiteConnection) -> any SQLDatabase {
        connection.sql(encoder: .init(), decoder: .init(), queryLogLevel: queryLogLevel)
    }

    /// Runs read-only statements on a reader connection; they see data committed before they start.
    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await readers.withConnection { connection in
            try await StoreError.mapping { try await body(sql(connection)) }
        }
    }

    /// Runs statements on the writer connection, each committing by itself.
    public func write<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        precondition(Self.heldWriter != ObjectIdentifier(self), "ControlStore.write inside its own transaction")
        bumpGeneration()
        defer { bumpGeneration() }
        return try await writer.withConnection { connection in
            try await StoreError.mapping { try await body(sql(connection)) }
        }
    }

    /// Runs statements in one transaction on the writer connection.
    public func atomically<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction { tx in try await body(tx.sql) }
    }

    /// Runs `body` in one transaction: everything it does through `tx` commits when it returns and is
    /// rolled back if it throws. Writers wait for each other; readers are not blocked.
    ///
    /// SQLite's transaction starts `IMMEDIATE`, taking the write lock at once, so a transaction never
    /// fails half-way because another process wrote first.
    public func transaction<R: Sendable>(
        _ body: @Sendable (_ tx: ControlTransaction) async throws -> R
    ) async throws -> R {
        precondition(Self.heldWriter != ObjectIdentifier(self), "ControlStore.transaction inside its own transaction")
        bumpGeneration()
        defer { bumpGeneration() }
        return try await writer.withConnection { connection in
            try await Self.$heldWriter.withValue(ObjectIdentifier(self)) {
                try await Self.runTransaction(on: connection, sql: sql(connection), logger: logger) { sql in
                    try await body(ControlTransaction(sql: sql, connection: connection, logger: logger))
                }
            }
        }
    }

    /// BEGIN IMMEDIATE, `body`, COMMIT; ROLLBACK if either throws. Control statements ignore cancellation.
    static func runTransaction<R>(
        on connection: SQLiteConnection, sql: any SQLDatabase, logger: Logger,
        _ body: (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await connection.control("BEGIN IMMEDIATE", logger: logger)
        let result: R
        do {
            result = try await StoreError.mapping { try await body(sql) }
            try await connection.control("COMMIT", logger: logger)
        } catch {
            // Fails harmlessly if SQLite already rolled back (some I/O and busy errors do).
            try? await connection.control("ROLLBACK", logger: logger)
            throw error
        }
        return result
    }

    /// Names of the migrations recorded in the database, in the order they were applied.
    public func appliedMigrations() async throws -> [String] {
        try await read { db in try await ControlMigrator.appliedNames(db) }
    }

    /// Waits for connections in use to be returned, closes them and stops the thread pool. Calls made after
    /// (or waiting during) `close()` throw `StoreError.closed`. Closing twice is harmless.
    public func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await writer.close()
        await readers.close()
        try? await threadPool.shutdownGracefully()
    }
}
