// RocksIterator.swift: an ordered cursor over one column family. Book: docs/04-c-engine.md.

import CEngine

/// Owns a `rocksdb_iterator_t`, its read options and copies of its bounds; frees them in `deinit`.
///
/// Keys and values are lent only inside `withKey` / `withValue` (or copied by `key` / `value`):
/// the bytes belong to RocksDB and move when the iterator does. Used by one thread at a time.
final class RocksIterator {
    /// The database, kept open while the iterator lives.
    private let db: RocksDB
    /// The snapshot read through, kept alive while the iterator lives.
    private let snapshot: RocksSnapshot?
    /// The read options; RocksDB points at the bound buffers from them.
    private let readOptions: OpaquePointer
    /// The bound keys: `ReadOptions` only points at them, so they live as long as the iterator.
    private let lower: UnsafeMutableRawBufferPointer?
    private let upper: UnsafeMutableRawBufferPointer?
    /// The C iterator.
    private let pointer: OpaquePointer

    /// An iterator over `family` that sees only keys in `lower ..< upper`.
    init(db: RocksDB, family: RocksFamily, lower: [UInt8]?, upper: [UInt8]?, snapshot: RocksSnapshot?, fillCache: Bool)
    {
        self.db = db
        self.snapshot = snapshot
        let options = rocksdb_readoptions_create()!
        rocksdb_readoptions_set_fill_cache(options, fillCache ? 1 : 0)
        if let snapshot { rocksdb_readoptions_set_snapshot(options, snapshot.pointer) }
        self.lower = RocksIterator.copy(lower)
        self.upper = RocksIterator.copy(upper)
        if let lower = self.lower {
            rocksdb_readoptions_set_iterate_lower_bound(options, RocksBytes.chars(lower.baseAddress), lower.count)
        }
        if let upper = self.upper {
            rocksdb_readoptions_set_iterate_upper_bound(options, RocksBytes.chars(upper.baseAddress), upper.count)
        }
        readOptions = options
        pointer = rocksdb_create_iterator_cf(db.handle, options, family.pointer)!
    }

    deinit {
        rocksdb_iter_destroy(pointer)
        rocksdb_readoptions_destroy(readOptions)
        lower?.deallocate()
        upper?.deallocate()
    }

    private static func copy(_ bytes: [UInt8]?) -> UnsafeMutableRawBufferPointer? {
        guard let bytes else { return nil }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        buffer.copyBytes(from: bytes)
        return UnsafeMutableRawBufferPointer(rebasing: buffer[..<bytes.count])
    }

    /// True while the iterator is on an entry.
    var isValid: Bool { rocksdb_iter_valid(pointer) != 0 }

    /// Moves to the first key at or after `key`.
    func seek(_ key: [UInt8]) { key.withRocksSlice { rocksdb_iter_seek(pointer, $0, $1) } }

    /// Moves to the last key at or before `key`.
    func seekForPrev(_ key: [UInt8]) { key.withRocksSlice { rocksdb_iter_seek_for_prev(pointer, $0, $1) } }

    /// Moves to the first key (within the bounds).
    func seekToFirst() { rocksdb_iter_seek_to_first(pointer) }

    /// Moves to the last key (within the bounds).
    func seekToLast() { rocksdb_iter_seek_to_last(pointer) }

    /// Moves to the next key; the iterator must be valid.
    func next() {
        precondition(isValid, "RocksIterator.next() on an invalid iterator")
        rocksdb_iter_next(pointer)
    }

    /// Moves to the previous key; the iterator must be valid.
    func previous() {
        precondition(isValid, "RocksIterator.previous() on an invalid iterator")
        rocksdb_iter_prev(pointer)
    }

    /// Lends the current key to `body`; the iterator must be valid.
    func withKey<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        precondition(isValid, "RocksIterator key read on an invalid iterator")
        var count = 0
        let p = rocksdb_iter_key(pointer, &count)
        return try body(RocksBytes.buffer(p, count))
    }

    /// Lends the current value to `body`; the iterator must be valid.
    func withValue<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        precondition(isValid, "RocksIterator value read on an invalid iterator")
        var count = 0
        let p = rocksdb_iter_value(pointer, &count)
        return try body(RocksBytes.buffer(p, count))
    }

    /// A copy of the current key.
    var key: [UInt8] { withKey { [UInt8]($0) } }

    /// A copy of the current value.
    var value: [UInt8] { withValue { [UInt8]($0) } }

    /// Throws if the iterator stopped because of an error rather than the end of its range; call it
    /// when `isValid` turns false.
    func check() throws(StorageError) {
        try rocks("rocksdb_iter_get_error") { rocksdb_iter_get_error(pointer, $0) }
    }
}
