// ControlConnectionPool.swift: a fixed set of SQLite connections, each lent to one task at a time.
// Book: docs/11-sql-schema.md.
import SQLiteKit
import Synchronization

/// A fixed set of open connections lent to one task at a time; tasks that find none idle wait in FIFO order.
///
/// The writer is a pool of one, which is what serialises writes and makes `transaction { }` exclusive.
/// A lease is returned synchronously when the body ends (even by throwing or cancellation), so a waiting
/// task is never left behind by a failed one.
final class ControlConnectionPool: Sendable {
    private struct State {
        var idle: [SQLiteConnection]
        var waiters: [CheckedContinuation<SQLiteConnection, any Error>] = []
        var closed = false
        var drain: CheckedContinuation<[SQLiteConnection], Never>? = nil
    }

    private let state: Mutex<State>
    private let total: Int

    /// A pool lending `connections`, which it now owns.
    init(_ connections: [SQLiteConnection]) {
        state = Mutex(State(idle: connections))
        total = connections.count
    }

    /// Runs `body` with a connection no other task holds until `body` returns.
    func withConnection<R>(_ body: (SQLiteConnection) async throws -> R) async throws -> R {
        let connection = try await lease()
        defer { release(connection) }
        return try await body(connection)
    }

    private func lease() async throws -> SQLiteConnection {
        enum Fast { case got(SQLiteConnection), closed, wait }
        let fast: Fast = state.withLock { s in
            if s.closed { return .closed }
            if let c = s.idle.popLast() { return .got(c) }
            return .wait
        }
        switch fast {
        case .got(let c): return c
        case .closed: throw StoreError.closed
        case .wait: break
        }
        return try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<SQLiteConnection, any Error>) in
            enum Slow { case got(SQLiteConnection), closed, queued }
            let slow: Slow = state.withLock { s in
                if s.closed { return .closed }
                if let c = s.idle.popLast() { return .got(c) }
                s.waiters.append(continuation)
                return .queued
            }
            switch slow {
            case .got(let c): continuation.resume(returning: c)
            case .closed: continuation.resume(throwing: StoreError.closed)
            case .queued: break
            }
        }
    }

    private func release(_ connection: SQLiteConnection) {
        enum Next {
            case handOver(CheckedContinuation<SQLiteConnection, any Error>)
            case drained(CheckedContinuation<[SQLiteConnection], Never>, [SQLiteConnection])
            case idle
        }
        let next: Next = state.withLock { s in
            if !s.waiters.isEmpty { return .handOver(s.waiters.removeFirst()) }
            s.idle.append(connection)
            if s.closed, s.idle.count == total, let drain = s.drain {
                s.drain = nil
                let all = s.idle
                s.idle = []
                return .drained(drain, all)
            }
            return .idle
        }
        switch next {
        case .handOver(let waiter): waiter.resume(returning: connection)
        case .drained(let drain, let all): drain.resume(returning: all)
        case .idle: break
        }
    }

    /// Refuses new leases, fails waiting tasks with `StoreError.closed`, waits for lent connections to come
    /// back, and closes every connection. Closing twice is harmless.
    func close() async {
        let connections: [SQLiteConnection] = await withCheckedContinuation { continuation in
            let (waiters, ready): ([CheckedContinuation<SQLiteConnection, any Error>], [SQLiteConnection]?) =
                state.withLock { s in
                    let waiters = s.waiters
                    s.waiters = []
                    if s.closed { return (waiters, []) }  // closed or being drained by an earlier close()
                    s.closed = true
                    if s.idle.count == total {
                        let all = s.idle
                        s.idle = []
                        return (waiters, all)
                    }
                    s.drain = continuation
                    return (waiters, nil)
                }
            for waiter in waiters { waiter.resume(throwing: StoreError.closed) }
            if let ready { continuation.resume(returning: ready) }
        }
        for connection in connections {
            // The future form is not cancelled with the task, so a cancelled shutdown still closes the file.
            try? await connection.close().get()
        }
    }
}
