// FuzzDNS: DNS answers as the handle resolver reads them. Book: docs/12-accounts-and-dids.md.
// Properties: no crash and no hang on any bytes (pointer loops are bounded); an answer that parses
// parses to the same records again.
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDNS(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let id: UInt16 = bytes.count >= 2 ? UInt16(bytes[0]) << 8 | UInt16(bytes[1]) : 0
    if let records = try? DNSMessage.txtRecords(bytes, id: id) {
        precondition((try? DNSMessage.txtRecords(bytes, id: id)) == records, "parse is not stable")
    }
    return 0
}
