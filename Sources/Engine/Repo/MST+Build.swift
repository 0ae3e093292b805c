// MST+Build.swift: building a whole tree at once from sorted entries (imports, benchmarks, tests).
// Book: docs/06-mst.md ("Building in bulk").

extension MST {
    /// Builds the canonical tree of `entries` (keys strictly increasing) in one pass per layer,
    /// encoding every node exactly once. The nodes are pending, as if written by edits.
    public static func build(
        sortedEntries entries: [(key: [UInt8], value: CID)], source: any BlockSource = MemoryBlockSource()
    ) -> MST {
        let mst = MST(emptyWith: source)
        guard !entries.isEmpty else { return mst }
        let heights = entries.map { MSTKey.height($0.key) }
        let top = heights.max()!
        let root = mst.build(entries, heights, 0..<entries.count, layer: top)!
        mst.pending.removeValue(forKey: mst.root)  // the empty root is not part of this tree
        mst.root = root
        return mst
    }

    /// The subtree for `range` on `layer`: its keys are the entries on that layer, the gaps between them one layer down.
    private func build(_ entries: [(key: [UInt8], value: CID)], _ heights: [Int], _ range: Range<Int>, layer: Int) -> CID? {
        guard !range.isEmpty else { return nil }
        var node = MSTNode.empty
        var gapStart = range.lowerBound
        for i in range where heights[i] == layer {
            node.subtrees[node.subtrees.count - 1] = layer > 0 ? build(entries, heights, gapStart..<i, layer: layer - 1) : nil
            node.keys.append(entries[i].key)
            node.values.append(entries[i].value)
            node.subtrees.append(nil)
            gapStart = i + 1
        }
        node.subtrees[node.subtrees.count - 1] =
            layer > 0 ? build(entries, heights, gapStart..<range.upperBound, layer: layer - 1) : nil
        return storeOptional(node)
    }
}
