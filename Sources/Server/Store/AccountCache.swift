// AccountCache.swift: account rows the hot paths read on every request, kept until the next SQL write.
// Book: docs/11-sql-schema.md ("The account cache").
import Synchronization

/// Recently read `account` rows by DID (and DIDs by handle), so a write or read of records does
/// not go to SQL (a hop to its thread pool and a query) just to check the caller's account.
///
/// Validity is tied to `ControlStore.writeGeneration`, which every write to the control store moves
/// before it starts and after it ends: an entry is used only while the generation it was read under
/// is still current (a row read while a write was running is stored under a generation that the
/// write's end retires, and one read across a write's start or end is not stored). So any change to any
/// account (a handle, a takedown, a deactivation, a deletion) is seen by the next request. Entries
/// also expire after `lifetime`, in case the file is changed by another process.
final class AccountCache: Sendable {
    private struct Entry {
        let row: AccountRow
        let at: ContinuousClock.Instant
    }
    private struct State {
        var generation: UInt64 = 0
        var byDID: [String: Entry] = [:]
        var didByHandle: [String: String] = [:]
    }
    private let state = Mutex(State())
    /// How long an entry is trusted at most.
    let lifetime: Duration
    /// Entries kept before the cache starts over.
    static let limit = 100_000

    init(lifetime: Duration = .seconds(5)) { self.lifetime = lifetime }

    /// The row for `did` if it was read under `generation` and is fresh.
    func row(did: String, generation: UInt64) -> AccountRow? {
        state.withLock { s in
            guard s.generation == generation, let entry = s.byDID[did], ContinuousClock.now - entry.at < lifetime else {
                return nil
            }
            return entry.row
        }
    }

    /// The row whose handle is `handle` (lower case), on the same terms.
    func row(handle: String, generation: UInt64) -> AccountRow? {
        state.withLock { s in
            guard s.generation == generation, let did = s.didByHandle[handle], let entry = s.byDID[did],
                entry.row.handle == handle, ContinuousClock.now - entry.at < lifetime
            else { return nil }
            return entry.row
        }
    }

    /// Keeps `row`, read from SQL while the generation was `generation` from start to end.
    func store(_ row: AccountRow, generation: UInt64) {
        state.withLock { s in
            if s.generation != generation {
                guard generation > s.generation else { return }
                s = State(generation: generation)
            }
            if s.byDID.count >= Self.limit { s = State(generation: generation) }
            s.byDID[row.did] = Entry(row: row, at: .now)
            if let handle = row.handle { s.didByHandle[handle] = row.did }
        }
    }
}
