// MSTNode.swift: one tree node as the code works with it (whole keys, no prefix compression).
// Book: docs/06-mst.md ("Nodes").

/// A node of the Merkle Search Tree in working form.
///
/// Keys and values interleave with subtrees:
///
///     subtrees:  s0     s1     s2  ...  sn
///     keys:          k0     k1  ...  k(n-1)
///
/// `subtrees[i]` holds keys between `keys[i-1]` and `keys[i]`, one layer
/// down. The wire form (`MSTNodeData`) stores `s0` as `l` and each `si`
/// (i > 0) as the `t` of the entry before it, with keys prefix-compressed.
public struct MSTNode: Sendable, Equatable {
    /// Full keys, strictly increasing, all on this node's layer.
    public var keys: [[UInt8]]
    /// Record CIDs, one per key.
    public var values: [CID]
    /// Subtree links, `keys.count + 1` of them; nil is an empty subtree.
    public var subtrees: [CID?]

    /// A node.
    public init(keys: [[UInt8]], values: [CID], subtrees: [CID?]) {
        precondition(subtrees.count == keys.count + 1 && values.count == keys.count, "malformed MST node")
        self.keys = keys
        self.values = values
        self.subtrees = subtrees
    }

    /// The node of an empty tree.
    public static let empty = MSTNode(keys: [], values: [], subtrees: [nil])

    /// No keys and no subtree: an empty tree.
    public var isEmpty: Bool { keys.isEmpty && subtrees[0] == nil }

    /// The first index whose key is >= `key` (keys.count if none).
    @inlinable public func lowerBound(_ key: [UInt8]) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if MSTKey.less(keys[mid], key) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
