// FuzzJSON: atproto JSON -> data model. Book: docs/05-cid-dag-cbor.md.
// Properties: no crash; an accepted value survives JSON and DAG-CBOR round trips.
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? AtprotoJSON.decode(bytes) else { return 0 }
    precondition((try? AtprotoJSON.decode(AtprotoJSON.encode(value))) == value, "JSON round trip changed the value")
    precondition((try? DagCBOR.decode(DagCBOR.encode(value))) == value, "DAG-CBOR round trip changed the value")
    return 0
}
