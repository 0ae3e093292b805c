// CIDString.swift: syntax-only check of a CID string (decoding is Codec/CID.swift). Book: docs/01-atproto.md.

/// A string that looks like a multibase CIDv1: 8-256 of `[A-Za-z0-9+=]`, not a legacy `Qm...` CIDv0.
public struct CIDString: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The shortest string accepted.
    public static let minLength = 8
    /// The longest string accepted.
    public static let maxLength = 256

    /// The CID string exactly as given.
    public let string: String

    /// Checks the syntax of `string` without decoding it.
    public init(_ string: String) throws {
        try string.withSyntaxUTF8 { b in
            func fail(_ reason: String) -> SyntaxError { SyntaxError(.cid, reason, input: string) }
            guard b.count >= Self.minLength, b.count <= Self.maxLength else { throw fail("must be 8-256 characters") }
            for c in b where !(SyntaxASCII.isAlnum(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "=")) {
                throw fail("disallowed character (multibase letters, digits, + and = only)")
            }
            guard !SyntaxASCII.hasPrefix(b, "Qm") else { throw fail("CIDv0 is not allowed") }
        }
        self.string = string
    }

    /// The CID string.
    public var description: String { string }

    /// Decodes a CID string from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try CIDString($0) }
    }

    /// Encodes the CID string as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }
}
