// RocksWriteBatch.swift: a set of writes RocksDB applies atomically. Book: docs/04-c-engine.md.

import CEngine

/// Owns a `rocksdb_writebatch_t` and frees it in `deinit`. The batch copies every key and value
/// it is given, so the caller's buffers may go as soon as a call returns. Used by one thread at a time.
final class RocksWriteBatch {
    /// The C handle.
    let pointer: OpaquePointer

    /// An empty batch.
    init() { pointer = rocksdb_writebatch_create()! }

    deinit { rocksdb_writebatch_destroy(pointer) }

    /// How many operations the batch holds.
    var count: Int { Int(rocksdb_writebatch_count(pointer)) }

    /// Sets `key` to `value`.
    func put(_ family: RocksFamily, _ key: [UInt8], _ value: [UInt8]) {
        key.withRocksSlice { k, kn in
            value.withRocksSlice { v, vn in rocksdb_writebatch_put_cf(pointer, family.pointer, k, kn, v, vn) }
        }
    }

    /// Removes `key`.
    func delete(_ family: RocksFamily, _ key: [UInt8]) {
        key.withRocksSlice { k, kn in rocksdb_writebatch_delete_cf(pointer, family.pointer, k, kn) }
    }

    /// Removes every key in `start ..< end`.
    func deleteRange(_ family: RocksFamily, from start: [UInt8], to end: [UInt8]) {
        start.withRocksSlice { s, sn in
            end.withRocksSlice { e, en in rocksdb_writebatch_delete_range_cf(pointer, family.pointer, s, sn, e, en) }
        }
    }
}
