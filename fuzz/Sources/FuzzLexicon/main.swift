// FuzzLexicon: atproto JSON -> data model -> validated as app.bsky.feed.post. Book: docs/09-lexicons.md.
// Properties: no crash; validation is deterministic; a violation's path starts at `record`; the
// value validates the same after a DAG-CBOR round trip.
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicon(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? AtprotoJSON.decode(bytes) else { return 0 }
    check(value)
    // Most inputs lack the right `$type`; also try them with it, to reach the field checks.
    if case .map(var m) = value, m["$type"] != .string("app.bsky.feed.post") {
        m["$type"] = "app.bsky.feed.post"
        check(.map(m))
    }
    return 0
}

func check(_ value: IPLD) {
    let result = fuzzCatalog.validateRecord(collection: fuzzPost, value: value)
    precondition(
        fuzzCatalog.validateRecord(collection: fuzzPost, value: value) == result, "validation is not deterministic")
    if let v = result.violation {
        precondition(v.path == "record" || v.path.hasPrefix("record/"), "violation path outside the record")
    }
    if case .unknownLexicon = result { preconditionFailure("the post lexicon is in the catalog") }
    let again = try! DagCBOR.decode(DagCBOR.encode(value))
    precondition(
        fuzzCatalog.validateRecord(collection: fuzzPost, value: again) == result, "CBOR round trip changed the outcome")
}
