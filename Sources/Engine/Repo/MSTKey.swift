// MSTKey.swift: MST keys (`collection/rkey`) and their layer in the tree.
// Book: docs/06-mst.md ("Keys and layers").

/// Keys of the Merkle Search Tree.
public enum MSTKey {
    /// Longest key accepted (an NSID of up to 317 bytes, a slash, a record key of up to 512).
    public static let maxLength = 317 + 1 + 512

    /// The layer a key lives on: the number of leading zero bits of its SHA-256, in pairs
    /// (so each layer has about a quarter of the keys of the one below: a fanout of ~4).
    @inlinable public static func height(_ key: UnsafeRawBufferPointer) -> Int {
        let d = SHA256.hash(key)
        var zeros = 0
        d.withUnsafeBytes { b in
            for byte in b {
                if byte == 0 {
                    zeros += 8
                    continue
                }
                zeros += byte.leadingZeroBitCount
                break
            }
        }
        return zeros / 2
    }

    /// The layer of a key.
    @inlinable public static func height(_ key: [UInt8]) -> Int { key.withUnsafeBytes { height($0) } }

    /// The layer of a key.
    public static func height(_ key: String) -> Int { height(Array(key.utf8)) }

    /// Checks that a key is `collection/rkey` with a valid NSID and record key.
    public static func validate(_ key: [UInt8]) throws(MSTError) {
        guard !key.isEmpty, key.count <= maxLength else { throw .invalidKey("length \(key.count)") }
        guard let slash = key.firstIndex(of: UInt8(ascii: "/")) else { throw .invalidKey("no slash") }
        let collection = String(decoding: key[..<slash], as: UTF8.self)
        let rkey = String(decoding: key[(slash + 1)...], as: UTF8.self)
        guard (try? NSID(collection)) != nil else { throw .invalidKey("collection is not an NSID") }
        guard (try? RecordKey(rkey)) != nil else { throw .invalidKey("not a valid record key") }
    }

    /// Bytewise order of keys.
    @inlinable public static func less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                let n = min(x.count, y.count)
                if n > 0, let xa = x.baseAddress, let ya = y.baseAddress {
                    let c = memcmp(xa, ya, n)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MSTKey {
    /// Length of the common prefix of two keys, in bytes (how node entries compress keys).
    public static func commonPrefixLength(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var i = 0
        let n = min(a.count, b.count)
        while i < n && a[i] == b[i] { i += 1 }
        return i
    }
}
