// Base58.swift: base58btc (multibase 'z'), used by did:key.
// Book: docs/04-c-engine.md.
import CEngine

/// The Bitcoin base58 alphabet.
public enum Base58 {
    /// Encodes bytes (at most 1024) as text.
    public static func encode(_ bytes: [UInt8]) -> String {
        precondition(bytes.count <= Int(CENGINE_BASE58_MAX), "base58 input too long")
        let cap = bytes.count * 138 / 100 + 2
        return String(unsafeUninitializedCapacity: cap) { out in
            bytes.withUnsafeBufferPointer { cengine_base58_encode($0.baseAddress, $0.count, out.baseAddress, cap) }
        }
    }

    /// Decodes text; nil on a character outside the alphabet or text longer than 1024.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var s = String(text)
        return s.withUTF8 { t -> [UInt8]? in
            guard t.count <= Int(CENGINE_BASE58_MAX) else { return nil }
            var out = [UInt8](repeating: 0, count: t.count + 1)
            let n = out.withUnsafeMutableBufferPointer { cengine_base58_decode(t.baseAddress, t.count, $0.baseAddress, $0.count) }
            guard n >= 0 else { return nil }
            out.removeSubrange(Int(n)...)
            return out
        }
    }
}
