// AtprotoJSONObject.swift: the special objects of atproto JSON ($link, $bytes, blobs, $type).
// Book: docs/05-cid-dag-cbor.md ("The JSON form").

/// Maps a parsed JSON object onto the data model.
enum AtprotoJSONObject {
    static func interpret(_ pairs: [(String, IPLD)], at offset: Int) throws(JSONError) -> IPLD {
        if pairs.count == 1 {
            let (key, value) = pairs[0]
            if key == "$link" {
                guard case .string(let s) = value, let cid = try? CID(string: s) else {
                    throw JSONError(.badLink, at: offset)
                }
                return .link(cid)
            }
            if key == "$bytes" {
                guard case .string(let s) = value, let b = Base64.decode(s) else {
                    throw JSONError(.badBytes, at: offset)
                }
                return .bytes(b)
            }
        }
        let map: IPLDMap
        do { map = try IPLDMap(pairs) } catch { throw JSONError(.duplicateKey, at: offset) }
        if map["$link"] != nil { throw JSONError(.badLink, at: offset) }
        if map["$bytes"] != nil { throw JSONError(.badBytes, at: offset) }
        if let type = map["$type"] {
            guard case .string(let t) = type, !t.isEmpty else { throw JSONError(.badType, at: offset) }
            if t == "blob" { try checkBlob(map, at: offset) }
        }
        return .map(map)
    }

    /// A blob is `{"$type":"blob","ref":{"$link":…},"mimeType":"…","size":n}`.
    static func checkBlob(_ m: IPLDMap, at offset: Int) throws(JSONError) {
        guard case .link? = m["ref"], case .string(let mime)? = m["mimeType"], !mime.isEmpty,
            case .int(let size)? = m["size"], size >= 0
        else { throw JSONError(.badBlob, at: offset) }
    }
}
