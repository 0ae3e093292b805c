// Handle.swift: validated, lower-cased atproto handles (DNS names). Book: docs/01-atproto.md.

/// A syntactically valid handle, normalised to lower case.
public struct Handle: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The longest handle accepted, in bytes.
    public static let maxLength = 253
    /// The longest label accepted, in bytes.
    public static let maxLabelLength = 63
    /// The placeholder shown when a handle does not resolve back to its DID.
    public static let invalid = "handle.invalid"
    /// TLDs that are valid syntax but must not be registered as handles.
    public static let disallowedTLDs: Set<String> = [
        "local", "arpa", "invalid", "localhost", "internal", "example", "alt", "onion",
    ]

    /// The handle in lower case.
    public let string: String

    /// Validates `string` as a handle and lower-cases it.
    public init(_ string: String) throws {
        let needsLowering = try string.withSyntaxUTF8 { try Self.validate($0, string) }
        if needsLowering {
            self.string = String(decoding: string.utf8.map(SyntaxASCII.lower), as: UTF8.self)
        } else {
            self.string = string
        }
    }

    /// The last label, e.g. `social` in `alice.bsky.social`.
    public var tld: Substring {
        guard let dot = string.lastIndex(of: ".") else { return string[...] }
        return string[string.index(after: dot)...]
    }

    /// Whether the TLD is one handles must not use (`.local`, `.onion`, ...), although the syntax allows it.
    public var isDisallowedTLD: Bool { Self.disallowedTLDs.contains(String(tld)) }

    /// Whether this is the `handle.invalid` placeholder.
    public var isInvalid: Bool { string == Self.invalid }

    /// The handle string, in lower case.
    public var description: String { string }

    /// Orders handles by their lower-case string.
    public static func < (lhs: Handle, rhs: Handle) -> Bool { lhs.string < rhs.string }

    /// Decodes a handle from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try Handle($0) }
    }

    /// Encodes the handle as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }

    /// Checks DNS-name syntax; returns whether any upper-case letter was seen.
    static func validate(_ b: UnsafeBufferPointer<UInt8>, _ input: String) throws -> Bool {
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.handle, reason, input: input) }
        guard b.count <= maxLength else { throw fail("longer than 253 bytes") }
        var sawUpper = false
        var labels = 0
        var start = 0
        while true {
            var end = start
            while end < b.count, b[end] != UInt8(ascii: ".") {
                let c = b[end]
                if SyntaxASCII.isUpper(c) {
                    sawUpper = true
                } else if !(SyntaxASCII.isLower(c) || SyntaxASCII.isDigit(c) || c == UInt8(ascii: "-")) {
                    throw fail("disallowed character (ASCII letters, digits, hyphens only)")
                }
                end += 1
            }
            let length = end - start
            guard length > 0 else { throw fail("empty label") }
            guard length <= maxLabelLength else { throw fail("label longer than 63 bytes") }
            guard b[start] != UInt8(ascii: "-"), b[end - 1] != UInt8(ascii: "-") else {
                throw fail("label starts or ends with a hyphen")
            }
            labels += 1
            if end == b.count {
                guard labels >= 2 else { throw fail("needs at least two labels") }
                guard SyntaxASCII.isAlpha(b[start]) else { throw fail("TLD must start with a letter") }
                return sawUpper
            }
            start = end + 1
        }
    }
}
