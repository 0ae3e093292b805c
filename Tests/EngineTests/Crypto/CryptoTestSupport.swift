// CryptoTestSupport.swift: curve orders, s -> n - s, DER and base64 helpers for the signature tests.
import Foundation

/// Helpers shared by the Crypto tests.
enum CryptoTestSupport {
    /// The secp256k1 group order n.
    static let k256Order = NativeTestBytes.hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
    /// The P-256 group order n.
    static let p256Order = NativeTestBytes.hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")

    /// `a - b` for equal-length big-endian numbers with `a >= b`.
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        precondition(a.count == b.count)
        var out = [UInt8](repeating: 0, count: a.count)
        var borrow = 0
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            var d = Int(a[i]) - Int(b[i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 256 }
            out[i] = UInt8(d)
        }
        precondition(borrow == 0, "a < b")
        return out
    }

    /// The same signature with S replaced by n - S (low-S <-> high-S).
    static func flipS(_ sig: [UInt8], order: [UInt8]) -> [UInt8] {
        Array(sig[..<32]) + subtract(order, Array(sig[32...]))
    }

    /// True if S (big-endian) is above n / 2.
    static func isHighS(_ sig: [UInt8], order: [UInt8]) -> Bool {
        // n is odd, so S > n/2 exactly when 2*S > n, i.e. when n - S < S.
        let s = Array(sig[32...])
        return subtract(order, s).lexicographicallyPrecedes(s)
    }

    /// The DER `SEQUENCE { INTEGER r, INTEGER s }` form of a compact signature.
    static func der(_ sig: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var v = Array(bytes.drop(while: { $0 == 0 }))
            if v.isEmpty || v[0] & 0x80 != 0 { v.insert(0, at: 0) }
            return [0x02, UInt8(v.count)] + v
        }
        let body = integer(sig[..<32]) + integer(sig[32...])
        return [0x30, UInt8(body.count)] + body
    }

    /// Decodes base64 with or without padding (the atproto fixtures omit it).
    static func base64(_ text: String) -> [UInt8] {
        let padded = text + String(repeating: "=", count: (4 - text.utf8.count % 4) % 4)
        return [UInt8](Data(base64Encoded: padded)!)
    }
}
