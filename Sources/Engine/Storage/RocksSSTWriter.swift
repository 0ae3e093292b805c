// RocksSSTWriter.swift: builds a sorted table file for bulk loading, and ingests it.
// Book: docs/04-c-engine.md ("Bulk import").

import CEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns a `rocksdb_sstfilewriter_t`: writes keys in strictly increasing order into a table file
/// that `RocksDB.ingest` then links into a column family without passing through the memtable or
/// the WAL. Used for whole-repo imports, where a million-block WriteBatch would spend most of its
/// time inserting into one enormous memtable skiplist.
final class RocksSSTWriter {
    private let pointer: OpaquePointer
    private let env: OpaquePointer
    private let tableOptions: OpaquePointer
    /// The file being written.
    let path: String
    /// Keys added so far.
    private(set) var count = 0

    /// Opens `path` for writing with the database's table options (compression, block size, filter).
    ///
    /// The file is LZ4-compressed throughout: the writer would otherwise use the bottommost
    /// level's zstd, which is several times slower to write and dominated a whole-repo import.
    /// The data is recompressed with zstd when a later compaction rewrites it.
    init(path: String, options: RocksOptions) throws(StorageError) {
        env = rocksdb_envoptions_create()
        tableOptions = rocksdb_options_create_copy(options.pointer)
        rocksdb_options_set_bottommost_compression(tableOptions, Int32(rocksdb_lz4_compression))
        pointer = rocksdb_sstfilewriter_create(env, tableOptions)
        self.path = path
        try rocks("rocksdb_sstfilewriter_open") { err in rocksdb_sstfilewriter_open(pointer, path, err) }
    }

    deinit {
        rocksdb_sstfilewriter_destroy(pointer)
        rocksdb_options_destroy(tableOptions)
        rocksdb_envoptions_destroy(env)
    }

    /// Adds a key, which must sort after the previous one.
    func put(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws(StorageError) {
        try rocks("rocksdb_sstfilewriter_put") { err in
            rocksdb_sstfilewriter_put(
                pointer, RocksBytes.chars(key.baseAddress), key.count, RocksBytes.chars(value.baseAddress), value.count,
                err)
        }
        count += 1
    }

    /// Adds a key, which must sort after the previous one.
    func put(_ key: [UInt8], _ value: [UInt8]) throws(StorageError) {
        let result: Result<Void, StorageError> = key.withUnsafeBytes { k in
            value.withUnsafeBytes { v in Result { () throws(StorageError) in try put(k, v) } }
        }
        try result.get()
    }

    /// Adds a key, which must sort after the previous one, with borrowed value bytes.
    func put(_ key: [UInt8], _ value: UnsafeRawBufferPointer) throws(StorageError) {
        let result: Result<Void, StorageError> = key.withUnsafeBytes { k in
            Result { () throws(StorageError) in try put(k, value) }
        }
        try result.get()
    }

    /// Completes the file. A writer with no keys cannot be finished (RocksDB refuses): check `count`.
    func finish() throws(StorageError) {
        try rocks("rocksdb_sstfilewriter_finish") { err in rocksdb_sstfilewriter_finish(pointer, err) }
    }
}

extension RocksDB {
    /// Moves finished table files into a column family. Their keys must not overlap anything a
    /// reader could see mid-ingest, so callers ingest only key ranges nothing refers to yet.
    func ingest(_ family: RocksFamily, files: [String]) throws(StorageError) {
        guard !files.isEmpty else { return }
        let options = rocksdb_ingestexternalfileoptions_create()
        defer { rocksdb_ingestexternalfileoptions_destroy(options) }
        rocksdb_ingestexternalfileoptions_set_move_files(options, 1)
        let copies = files.map { strdup($0)! }
        defer { copies.forEach { free($0) } }
        let list: [UnsafePointer<CChar>?] = copies.map { UnsafePointer<CChar>($0) }
        try rocks("rocksdb_ingest_external_file_cf") { err in
            rocksdb_ingest_external_file_cf(handle, family.pointer, list, list.count, options, err)
        }
    }
}
