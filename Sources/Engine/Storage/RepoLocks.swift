// RepoLocks.swift: striped locks that serialise writers to one repo. Book: docs/04-c-engine.md.

import Synchronization

/// A fixed set of mutexes; each DID maps to one, so the writers of one repo run one at a time while
/// writers of different repos almost never wait for each other (two repos share a stripe with
/// probability 1/`count`). Keyed by DID rather than repo id so that `createRepo`, which has no id
/// yet, takes the same lock as `apply` and `deleteRepo`.
final class RepoLocks: Sendable {
    /// One mutex; a class so it can sit in an array.
    private final class Stripe: Sendable {
        let mutex = Mutex(())
    }

    private let stripes: [Stripe]

    /// `count` stripes.
    init(count: Int = 64) {
        precondition(count > 0)
        stripes = (0..<count).map { _ in Stripe() }
    }

    /// Runs `body` holding the lock for `did`.
    func withLock<R: Sendable, E: Error>(did: String, _ body: () throws(E) -> R) throws(E) -> R {
        try stripes[Self.stripeIndex(did, count: stripes.count)].mutex.withLock { (_: inout ()) throws(E) -> R in
            try body()
        }
    }

    /// FNV-1a of the DID modulo `count`: stable, cheap and spread well enough for a stripe index.
    static func stripeIndex(_ did: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in did.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(hash % UInt64(count))
    }
}
