// TID.swift: timestamp identifiers, 13 base32-sortable characters over a 64-bit integer. Book: docs/01-atproto.md.

/// A timestamp identifier: microseconds since the epoch and a 10-bit clock id, encoded in base32-sortable.
///
/// The spec writes 53 bits of microseconds with the top bit zero, but its syntax lets the first
/// character run up to `j`, which sets one more bit; every parsed TID must be representable, so the
/// timestamp part is 54 bits here.
public struct TID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The base32-sortable alphabet, in ascending order.
    public static let alphabet: StaticString = "234567abcdefghijklmnopqrstuvwxyz"
    /// The length of every TID string.
    public static let length = 13
    /// The largest clock id plus one.
    public static let clockIDLimit: UInt16 = 1024
    /// The largest timestamp plus one (2^54 microseconds: what 13 characters starting 2-j can hold).
    public static let microsecondsLimit: UInt64 = 1 << 54

    /// The 64-bit value; string order equals numeric order.
    public let rawValue: UInt64

    /// Parses a 13-character TID string (first character in `234567abcdefghij`).
    public init(_ string: String) throws {
        rawValue = try string.withSyntaxUTF8 { b in
            func fail(_ reason: String) -> SyntaxError { SyntaxError(.tid, reason, input: string) }
            guard b.count == Self.length else { throw fail("must be exactly 13 characters") }
            var value: UInt64 = 0
            for (i, c) in b.enumerated() {
                let digit = Self.digitValue[Int(c)]
                guard digit != 0xFF else { throw fail("not base32-sortable (234567a-z)") }
                if i == 0, digit >= 16 { throw fail("first character must be one of 234567abcdefghij") }
                value = value << 5 | UInt64(digit)
            }
            return value
        }
    }

    /// Builds a TID from a timestamp (below 2^54) and a clock id (below 1024).
    public init(microseconds: UInt64, clockID: UInt16) {
        precondition(microseconds < Self.microsecondsLimit, "TID timestamp out of range")
        precondition(clockID < Self.clockIDLimit, "TID clock id out of range")
        rawValue = microseconds << 10 | UInt64(clockID)
    }

    /// Builds a TID from its 64-bit value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The timestamp part, microseconds since the Unix epoch.
    public var microseconds: UInt64 { rawValue >> 10 }

    /// The clock id part, 0..<1024.
    public var clockID: UInt16 { UInt16(truncatingIfNeeded: rawValue & 0x3FF) }

    /// The 13-character base32-sortable string.
    public var description: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.length) { buffer in
            let alphabet = Self.alphabet.utf8Start
            var value = rawValue
            for i in stride(from: Self.length - 1, through: 0, by: -1) {
                buffer[i] = alphabet[Int(value & 31)]
                value >>= 5
            }
            return String(decoding: buffer, as: UTF8.self)
        }
    }

    /// Orders TIDs by value, which is also their string order.
    public static func < (lhs: TID, rhs: TID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a TID from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try TID($0) }
    }

    /// Encodes the TID as its string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(description, to: encoder) }

    /// Byte -> digit value, 0xFF for bytes outside the alphabet.
    private static let digitValue: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = TID.alphabet.utf8Start
        for i in 0..<32 { table[Int(alphabet[i])] = UInt8(i) }
        return table
    }()
}
