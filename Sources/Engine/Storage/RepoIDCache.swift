// RepoIDCache.swift: repo ids by DID, in stripes so concurrent readers rarely share a lock.
// Book: docs/04-c-engine.md ("Repo ids").
import Synchronization

/// The DID → repo id map every read consults (`RocksRepoStorage.requireID`). One lock for all of it
/// made the storage threads queue on it under a read load (a profile of `getRecord` at 64 clients
/// showed a quarter of the server's CPU spinning in that mutex); with 64 stripes, reads of
/// different repos take different locks.
final class RepoIDCache: Sendable {
    private final class Stripe: Sendable {
        let ids = Mutex<[String: UInt64]>([:])
    }
    private let stripes: [Stripe]
    private let perStripe: Int

    /// A cache of at most about `limit` ids over `count` stripes.
    init(limit: Int, count: Int = 64) {
        stripes = (0..<count).map { _ in Stripe() }
        perStripe = max(1, limit / count)
    }

    private func stripe(_ did: String) -> Stripe { stripes[RepoLocks.stripeIndex(did, count: stripes.count)] }

    /// The remembered id, or nil.
    subscript(did: String) -> UInt64? { stripe(did).ids.withLock { $0[did] } }

    /// Remembers an id; a full stripe starts over.
    func remember(_ did: String, _ id: UInt64) {
        stripe(did).ids.withLock { ids in
            if ids.count >= perStripe { ids.removeAll(keepingCapacity: true) }
            ids[did] = id
        }
    }

    /// Forgets the id of `did`.
    func forget(_ did: String) { _ = stripe(did).ids.withLock { $0.removeValue(forKey: did) } }
}
