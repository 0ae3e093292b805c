// RocksDB.swift: an open RocksDB database and its column families. Book: docs/04-c-engine.md.

import CEngine

/// A column family handle of an open `RocksDB`; valid while that database is open.
///
/// `@unchecked Sendable` is safe: RocksDB column family handles are immutable and thread-safe,
/// and the owning `RocksDB` keeps them alive until it closes.
struct RocksFamily: @unchecked Sendable {
    /// The C handle, owned by the `RocksDB`.
    let pointer: OpaquePointer
    /// The column family's name, for error messages.
    let name: String
}

/// Owns an open RocksDB (`rocksdb_t *`) and its column family handles; closes them in `deinit`.
///
/// `@unchecked Sendable` is safe: RocksDB's `DB` is thread-safe for concurrent reads and writes, and
/// the read and write options held here are built in `init` and only read afterwards. Calls block
/// the calling thread (disk I/O, fsync), so callers keep them off event-loop threads.
final class RocksDB: @unchecked Sendable {
    /// The database directory.
    let path: String
    /// The C handle.
    let handle: OpaquePointer
    /// The column families, in the order they were asked for.
    let families: [RocksFamily]
    /// The options the database was opened with (kept for the block cache).
    let options: RocksOptions
    /// Write options: sync per `StorageOptions.sync`.
    private let writeOptions: OpaquePointer
    /// Read options for point reads.
    private let readOptions: OpaquePointer

    /// Opens (or creates) the database at `storage.path` with these column families (`default` is
    /// added first if absent), creating any that are missing.
    init(_ storage: StorageOptions, families names: [String]) throws(StorageError) {
        let path = storage.path
        try RocksDB.preparePath(path, create: storage.createIfMissing)
        let names = names.contains("default") ? names : ["default"] + names
        let options = RocksOptions(storage)

        var handles = [OpaquePointer?](repeating: nil, count: names.count)
        let cNames = names.map { name in
            let chars = name.utf8CString
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: chars.count)
            chars.withUnsafeBufferPointer { copy.initialize(from: $0.baseAddress!, count: $0.count) }
            return copy
        }
        defer { cNames.forEach { $0.deallocate() } }
        let nameList: [UnsafePointer<CChar>?] = cNames.map { UnsafePointer($0) }
        let optionList: [OpaquePointer?] = Array(repeating: options.pointer, count: names.count)
        let db: OpaquePointer?
        do {
            db = try rocks("rocksdb_open_column_families") { err in
                rocksdb_open_column_families(
                    options.pointer, path, Int32(names.count), nameList, optionList, &handles, err)
            }
        } catch {
            throw RocksDB.openError(path: path, error)
        }
        guard let db else { throw .open(path: path, .other("rocksdb_open_column_families returned no handle")) }

        self.path = path
        self.handle = db
        self.options = options
        self.families = zip(names, handles).map { RocksFamily(pointer: $1!, name: $0) }
        writeOptions = rocksdb_writeoptions_create()!
        rocksdb_writeoptions_set_sync(writeOptions, storage.sync ? 1 : 0)
        readOptions = rocksdb_readoptions_create()!
    }

    deinit {
        for family in families { rocksdb_column_family_handle_destroy(family.pointer) }
        rocksdb_close(handle)
        rocksdb_writeoptions_destroy(writeOptions)
        rocksdb_readoptions_destroy(readOptions)
    }

    /// The column family called `name`; it must be one the database was opened with.
    func family(_ name: String) -> RocksFamily {
        guard let family = families.first(where: { $0.name == name }) else {
            preconditionFailure("column family \(name) was not opened")
        }
        return family
    }

    /// Lends the value stored at `key` (nil if absent) to `body`, without copying it.
    func withValue<R>(
        _ family: RocksFamily, _ key: [UInt8], snapshot: RocksSnapshot? = nil,
        _ body: (UnsafeRawBufferPointer?) throws(StorageError) -> R
    ) throws(StorageError) -> R {
        let options = snapshot?.readOptions ?? readOptions
        let slice = try key.withRocksSlice { (k, n) throws(StorageError) in
            try rocks("rocksdb_get_pinned_cf") { err in
                rocksdb_get_pinned_cf(handle, options, family.pointer, k, n, err)
            }
        }
        guard let slice else { return try body(nil) }
        defer { rocksdb_pinnableslice_destroy(slice) }
        var count = 0
        let value = rocksdb_pinnableslice_value(slice, &count)
        return try body(RocksBytes.buffer(value, count))
    }

    /// A copy of the value stored at `key`, or nil.
    func get(_ family: RocksFamily, _ key: [UInt8], snapshot: RocksSnapshot? = nil) throws(StorageError) -> [UInt8]? {
        try withValue(family, key, snapshot: snapshot) { $0.map { [UInt8]($0) } }
    }

    /// Applies a write batch atomically (all of it or none of it), syncing the WAL if configured.
    func write(_ batch: RocksWriteBatch) throws(StorageError) {
        try rocks("rocksdb_write") { rocksdb_write(handle, writeOptions, batch.pointer, $0) }
    }

    /// An iterator over `family` limited to `lower ..< upper`; `fillCache: false` keeps a bulk scan
    /// from evicting hot blocks.
    func iterator(
        _ family: RocksFamily, lower: [UInt8]? = nil, upper: [UInt8]? = nil, snapshot: RocksSnapshot? = nil,
        fillCache: Bool = true
    ) -> RocksIterator {
        RocksIterator(db: self, family: family, lower: lower, upper: upper, snapshot: snapshot, fillCache: fillCache)
    }

    /// A consistent read view of the whole database as of now.
    func snapshot() -> RocksSnapshot { RocksSnapshot(db: self) }

    /// Writes every column family's memtable to table files and waits.
    func flush() throws(StorageError) {
        let flush = rocksdb_flushoptions_create()!
        defer { rocksdb_flushoptions_destroy(flush) }
        rocksdb_flushoptions_set_wait(flush, 1)
        for family in families {
            try rocks("rocksdb_flush_cf") { rocksdb_flush_cf(handle, flush, family.pointer, $0) }
        }
    }

    /// Compacts the whole of `family` (drops deleted ranges' data, rewrites into the bottommost level).
    func compact(_ family: RocksFamily) {
        rocksdb_compact_range_cf(handle, family.pointer, nil, 0, nil, 0)
    }

    /// Compacts the keys of `family` in `[start, end]`, dropping deleted values stored there.
    func compact(_ family: RocksFamily, from start: [UInt8], to end: [UInt8]) {
        start.withUnsafeBufferPointer { s in
            end.withUnsafeBufferPointer { e in
                s.withMemoryRebound(to: CChar.self) { s in
                    e.withMemoryRebound(to: CChar.self) { e in
                        rocksdb_compact_range_cf(handle, family.pointer, s.baseAddress, s.count, e.baseAddress, e.count)
                    }
                }
            }
        }
    }
}
