// RocksOptions.swift: the RocksDB tuning for the data plane, built once per open. Book: docs/04-c-engine.md.

import CEngine

/// Owns the `rocksdb_options_t` every column family opens with, and the LRU block cache they share.
///
/// The choices (the chapter has the measurements behind them):
/// - LZ4 on every level but the last and zstd on the bottommost: most data sits in the last level,
///   where zstd's better ratio pays; upper levels are rewritten often, where LZ4's speed pays.
/// - One LRU block cache for all column families, so hot repos win memory whichever family they use.
/// - A 10 bits/key Bloom filter with whole-key filtering: a `get` for an absent CID or record
///   usually skips the disk.
/// - 16 KiB data blocks: repo blocks are a few hundred bytes to a few KiB, and a repo's blocks are
///   adjacent (`repoId ‖ CID`), so bigger blocks compress better and help prefix scans.
/// - No `optimize_for_point_lookup` (its hash index would break the prefix scans).
/// - The WAL is on; `max_open_files = -1` keeps every table open; two background threads;
///   `level_compaction_dynamic_level_bytes` keeps space amplification near 1.1.
///
/// `@unchecked Sendable` is safe: the options are only read after `init` (RocksDB copies them on open).
final class RocksOptions: @unchecked Sendable {
    /// The DB-wide and per-column-family options.
    let pointer: OpaquePointer
    /// The shared block cache; the table factory holds its own reference too.
    private let cache: OpaquePointer

    /// The bloom filter's bits per key.
    static let bloomBitsPerKey = 10.0
    /// The data block size.
    static let blockSize = 16 * 1024

    /// Builds the options for `storage`.
    init(_ storage: StorageOptions) {
        cache = rocksdb_cache_create_lru(max(0, storage.blockCacheBytes))

        let table = rocksdb_block_based_options_create()!
        rocksdb_block_based_options_set_block_cache(table, cache)
        rocksdb_block_based_options_set_block_size(table, RocksOptions.blockSize)
        // The table options take ownership of the policy.
        rocksdb_block_based_options_set_filter_policy(
            table, rocksdb_filterpolicy_create_bloom(RocksOptions.bloomBitsPerKey))
        rocksdb_block_based_options_set_whole_key_filtering(table, 1)

        let options = rocksdb_options_create()!
        // The factory copies the table options, so they can go now.
        rocksdb_options_set_block_based_table_factory(options, table)
        rocksdb_block_based_options_destroy(table)

        rocksdb_options_set_create_if_missing(options, storage.createIfMissing ? 1 : 0)
        rocksdb_options_set_create_missing_column_families(options, 1)
        rocksdb_options_increase_parallelism(options, 2)
        rocksdb_options_set_max_open_files(options, -1)
        rocksdb_options_set_level_compaction_dynamic_level_bytes(options, 1)
        rocksdb_options_set_compression(options, Int32(rocksdb_lz4_compression))
        rocksdb_options_set_bottommost_compression(options, Int32(rocksdb_zstd_compression))
        rocksdb_options_set_keep_log_file_num(options, 10)
        pointer = options
    }

    deinit {
        rocksdb_options_destroy(pointer)
        rocksdb_cache_destroy(cache)
    }

    /// Bytes currently held in the block cache.
    var blockCacheUsage: Int { rocksdb_cache_get_usage(cache) }
}
