// StorageError.swift: why the data plane could not open, read or write. Book: docs/04-c-engine.md.

/// Why a storage operation failed: the storage layer's one error type.
///
/// Descriptions never contain block or record bytes; they name the path, the RocksDB call, the
/// repo's DID (a public identifier) or the column family.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a database directory could not be opened.
    public enum OpenFailure: Sendable, Equatable {
        /// The directory does not exist and `createIfMissing` is false.
        case missing
        /// The path, or one of its parents, exists but is not a directory.
        case notADirectory
        /// Another open handle, in this process or another, holds the directory's lock.
        case locked
        /// RocksDB found its files damaged; the text is RocksDB's.
        case corrupt(String)
        /// Anything else (permissions, a full disk, a newer format); the text says what.
        case other(String)
    }

    /// The database at `path` could not be opened.
    case open(path: String, OpenFailure)
    /// A RocksDB call failed; `call` names the C function, `message` is RocksDB's status text.
    case rocksdb(call: String, message: String)
    /// A commit was built on `expected` but the repo's stored head is `found`; nothing was written.
    case conflict(expected: CID?, found: CID?)
    /// No repo is stored for this DID.
    case unknownRepo(did: String)
    /// `createRepo` was called for a DID that already has a repo.
    case repoExists(did: String)
    /// A record refers to a blob this repo does not hold (never uploaded, or swept).
    case missingBlob(CID)
    /// A stored value or key in `family` could not be decoded.
    case corruptValue(family: String, reason: String)

    /// A one-line explanation, without record bytes.
    public var description: String {
        switch self {
        case .open(let path, let failure):
            let why: String
            switch failure {
            case .missing: why = "the directory does not exist (and creating it was not allowed)"
            case .notADirectory: why = "the path is not a directory"
            case .locked:
                why =
                    "the directory is locked by another open handle (another pds process, or this one); "
                    + "only one process may open a data directory at a time"
            case .corrupt(let message): why = "the database is corrupt: \(message)"
            case .other(let message): why = message
            }
            return "cannot open storage at \(path): \(why)"
        case .rocksdb(let call, let message): return "\(call) failed: \(message)"
        case .conflict(let expected, let found):
            return "repo head moved: commit built on \(expected?.description ?? "no commit") "
                + "but the stored head is \(found?.description ?? "no commit")"
        case .unknownRepo(let did): return "no repo stored for \(did)"
        case .repoExists(let did): return "a repo is already stored for \(did)"
        case .corruptValue(let family, let reason): return "corrupt value in column family \(family): \(reason)"
        case .missingBlob(let cid): return "blob \(cid) is not stored for this repo"
        }
    }
}
