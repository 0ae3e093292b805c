// LexiconFiles.swift: finds and reads the *.json files of a lexicon directory (POSIX, no Foundation).
// Book: docs/09-lexicons.md ("Loading").

#if canImport(Glibc)
    import Glibc
    private let posixRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let posixRead = Darwin.read
#endif

/// File access for catalog loading: a sorted recursive listing and whole-file reads.
enum LexiconFiles {
    /// Directory levels followed before giving up (a guard against symlink loops).
    static let maxDepth = 32
    /// Largest lexicon file read (the biggest real one is about 100 KiB).
    static let maxFileSize = 4 << 20

    /// Every regular file ending in `.json` under `root`, recursively, sorted by path.
    static func jsonFiles(under root: String) throws(LexiconError) -> [String] {
        var out: [String] = []
        try walk(root, depth: 0, into: &out)
        return out.sorted()
    }

    private static func walk(_ dir: String, depth: Int, into out: inout [String]) throws(LexiconError) {
        guard depth < maxDepth else { throw LexiconError(.io, source: dir, "directories nested too deep") }
        guard let handle = opendir(dir) else {
            throw LexiconError(.io, source: dir, "cannot open directory: errno \(errno)")
        }
        defer { closedir(handle) }
        var children: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            children.append(name)
        }
        for name in children {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try walk(path, depth: depth + 1, into: &out)
            case S_IFREG where name.hasSuffix(".json"): out.append(path)
            default: continue
            }
        }
    }

    /// The whole content of a file.
    static func read(_ path: String) throws(LexiconError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LexiconError(.io, source: path, "cannot open: errno \(errno)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LexiconError(.io, source: path, "cannot stat: errno \(errno)") }
        guard info.st_size <= maxFileSize else { throw LexiconError(.io, source: path, "larger than 4 MiB") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw LexiconError(.io, source: path, "short read") }
            filled += n
        }
        return bytes
    }
}
