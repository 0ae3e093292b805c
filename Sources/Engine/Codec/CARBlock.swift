// CARBlock.swift: one block of a CAR stream.
// Book: docs/08-car.md.

/// A block: its CID and its bytes.
public struct CARBlock: Sendable, Equatable {
    /// The block's CID as written in the stream.
    public let cid: CID
    /// The block's bytes.
    public let bytes: [UInt8]

    /// A block.
    public init(cid: CID, bytes: [UInt8]) {
        self.cid = cid
        self.bytes = bytes
    }
}
