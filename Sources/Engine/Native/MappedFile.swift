// MappedFile.swift: a file mapped read-only into memory, owned by one object.
// Book: docs/07-commits.md ("Export and import").
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file mapped read-only. Its pages belong to the page cache, not the heap: the kernel
/// reads them in as they are touched and can drop them under memory pressure.
public final class MappedFile {
    private let base: UnsafeMutableRawPointer?
    /// The file's size in bytes.
    public let count: Int

    /// Maps the file at `path`; an error names the failing call.
    public init(path: String) throws(CARError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io("cannot open \(path): errno \(errno)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("cannot stat \(path): errno \(errno)") }
        count = Int(info.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw .io("cannot map \(path): errno \(errno)")
        }
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
        base = mapped
    }

    deinit { if let base { munmap(base, count) } }

    /// Lends the file's bytes to `body` (empty for an empty file).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : count))
    }
}
