// Rocks.swift: the one place RocksDB's errptr is read, and how bytes are lent to RocksDB. Book: docs/04-c-engine.md.

import CEngine

/// Calls a RocksDB function that reports failure through `char **errptr`: the only code that
/// reads an errptr. On failure it frees the message and throws `StorageError.rocksdb` naming `name`.
@inline(__always)
func rocks<T>(_ name: String, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T) throws(StorageError)
    -> T
{
    var error: UnsafeMutablePointer<CChar>? = nil
    let result = withUnsafeMutablePointer(to: &error) { body($0) }
    if let error {
        let message = String(cString: error)
        rocksdb_free(error)
        throw .rocksdb(call: name, message: message)
    }
    return result
}

/// Lending Swift bytes to RocksDB as the `const char *` + length pairs it takes.
enum RocksBytes {
    /// One readable byte for empty slices, so RocksDB is never handed NULL.
    nonisolated(unsafe) private static let emptyByte: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    /// The bytes as `const char *`; never NULL.
    @inline(__always) static func chars(_ p: UnsafeRawPointer?) -> UnsafePointer<CChar> {
        guard let p else { return UnsafePointer(emptyByte) }
        return p.assumingMemoryBound(to: CChar.self)
    }

    /// A buffer over `count` bytes at a pointer RocksDB returned (NULL only when `count` is 0).
    @inline(__always) static func buffer(_ p: UnsafePointer<CChar>?, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: count == 0 ? nil : UnsafeRawPointer(p), count: count)
    }
}

extension Array where Element == UInt8 {
    /// Lends the bytes as `const char *` + length for the duration of `body`.
    @inline(__always)
    func withRocksSlice<R, E: Error>(_ body: (UnsafePointer<CChar>, Int) throws(E) -> R) throws(E) -> R {
        try withUnsafeBufferPointer { (b) throws(E) -> R in try body(RocksBytes.chars(b.baseAddress), b.count) }
    }
}
