// URIString.swift: a loose syntax check for generic URIs (the Lexicon `uri` format). Book: docs/01-atproto.md.

/// A string that looks like a URI: an RFC 3986 scheme, `:`, an optional `//`, then at least one
/// character that is not `/`, with no whitespace anywhere and at most 8 KiB.
public struct URIString: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The longest URI accepted, in bytes.
    public static let maxLength = 8 * 1024

    /// The URI exactly as given.
    public let string: String

    /// Checks the syntax of `string`.
    public init(_ string: String) throws {
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.uri, reason, input: string) }
        try string.withSyntaxUTF8 { b in
            guard b.count <= Self.maxLength else { throw fail("longer than 8 KiB") }
            guard let first = b.first, SyntaxASCII.isAlpha(first) else { throw fail("scheme must start with a letter") }
            var i = 1
            while i < b.count,
                SyntaxASCII.isAlnum(b[i]) || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")
                    || b[i] == UInt8(ascii: ".")
            {
                i += 1
            }
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("missing scheme") }
            i += 1
            if i + 1 < b.count, b[i] == UInt8(ascii: "/"), b[i + 1] == UInt8(ascii: "/") { i += 2 }
            guard i < b.count, b[i] != UInt8(ascii: "/") else { throw fail("nothing after the scheme") }
        }
        for scalar in string.unicodeScalars where Self.isSpaceOrControl(scalar) {
            throw fail("whitespace or control character")
        }
        self.string = string
    }

    /// The URI string.
    public var description: String { string }

    /// Decodes a URI from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try URIString($0) }
    }

    /// Encodes the URI as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }

    /// ASCII controls and space, plus the Unicode white space that JavaScript's `\s` matches.
    private static func isSpaceOrControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0...0x20, 0x7F, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }
}
