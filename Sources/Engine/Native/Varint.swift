// Varint.swift: unsigned LEB128 varints (multiformats rules: minimal, at most 9 bytes).
// Book: docs/04-c-engine.md.
import CEngine

/// Unsigned varints as CIDs and CAR files use them.
public enum Varint {
    /// The outcome of decoding.
    public enum Decoded: Equatable, Sendable {
        /// A value and how many bytes it took.
        case value(UInt64, length: Int)
        /// The input ended inside the varint.
        case truncated
        /// Not minimal, or longer than 9 bytes.
        case invalid
    }

    /// Appends the encoding of `value` to `out`.
    @inlinable public static func encode(_ value: UInt64, into out: inout [UInt8]) {
        // The multiformats cap is 63 bits (9 bytes); larger values would not decode.
        precondition(value < 1 << 63, "varint value beyond 63 bits")
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// How many bytes `value` takes.
    @inlinable public static func length(_ value: UInt64) -> Int {
        var v = value, n = 1
        while v >= 0x80 { v >>= 7; n += 1 }
        return n
    }

    /// Decodes a varint at the start of `buffer`.
    @inlinable public static func decode(_ buffer: UnsafeRawBufferPointer) -> Decoded {
        var value: UInt64 = 0
        let n = cengine_varint_decode(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, &value)
        if n > 0 { return .value(value, length: Int(n)) }
        return n == 0 ? .truncated : .invalid
    }
}
