// FuzzCID: CID text and binary parsing. Book: docs/05-cid-dag-cbor.md.
// Properties: no crash; whatever parses prints and re-parses to the same CID.
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCID(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let cid = try? CID(bytes: bytes) {
        precondition(cid.bytes == bytes, "binary CID does not round-trip")
        precondition((try? CID(string: cid.string)) == cid, "CID text does not round-trip")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if let cid = try? CID(string: text) {
        precondition((try? CID(bytes: cid.bytes)) == cid, "parsed CID does not round-trip")
    }
    return 0
}
