// MSTError.swift: what can be wrong with a Merkle Search Tree or a key.
// Book: docs/06-mst.md.

/// A failure reading or changing a Merkle Search Tree.
public enum MSTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A node the tree points at is not in the block source.
    case missingNode(CID)
    /// A node's bytes are not a well-formed MST node.
    case malformedNode(CID, String)
    /// A key that is not `collection/rkey` or is too long.
    case invalidKey(String)
    /// The tree breaks an ordering or layer rule (found while walking or verifying).
    case structure(CID, String)

    public var description: String {
        switch self {
        case .missingNode(let c): "MST node \(c) is missing"
        case .malformedNode(let c, let why): "MST node \(c) is malformed: \(why)"
        case .invalidKey(let why): "invalid MST key: \(why)"
        case .structure(let c, let why): "MST node \(c) breaks the tree's rules: \(why)"
        }
    }
}
