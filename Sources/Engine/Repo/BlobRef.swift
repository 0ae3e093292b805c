// BlobRef.swift: the blob references a record carries (`{"$type": "blob", "ref": …}`).
// Book: docs/15-blobs.md ("References in records").

/// One blob reference found in a record.
public struct BlobRef: Sendable, Hashable {
    /// The blob's CID (the `ref` link).
    public var cid: CID
    /// The MIME type the record claims.
    public var mimeType: String
    /// The size in bytes the record claims.
    public var size: Int64

    /// A reference.
    public init(cid: CID, mimeType: String, size: Int64) {
        self.cid = cid
        self.mimeType = mimeType
        self.size = size
    }

    /// Every blob reference in `record`, at any depth, in the order met (duplicates kept).
    public static func all(in record: IPLDMap) -> [BlobRef] {
        var out: [BlobRef] = []
        collect(.map(record), into: &out, depth: 0)
        return out
    }

    /// The distinct blob CIDs of `record`, sorted: what the blob index keeps per record.
    public static func cids(in record: IPLDMap) -> [CID] {
        let refs = all(in: record)
        if refs.isEmpty { return [] }
        return Set(refs.map(\.cid)).sorted()
    }

    /// Walks maps and lists; records are depth-limited by their decoders, this bound only guards recursion.
    private static func collect(_ value: IPLD, into out: inout [BlobRef], depth: Int) {
        guard depth < 256 else { return }
        switch value {
        case .map(let m):
            if case .string("blob")? = m["$type"], case .link(let cid)? = m["ref"] {
                out.append(
                    BlobRef(cid: cid, mimeType: m["mimeType"]?.stringValue ?? "", size: m["size"]?.intValue ?? -1))
                return
            }
            for entry in m { collect(entry.value, into: &out, depth: depth + 1) }
        case .list(let items):
            for item in items { collect(item, into: &out, depth: depth + 1) }
        default: return
        }
    }
}
