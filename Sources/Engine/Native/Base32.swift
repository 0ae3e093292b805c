// Base32.swift: RFC 4648 base32, lower case, no padding (multibase 'b').
// Book: docs/04-c-engine.md.
import CEngine

/// Lower-case unpadded base32, as CIDs print.
public enum Base32 {
    /// Encodes bytes as text.
    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        let n = cengine_base32_encoded_len(bytes.count)
        return String(unsafeUninitializedCapacity: n) { out in
            cengine_base32_encode(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, out.baseAddress)
            return n
        }
    }

    /// Encodes bytes as text.
    public static func encode(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { encode($0) } }

    /// Decodes text; nil on any character outside the alphabet or a non-canonical tail.
    public static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: text.count * 5 / 8)
        let n = out.withUnsafeMutableBufferPointer { o in
            cengine_base32_decode(text.baseAddress?.assumingMemoryBound(to: UInt8.self), text.count, o.baseAddress)
        }
        guard n >= 0 else { return nil }
        out.removeSubrange(Int(n)...)
        return out
    }

    /// Decodes text; nil on any character outside the alphabet or a non-canonical tail.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var s = String(text)
        return s.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
    }
}
