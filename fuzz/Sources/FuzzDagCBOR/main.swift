// FuzzDagCBOR: strict DAG-CBOR decoding. Book: docs/05-cid-dag-cbor.md.
// Properties: no crash; the scanner and the decoder agree; anything accepted is
// canonical, so it re-encodes to exactly the input.
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDagCBOR(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let scanned = (try? bytes.withUnsafeBytes { try DagCBOR.scan($0) }) != nil
    guard let value = try? DagCBOR.decode(bytes) else { return 0 }
    precondition(scanned, "decoder accepted what the scanner refused")
    precondition(DagCBOR.encode(value) == bytes, "accepted non-canonical DAG-CBOR")
    _ = AtprotoJSON.encode(value)
    return 0
}
