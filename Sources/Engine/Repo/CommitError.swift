// CommitError.swift: why a commit or a repo write was refused.
// Book: docs/07-commits.md.

/// A failure building, reading or verifying a signed commit, or applying writes to a repo.
public enum CommitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The commit block is not a v3 commit object.
    case malformedCommit(String)
    /// The signature does not verify with the given key.
    case badSignature
    /// The commit names a different repo than expected.
    case wrongDID(expected: String, found: String)
    /// `swapCommit` or `swapRecord` did not match the current state.
    case invalidSwap(String)
    /// A create for a key that exists, or an update/delete of one that does not.
    case recordConflict(String)
    /// A write names an invalid collection or record key, or the record is not a map.
    case invalidWrite(String)
    /// The commit's rev is not a TID, or lies further in the future than clocks can disagree.
    case badRev(String)
    /// The tree underneath failed.
    case mst(MSTError)
    /// Storage failed or has no such repo (apart from `unknownRepo`, an internal error, not the client's).
    case storage(StorageError)

    public var description: String {
        switch self {
        case .malformedCommit(let why): "malformed commit: \(why)"
        case .badSignature: "commit signature does not verify"
        case .wrongDID(let e, let f): "commit is for \(f), expected \(e)"
        case .invalidSwap(let why): "swap failed: \(why)"
        case .recordConflict(let why): why
        case .invalidWrite(let why): "invalid write: \(why)"
        case .badRev(let why): "bad rev: \(why)"
        case .mst(let e): e.description
        case .storage(let e): "storage failed: \(e)"
        }
    }
}
