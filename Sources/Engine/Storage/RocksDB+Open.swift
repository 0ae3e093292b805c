// RocksDB+Open.swift: checking the database path and explaining open failures. Book: docs/04-c-engine.md.

import CEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RocksDB {
    /// Checks that `path` is a directory, creating it and its parents if allowed, so that the common
    /// mistakes get a clear error instead of RocksDB's.
    static func preparePath(_ path: String, create: Bool) throws(StorageError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .open(path: path, .notADirectory) }
            return
        }
        switch errno {
        case ENOENT:
            guard create else { throw .open(path: path, .missing) }
            try makeDirectories(path)
        case ENOTDIR: throw .open(path: path, .notADirectory)
        case let code: throw .open(path: path, .other(String(cString: strerror(code))))
        }
    }

    /// `mkdir -p`.
    private static func makeDirectories(_ path: String) throws(StorageError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0 {
                let code = errno
                if code == EEXIST { continue }
                if code == ENOTDIR { throw .open(path: path, .notADirectory) }
                throw .open(path: path, .other("cannot create \(prefix): \(String(cString: strerror(code)))"))
            }
        }
    }

    /// Turns a failed `rocksdb_open_column_families` into an `open` error saying why.
    static func openError(path: String, _ error: StorageError) -> StorageError {
        guard case .rocksdb(_, let message) = error else { return error }
        if message.contains("While lock file") || message.contains("lock hold by current process") {
            return .open(path: path, .locked)
        }
        if message.hasPrefix("Corruption") { return .open(path: path, .corrupt(message)) }
        if message.contains("does not exist (create_if_missing is false)") { return .open(path: path, .missing) }
        return .open(path: path, .other(message))
    }
}
