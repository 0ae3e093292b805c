// Base64URL.swift: strict unpadded base64url (PLC signatures, JWTs).
// Book: docs/12-accounts-and-dids.md ("Signatures").

/// Unpadded base64url (RFC 4648 section 5), read strictly: no `=`, no whitespace, no standard-alphabet
/// `+` or `/`, and zero trailing bits, so one signature has exactly one spelling (and the op one CID).
public enum Base64URL {
    /// Encodes without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        String(
            decoding: Base64.encode(bytes).utf8.map { c in
                switch c {
                case UInt8(ascii: "+"): UInt8(ascii: "-")
                case UInt8(ascii: "/"): UInt8(ascii: "_")
                default: c
                }
            }, as: UTF8.self)
    }

    /// Decodes canonical unpadded base64url; nil for anything else.
    public static func decode(_ text: String) -> [UInt8]? {
        var standard = [UInt8]()
        standard.reserveCapacity(text.utf8.count)
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                standard.append(c)
            case UInt8(ascii: "-"): standard.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): standard.append(UInt8(ascii: "/"))
            default: return nil
            }
        }
        // Base64.decode rejects a length of 1 mod 4 and non-zero trailing bits.
        return Base64.decode(String(decoding: standard, as: UTF8.self))
    }
}
