// FuzzSyntax: every identifier parser (DID, handle, NSID, TID, record key, AT URI,
// datetime, language, CID and URI strings). Book: docs/01-atproto.md.
// Properties: no crash; whatever parses prints a string that parses to the same value.
import Engine

func roundTrip<T: Equatable & CustomStringConvertible>(_ text: String, _ parse: (String) throws -> T) {
    guard let v = try? parse(text) else { return }
    precondition((try? parse(v.description)) == v, "\(T.self) does not round-trip")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSyntax(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    roundTrip(text, DID.init)
    roundTrip(text, Handle.init)
    roundTrip(text, NSID.init)
    roundTrip(text, TID.init)
    roundTrip(text, RecordKey.init)
    roundTrip(text, ATURI.init)
    roundTrip(text, ATIdentifier.init)
    roundTrip(text, Datetime.init)
    roundTrip(text, Language.init)
    roundTrip(text, CIDString.init)
    roundTrip(text, URIString.init)
    return 0
}
