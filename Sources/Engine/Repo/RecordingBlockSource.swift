// RecordingBlockSource.swift: a block source that remembers what was read (to build proofs).
// Book: docs/07-commits.md ("Proofs").

/// Wraps a source and keeps every block it hands out.
public final class RecordingBlockSource: BlockSource {
    let base: any BlockSource
    /// Blocks read so far.
    public private(set) var read: [CID: [UInt8]] = [:]

    /// Records reads from `base`.
    public init(_ base: any BlockSource) { self.base = base }

    public func block(_ cid: CID) throws -> [UInt8]? {
        if let b = read[cid] { return b }
        let b = try base.block(cid)
        if let b { read[cid] = b }
        return b
    }
}

/// Reads from the first source that has the block.
public struct LayeredBlockSource: BlockSource {
    let layers: [any BlockSource]

    /// Sources in lookup order.
    public init(_ layers: [any BlockSource]) { self.layers = layers }

    public func block(_ cid: CID) throws -> [UInt8]? {
        for l in layers { if let b = try l.block(cid) { return b } }
        return nil
    }
}
