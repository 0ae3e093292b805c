// MSTNodeCache.swift: decoded tree nodes kept across commits, shared by every repo.
// Book: docs/06-mst.md ("The node cache").

import Synchronization

/// A bounded, thread-safe cache of decoded MST nodes keyed by CID.
///
/// A node's CID is the hash of its bytes, so a cached node can never be stale and one cache serves
/// every repo. Each commit reads the path from the root to the changed keys; the upper layers of
/// busy repos are the same from one commit to the next, so they are decoded once, not every time.
///
/// Eviction is two-generation: lookups hit the young or the old map (a hit in the old one is moved
/// to the young one); when the young map is full it becomes the old one and the old one is dropped.
/// This is approximate LRU at O(1) per call with no list to maintain. The cache is split into
/// shards by CID so concurrent commits rarely contend for the same mutex.
public final class MSTNodeCache: Sendable {
    private struct Generations {
        var young: [CID: MSTNode] = [:]
        var old: [CID: MSTNode] = [:]
    }

    private final class Shard: Sendable {
        let state = Mutex(Generations())
    }

    private let shards: [Shard]
    private let perGeneration: Int

    /// A cache holding roughly `capacity` nodes (at most twice that in the worst case).
    public init(capacity: Int = 65_536, shards count: Int = 16) {
        precondition(capacity > 0 && count > 0)
        shards = (0..<count).map { _ in Shard() }
        perGeneration = max(1, capacity / count)
    }

    private func shard(_ cid: CID) -> Shard {
        // The digest is uniformly distributed; its first word is as good an index as any.
        shards[Int(truncatingIfNeeded: cid.paddedDigest.words.0 % UInt64(shards.count))]
    }

    /// The cached node, if any.
    public func node(_ cid: CID) -> MSTNode? {
        shard(cid).state.withLock { g in
            if let n = g.young[cid] { return n }
            guard let n = g.old.removeValue(forKey: cid) else { return nil }
            Self.insert(&g, cid, n, limit: perGeneration)
            return n
        }
    }

    /// Remembers a node.
    public func insert(_ cid: CID, _ node: MSTNode) {
        shard(cid).state.withLock { g in Self.insert(&g, cid, node, limit: perGeneration) }
    }

    private static func insert(_ g: inout Generations, _ cid: CID, _ node: MSTNode, limit: Int) {
        if g.young.count >= limit {
            g.old = g.young
            g.young = [:]
            g.young.reserveCapacity(limit)
        }
        g.young[cid] = node
    }
}
