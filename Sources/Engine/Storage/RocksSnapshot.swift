// RocksSnapshot.swift: a consistent read view of a RocksDB database. Book: docs/04-c-engine.md.

import CEngine

/// Owns a RocksDB snapshot and read options bound to it; releases both in `deinit`. Reads through
/// it see the database as it was when the snapshot was taken.
final class RocksSnapshot {
    /// The database, kept open while the snapshot lives.
    let db: RocksDB
    /// The C snapshot.
    let pointer: OpaquePointer
    /// Read options that read at this snapshot.
    let readOptions: OpaquePointer

    /// Takes a snapshot of `db`.
    init(db: RocksDB) {
        self.db = db
        pointer = rocksdb_create_snapshot(db.handle)!
        readOptions = rocksdb_readoptions_create()!
        rocksdb_readoptions_set_snapshot(readOptions, pointer)
    }

    deinit {
        rocksdb_readoptions_destroy(readOptions)
        rocksdb_release_snapshot(db.handle, pointer)
    }
}
