// RecordKey.swift: validated record keys, the last path segment of a record's AT URI. Book: docs/01-atproto.md.

/// A syntactically valid record key: 1-512 of `[A-Za-z0-9._:~-]`, and not `.` or `..`.
public struct RecordKey: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The longest record key accepted, in bytes.
    public static let maxLength = 512

    /// The record key exactly as given.
    public let string: String

    /// Validates `string` as a record key.
    public init(_ string: String) throws {
        try string.withSyntaxUTF8 { try Self.validate($0, string) }
        self.string = string
    }

    /// The record key for a TID (always valid).
    public init(_ tid: TID) { self.string = tid.description }

    /// The record key string.
    public var description: String { string }

    /// Orders record keys by their string form.
    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool { lhs.string < rhs.string }

    /// Decodes a record key from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try RecordKey($0) }
    }

    /// Encodes the record key as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }

    /// Whether `c` may appear in a record key.
    @inline(__always)
    static func isAllowed(_ c: UInt8) -> Bool {
        SyntaxASCII.isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
            || c == UInt8(ascii: "~") || c == UInt8(ascii: "-")
    }

    static func validate(_ b: UnsafeBufferPointer<UInt8>, _ input: String) throws {
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.recordKey, reason, input: input) }
        guard !b.isEmpty else { throw fail("empty") }
        guard b.count <= maxLength else { throw fail("longer than 512 bytes") }
        for c in b where !isAllowed(c) { throw fail("disallowed character (A-Za-z0-9._:~- only)") }
        if b.count <= 2, b.allSatisfy({ $0 == UInt8(ascii: ".") }) { throw fail("can not be \".\" or \"..\"") }
    }
}
