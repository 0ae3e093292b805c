// CID+String.swift: the text forms of a CID (multibase base32 'b', base58btc 'z', CIDv0 'Qm').
// Book: docs/05-cid-dag-cbor.md.

extension CID {
    /// The canonical text: `b` + base32 for CIDv1, base58btc for CIDv0.
    public var string: String {
        var out = [UInt8]()
        out.reserveCapacity(encodedLength)
        encode(into: &out)
        if version == 0 { return Base58.encode(out) }
        return "b" + Base32.encode(out)
    }

    /// Parses CID text: `b…` (base32 lower), `z…` (base58btc) for CIDv1, or a `Qm…` CIDv0.
    public init(string: some StringProtocol) throws(CIDError) {
        guard let first = string.utf8.first, string.utf8.count >= 2, string.utf8.count <= 256 else {
            throw .badString
        }
        let bytes: [UInt8]?
        switch first {
        case UInt8(ascii: "b"): bytes = Base32.decode(string.dropFirst())
        case UInt8(ascii: "z"): bytes = Base58.decode(string.dropFirst())
        case UInt8(ascii: "Q") where string.hasPrefix("Qm") && string.utf8.count == 46:
            bytes = Base58.decode(string)
        default: bytes = nil
        }
        guard let bytes else { throw .badString }
        let cid = try CID(bytes: bytes)
        // A v1 CID written as base58 "Qm…" text, or v0 bytes in base32, is not a canonical form.
        if first == UInt8(ascii: "Q") ? cid.version != 0 : cid.version != 1 { throw .badString }
        self = cid
    }
}
