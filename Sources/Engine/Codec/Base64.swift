// Base64.swift: standard-alphabet base64 for `$bytes` in the atproto JSON form.
// Book: docs/05-cid-dag-cbor.md.

/// Base64 with the standard alphabet. atproto writes it without padding and
/// reads it with or without.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Encodes without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        let n = (bytes.count * 4 + 2) / 3
        return String(unsafeUninitializedCapacity: n) { out in
            alphabet.withUnsafeBufferPointer { a in
                var o = 0, i = 0
                while i + 3 <= bytes.count {
                    let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                    out[o] = a[Int(v >> 18)]
                    out[o + 1] = a[Int(v >> 12 & 63)]
                    out[o + 2] = a[Int(v >> 6 & 63)]
                    out[o + 3] = a[Int(v & 63)]
                    o += 4
                    i += 3
                }
                let rest = bytes.count - i
                if rest > 0 {
                    let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
                    out[o] = a[Int(v >> 18)]
                    out[o + 1] = a[Int(v >> 12 & 63)]
                    o += 2
                    if rest == 2 {
                        out[o] = a[Int(v >> 6 & 63)]
                        o += 1
                    }
                }
                return o
            }
        }
    }

    /// Decodes padded or unpadded text; nil on a bad character, a bad length or non-zero trailing bits.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var chars = Array(text.utf8)
        if chars.count % 4 == 0, chars.last == UInt8(ascii: "=") {
            chars.removeLast()
            if chars.last == UInt8(ascii: "=") { chars.removeLast() }
        }
        if chars.count % 4 == 1 { return nil }
        var out = [UInt8]()
        out.reserveCapacity(chars.count * 3 / 4)
        var i = 0
        var acc: UInt32 = 0, bits = 0
        while i < chars.count {
            let d = table[Int(chars[i])]
            if d == 0xFF { return nil }
            acc = acc << 6 | UInt32(d)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
                acc &= (1 << UInt32(bits)) - 1
            }
            i += 1
        }
        if acc != 0 { return nil }
        return out
    }
}
