// MST+Edit.swift: put and delete, keeping the one canonical shape for each key set.
// Book: docs/06-mst.md ("Inserting", "Deleting").
//
// Convention: a function handed a node's CID that replaces that node retires
// the CID itself; an unchanged node is returned as the same CID and is never
// stored again or retired.

extension MST {
    /// Sets `key` to `value` (insert or update).
    public func put(_ key: [UInt8], _ value: CID) throws {
        let top = try node(root)
        let height = top.isEmpty ? MSTKey.height(key) : try self.height(top)
        root = try put(root, key, value, MSTKey.height(key), height)!
    }

    /// Sets `key` to `value` (insert or update).
    public func put(_ key: String, _ value: CID) throws { try put(Array(key.utf8), value) }

    /// Removes `key`; a missing key is not an error.
    public func delete(_ key: [UInt8]) throws {
        let top = try node(root)
        var cid = try delete(root, key, MSTKey.height(key), try height(top)) ?? store(.empty)
        // Strip empty nodes from the top: a root with no keys and only a left subtree is that subtree.
        var n = try node(cid)
        while n.keys.isEmpty, let left = n.subtrees[0] {
            retire(cid)
            cid = left
            n = try node(left)
        }
        root = cid
    }

    /// Removes `key`; a missing key is not an error.
    public func delete(_ key: String) throws { try delete(Array(key.utf8)) }

    /// Puts into the subtree `cid` whose layer is `treeHeight`; returns its new CID.
    private func put(_ cid: CID?, _ key: [UInt8], _ value: CID, _ keyHeight: Int, _ treeHeight: Int) throws -> CID? {
        if keyHeight > treeHeight {
            // Grow: this subtree becomes the left subtree of an empty node one layer up.
            let parent = MSTNode(keys: [], values: [], subtrees: [cid])
            return try put(store(parent), key, value, keyHeight, treeHeight + 1)
        }
        var n = try node(cid)
        let i = n.lowerBound(key)
        if keyHeight < treeHeight {
            let child = try put(n.subtrees[i], key, value, keyHeight, treeHeight - 1)
            if child == n.subtrees[i] { return cid }
            n.subtrees[i] = child
        } else if i < n.keys.count && n.keys[i] == key {
            if n.values[i] == value { return cid }
            n.values[i] = value
        } else {
            let (lo, hi) = try split(n.subtrees[i], key)
            n.keys.insert(key, at: i)
            n.values.insert(value, at: i)
            n.subtrees.replaceSubrange(i...i, with: [lo, hi])
        }
        retire(cid)
        return store(n)
    }

    /// Splits a subtree into the keys below `key` and those above it.
    private func split(_ cid: CID?, _ key: [UInt8]) throws -> (CID?, CID?) {
        guard let cid else { return (nil, nil) }
        let n = try node(cid)
        let i = n.lowerBound(key)
        let (lo, hi) = try split(n.subtrees[i], key)
        let left = MSTNode(
            keys: Array(n.keys[..<i]), values: Array(n.values[..<i]), subtrees: Array(n.subtrees[..<i]) + [lo])
        let right = MSTNode(
            keys: Array(n.keys[i...]), values: Array(n.values[i...]), subtrees: [hi] + Array(n.subtrees[(i + 1)...]))
        retire(cid)
        return (storeOptional(left), storeOptional(right))
    }

    /// Deletes from the subtree `cid` whose layer is `treeHeight`; returns its new CID (nil if now empty).
    private func delete(_ cid: CID, _ key: [UInt8], _ keyHeight: Int, _ treeHeight: Int) throws -> CID? {
        var n = try node(cid)
        let unchanged: CID? = n.isEmpty ? nil : cid
        if keyHeight > treeHeight { return unchanged }
        let i = n.lowerBound(key)
        if keyHeight < treeHeight {
            guard let childCID = n.subtrees[i] else { return unchanged }
            let child = try delete(childCID, key, keyHeight, treeHeight - 1)
            if child == childCID { return unchanged }
            n.subtrees[i] = child
        } else {
            guard i < n.keys.count && n.keys[i] == key else { return unchanged }
            n.keys.remove(at: i)
            n.values.remove(at: i)
            let merged = try merge(n.subtrees[i], n.subtrees[i + 1])
            n.subtrees.replaceSubrange(i...(i + 1), with: [merged])
        }
        retire(cid)
        return storeOptional(n)
    }

    /// Joins two adjacent subtrees of the same layer.
    private func merge(_ a: CID?, _ b: CID?) throws -> CID? {
        guard let a else { return b }
        guard let b else { return a }
        let l = try node(a), r = try node(b)
        let middle = try merge(l.subtrees.last!, r.subtrees[0])
        let joined = MSTNode(
            keys: l.keys + r.keys, values: l.values + r.values,
            subtrees: Array(l.subtrees.dropLast()) + [middle] + Array(r.subtrees.dropFirst()))
        retire(a)
        retire(b)
        return storeOptional(joined)
    }
}
