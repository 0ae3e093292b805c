// StorageOptions.swift: where the data plane lives and how hard it syncs. Book: docs/04-c-engine.md.

/// How to open the RocksDB data plane.
public struct StorageOptions: Sendable, Hashable {
    /// The database directory (e.g. `$PDS_DATA_DIR/rocks`).
    public var path: String
    /// fsync the write-ahead log on every committed write batch, so an acknowledged commit survives
    /// power loss and `kill -9`. Turning it off keeps `kill -9` safety (the OS holds the WAL) only.
    public var sync: Bool
    /// Capacity of the LRU block cache shared by every column family, in bytes.
    public var blockCacheBytes: Int
    /// Create the directory (and its parents) and the database when absent.
    public var createIfMissing: Bool
    /// How many recent events the sequencer's ring keeps for live subscribers (a power of two).
    public var eventRingCapacity: Int

    /// The default block cache: 256 MiB.
    public static let defaultBlockCacheBytes = 256 << 20

    /// Options for a database at `path`.
    public init(
        path: String, sync: Bool = true, blockCacheBytes: Int = StorageOptions.defaultBlockCacheBytes,
        createIfMissing: Bool = true, eventRingCapacity: Int = 16_384
    ) {
        self.eventRingCapacity = eventRingCapacity
        self.path = path
        self.sync = sync
        self.blockCacheBytes = blockCacheBytes
        self.createIfMissing = createIfMissing
    }
}
