// IPLDMap.swift: a map kept in canonical DAG-CBOR key order.
// Book: docs/05-cid-dag-cbor.md.

/// A map with text keys, stored as an array of entries in canonical DAG-CBOR
/// order: shorter keys first, equal lengths by bytes. Keys are unique.
///
/// Records have a handful of keys, so an array beats a hash table on every
/// count that matters: one allocation, cache-friendly lookup, and encoding
/// needs no sort.
public struct IPLDMap: Sendable, Hashable, RandomAccessCollection {
    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: IPLD

        /// An entry.
        @inlinable public init(key: String, value: IPLD) {
            self.key = key
            self.value = value
        }
    }

    /// Thrown when the same key appears twice.
    public struct DuplicateKey: Error, Sendable, Equatable {
        /// The repeated key.
        public let key: String
    }

    /// The entries in canonical order.
    public private(set) var entries: [Entry]

    /// The empty map.
    public init() { entries = [] }

    /// A map from unordered pairs; throws on a duplicate key.
    public init(_ pairs: some Sequence<(String, IPLD)>) throws(DuplicateKey) {
        var e = pairs.map { Entry(key: $0.0, value: $0.1) }
        e.sort { IPLDMap.keyPrecedes($0.key, $1.key) }
        for i in e.indices.dropFirst() where e[i].key == e[i - 1].key { throw DuplicateKey(key: e[i].key) }
        entries = e
    }

    /// A map from entries already in canonical order without duplicates (the decoder's path).
    init(canonicalEntries: [Entry]) { entries = canonicalEntries }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Entry { entries[position] }

    /// The keys in canonical order.
    public var keys: [String] { entries.map(\.key) }

    /// The value under `key`; setting nil removes it.
    public subscript(key: String) -> IPLD? {
        get {
            let (i, found) = find(key)
            return found ? entries[i].value : nil
        }
        set {
            let (i, found) = find(key)
            switch (found, newValue) {
            case (true, let v?): entries[i].value = v
            case (true, nil): entries.remove(at: i)
            case (false, let v?): entries.insert(Entry(key: key, value: v), at: i)
            case (false, nil): break
            }
        }
    }

    /// Binary search in canonical order: the index of `key`, or where it would go.
    @usableFromInline func find(_ key: String) -> (Int, Bool) {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let k = entries[mid].key
            if k == key { return (mid, true) }
            if IPLDMap.keyPrecedes(k, key) { lo = mid + 1 } else { hi = mid }
        }
        return (lo, false)
    }

    /// Canonical DAG-CBOR key order: shorter UTF-8 first, then bytewise.
    @inlinable public static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        let la = a.utf8.count, lb = b.utf8.count
        if la != lb { return la < lb }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
