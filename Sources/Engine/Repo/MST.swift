// MST.swift: a Merkle Search Tree being read and edited, with its pending changes.
// Book: docs/06-mst.md.

/// A Merkle Search Tree rooted at `root`, loaded lazily from a block source.
///
/// Edits copy the path they change: every changed node is a new node (with a
/// new CID) kept in `pending`, and every stored node it replaces is noted as
/// retired. `changes()` then reports exactly the blocks a commit must write
/// and delete, at a cost proportional to the nodes touched, never to the
/// size of the tree. Not thread-safe: one writer edits one tree.
public final class MST {
    let source: any BlockSource
    /// The current root.
    public internal(set) var root: CID
    /// Nodes created by edits, not yet stored.
    var pending: [CID: (node: MSTNode, bytes: [UInt8])] = [:]
    /// Nodes read from the source.
    var loaded: [CID: MSTNode] = [:]
    /// Stored nodes that edits replaced.
    var retired: Set<CID> = []
    /// Decoded nodes shared across trees, if any.
    let cache: MSTNodeCache?

    /// A tree whose root node is in `source`, reading through `cache` when given.
    public init(source: any BlockSource, root: CID, cache: MSTNodeCache? = nil) {
        self.source = source
        self.root = root
        self.cache = cache
    }

    /// An empty tree (its root node is pending until the changes are written).
    public init(emptyWith source: any BlockSource) {
        self.source = source
        cache = nil
        let (bytes, cid) = MSTNode.empty.encoded()
        root = cid
        pending[cid] = (MSTNode.empty, bytes)
    }

    /// The node with this CID.
    func node(_ cid: CID) throws -> MSTNode {
        if let p = pending[cid] { return p.node }
        if let n = loaded[cid] { return n }
        // Reached from this tree's root, so (stored blocks being exactly the tree) it is stored
        // here; the cache only saves reading and decoding it.
        if let n = cache?.node(cid) {
            loaded[cid] = n
            return n
        }
        guard let bytes = try source.block(cid) else { throw MSTError.missingNode(cid) }
        let n = try MSTNode(decoding: bytes, cid: cid)
        loaded[cid] = n
        cache?.insert(cid, n)
        return n
    }

    /// The subtree's node, or the empty node for nil.
    func node(_ cid: CID?) throws -> MSTNode { try cid.map { try node($0) } ?? .empty }

    /// Stores a node created by an edit and returns its CID. A node that is already stored is not
    /// stored again, and if an earlier edit retired it, it is back in use (e.g. put then delete).
    func store(_ n: MSTNode) -> CID {
        let (bytes, cid) = n.encoded()
        if loaded[cid] != nil {
            retired.remove(cid)
        } else if pending[cid] == nil {
            pending[cid] = (n, bytes)
        }
        return cid
    }

    /// Like `store`, but an empty node becomes an empty subtree.
    func storeOptional(_ n: MSTNode) -> CID? { n.isEmpty ? nil : store(n) }

    /// Notes that `cid` no longer stands where it stood.
    func retire(_ cid: CID?) {
        guard let cid, pending[cid] == nil else { return }
        retired.insert(cid)
    }

    /// The layer of a node: its keys' layer, or one above its left subtree's.
    func height(_ n: MSTNode) throws -> Int {
        if let k = n.keys.first { return MSTKey.height(k) }
        guard let left = n.subtrees[0] else { return 0 }
        return try height(node(left)) + 1
    }

    // MARK: Reading

    /// The value stored under `key`.
    public func get(_ key: [UInt8]) throws -> CID? {
        var cid: CID? = root
        while let c = cid {
            let n = try node(c)
            let i = n.lowerBound(key)
            if i < n.keys.count && n.keys[i] == key { return n.values[i] }
            cid = n.subtrees[i]
        }
        return nil
    }

    /// The value stored under `key`.
    public func get(_ key: String) throws -> CID? { try get(Array(key.utf8)) }

    /// Calls `body` for every key >= `from` in order until it returns false.
    public func walk(from: [UInt8] = [], _ body: ([UInt8], CID) throws -> Bool) throws {
        _ = try walk(root, from: from, body)
    }

    private func walk(_ cid: CID?, from: [UInt8], _ body: ([UInt8], CID) throws -> Bool) throws -> Bool {
        guard let cid else { return true }
        let n = try node(cid)
        let start = from.isEmpty ? 0 : n.lowerBound(from)
        if try !walk(n.subtrees[start], from: from, body) { return false }
        for i in start..<n.keys.count {
            if try !body(n.keys[i], n.values[i]) { return false }
            if try !walk(n.subtrees[i + 1], from: from, body) { return false }
        }
        return true
    }

    /// Every entry in key order (loads the whole tree: for tests and small repos).
    public func entries() throws -> [(key: String, value: CID)] {
        var out: [(String, CID)] = []
        try walk { k, v in
            out.append((String(decoding: k, as: UTF8.self), v))
            return true
        }
        return out
    }
}
