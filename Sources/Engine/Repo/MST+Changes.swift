// MST+Changes.swift: the blocks an edited tree adds and the ones it no longer uses.
// Book: docs/06-mst.md ("What a commit writes").

/// What a batch of edits changed in the stored tree.
public struct MSTChanges: Sendable {
    /// New nodes reachable from the new root, with their bytes.
    public var newNodes: [(cid: CID, bytes: [UInt8])]
    /// Stored nodes the new tree no longer uses.
    public var removedNodes: [CID]
}

extension MST {
    /// The nodes to write and delete so the store holds exactly the tree at `root`.
    ///
    /// Only pending nodes are walked (a stored node cannot point at a pending
    /// one), so the cost follows the edits, not the tree.
    public func changes() -> MSTChanges {
        var reachable: [CID] = []
        var stack: [CID] = [root]
        while let c = stack.popLast() {
            guard let p = pending[c] else { continue }
            reachable.append(c)
            for case let s? in p.node.subtrees { stack.append(s) }
        }
        let kept = Set(reachable)
        let newNodes = reachable.filter { !retired.contains($0) }.map { ($0, pending[$0]!.bytes) }
        return MSTChanges(newNodes: newNodes, removedNodes: Array(retired.subtracting(kept)))
    }

    /// Marks the changes as written: pending nodes become stored ones and the next `changes()` starts afresh.
    public func markWritten() {
        let c = changes()
        for (cid, _) in c.newNodes { loaded[cid] = pending[cid]!.node }
        // Removed nodes are gone from the store: forget them, or a later edit that rebuilds one
        // would take it for stored and never write it.
        for cid in c.removedNodes { loaded[cid] = nil }
        pending.removeAll(keepingCapacity: true)
        retired.removeAll(keepingCapacity: true)
    }
}
