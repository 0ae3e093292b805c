// FuzzMSTNode: MST node decoding. Book: docs/06-mst.md.
// Properties: no crash; an accepted node re-encodes to exactly the input (one canonical form).
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMSTNode(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cid = CID.dagCBOR(bytes)
    guard let node = try? MSTNode(decoding: bytes, cid: cid) else { return 0 }
    let (again, againCID) = node.encoded()
    precondition(again == bytes && againCID == cid, "accepted a non-canonical MST node")
    return 0
}
