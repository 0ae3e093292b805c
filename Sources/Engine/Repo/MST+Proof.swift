// MST+Proof.swift: the blocks that prove a record, and the blocks that prove a commit's ops.
// Book: docs/07-commits.md ("Proofs").

extension MST {
    /// The nodes on the search path for `key`, root first. They prove the key's value, or its absence.
    public func path(to key: [UInt8]) throws -> [CID] {
        var out: [CID] = []
        var cid: CID? = root
        while let c = cid {
            out.append(c)
            let n = try node(c)
            let i = n.lowerBound(key)
            if i < n.keys.count && n.keys[i] == key { break }
            cid = n.subtrees[i]
        }
        return out
    }

    /// The stored blocks needed to undo `ops` on the tree at `newRoot` and arrive at `previousRoot`.
    ///
    /// This is what lets a consumer check a commit against the previous one
    /// without the whole repo: with these blocks and the commit's new blocks,
    /// inverting every op must reproduce the previous data root. The blocks
    /// are found by doing exactly that here and recording every node read.
    public static func inversionProof(
        newRoot: CID, previousRoot: CID, ops: [RepoOp], source: any BlockSource
    ) throws -> [CID: [UInt8]] {
        let recorder = RecordingBlockSource(source)
        let mst = MST(source: recorder, root: newRoot)
        for op in ops.reversed() {
            switch op.action {
            case .create: try mst.delete(op.path)
            case .update, .delete:
                guard let prev = op.prev else { throw MSTError.structure(newRoot, "\(op.action) of \(op.path) without prev") }
                try mst.put(op.path, prev)
            }
        }
        guard mst.root == previousRoot else {
            throw MSTError.structure(newRoot, "inverting the ops gives \(mst.root), not \(previousRoot)")
        }
        return recorder.read
    }
}
