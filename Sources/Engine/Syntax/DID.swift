// DID.swift: validated decentralized identifiers (`did:method:identifier`). Book: docs/01-atproto.md.

/// A syntactically valid DID, as atproto restricts them (method-specific rules are not checked here).
public struct DID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The longest DID accepted, in bytes.
    public static let maxLength = 2048

    /// The DID exactly as given.
    public let string: String

    /// Validates `string` as a DID.
    public init(_ string: String) throws {
        try string.withSyntaxUTF8 { try Self.validate($0, string) }
        self.string = string
    }

    /// The method name, e.g. `plc` in `did:plc:abc`.
    public var method: String {
        let rest = string.utf8.dropFirst(4)
        let colon = rest.firstIndex(of: UInt8(ascii: ":"))!
        return String(Substring(rest[rest.startIndex..<colon]))
    }

    /// The method-specific identifier, everything after the second colon.
    public var identifier: String {
        let rest = string.utf8.dropFirst(4)
        let colon = rest.firstIndex(of: UInt8(ascii: ":"))!
        return String(Substring(rest[rest.index(after: colon)...]))
    }

    /// Whether this is a `did:plc:` DID.
    public var isPLC: Bool { string.utf8.starts(with: "did:plc:".utf8) }

    /// Whether this is a `did:web:` DID.
    public var isWeb: Bool { string.utf8.starts(with: "did:web:".utf8) }

    /// The DID string.
    public var description: String { string }

    /// Orders DIDs by their string form.
    public static func < (lhs: DID, rhs: DID) -> Bool { lhs.string < rhs.string }

    /// Decodes a DID from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try DID($0) }
    }

    /// Encodes the DID as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }

    /// The common case: `did:plc:` followed by exactly 24 lower-case base32 characters.
    static func isFastPLC(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 32, SyntaxASCII.hasPrefix(b, "did:plc:") else { return false }
        for i in 8..<32 where !SyntaxASCII.isBase32Lower(b[i]) { return false }
        return true
    }

    /// The general rule: `did:` + lower-case method + `:` + `[A-Za-z0-9._:%-]*`, not ending in `:` or `%`.
    static func validate(_ b: UnsafeBufferPointer<UInt8>, _ input: String) throws {
        if isFastPLC(b) { return }
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.did, reason, input: input) }
        guard b.count <= maxLength else { throw fail("longer than 2048 bytes") }
        guard SyntaxASCII.hasPrefix(b, "did:") else { throw fail("must start with \"did:\"") }
        var i = 4
        while i < b.count, SyntaxASCII.isLower(b[i]) { i += 1 }
        guard i > 4 else { throw fail("method must be lower-case letters") }
        guard i < b.count, b[i] == UInt8(ascii: ":") else {
            throw fail(i < b.count ? "method must be lower-case letters" : "missing method-specific identifier")
        }
        i += 1
        guard i < b.count else { throw fail("missing method-specific identifier") }
        while i < b.count {
            let c = b[i]
            guard
                SyntaxASCII.isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
                    || c == UInt8(ascii: "%") || c == UInt8(ascii: "-")
            else { throw fail("disallowed character in identifier") }
            i += 1
        }
        let last = b[b.count - 1]
        guard last != UInt8(ascii: ":"), last != UInt8(ascii: "%") else {
            throw fail("can not end with \":\" or \"%\"")
        }
    }
}
