// BlockSource.swift: the narrow read interface the MST and commit code need.
// Book: docs/06-mst.md.

/// Where the repo code reads blocks from: a repo's stored blocks, a CAR being
/// imported, or an in-memory map in tests.
public protocol BlockSource {
    /// The bytes of the block with this CID, or nil if absent.
    func block(_ cid: CID) throws -> [UInt8]?
}

/// Blocks held in a dictionary: for tests, imports and building new trees.
public struct MemoryBlockSource: BlockSource, Sendable {
    /// The blocks.
    public var blocks: [CID: [UInt8]]

    /// A block map.
    public init(_ blocks: [CID: [UInt8]] = [:]) { self.blocks = blocks }

    public func block(_ cid: CID) throws -> [UInt8]? { blocks[cid] }
}
