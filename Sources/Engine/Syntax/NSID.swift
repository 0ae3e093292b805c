// NSID.swift: validated namespaced identifiers (`com.example.fooBar`). Book: docs/01-atproto.md.

/// A syntactically valid NSID: a reversed domain authority followed by a name.
public struct NSID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The longest NSID accepted, in bytes (253 for the authority, a dot, 63 for the name).
    public static let maxLength = 253 + 1 + 63
    /// The longest segment accepted, in bytes.
    public static let maxSegmentLength = 63

    /// The NSID exactly as given.
    public let string: String

    /// Validates `string` as an NSID.
    public init(_ string: String) throws {
        try string.withSyntaxUTF8 { try Self.validate($0, string) }
        self.string = string
    }

    /// The domain authority in DNS order and lower case, e.g. `example.com` for `com.example.fooBar`.
    public var authority: String {
        string.split(separator: ".").dropLast().reversed().joined(separator: ".").lowercased()
    }

    /// The name, the last segment, e.g. `fooBar` (case-sensitive).
    public var name: Substring {
        string[string.index(after: string.lastIndex(of: ".")!)...]
    }

    /// The NSID with its authority segments lower-cased and the name left as is.
    public var normalized: NSID {
        let dot = string.lastIndex(of: ".")!
        let lowered = string[..<dot].lowercased() + string[dot...]
        return lowered == string ? self : NSID(unchecked: lowered)
    }

    /// The NSID string.
    public var description: String { string }

    /// Orders NSIDs by their string form.
    public static func < (lhs: NSID, rhs: NSID) -> Bool { lhs.string < rhs.string }

    /// Decodes an NSID from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try NSID($0) }
    }

    /// Encodes the NSID as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }

    private init(unchecked string: String) { self.string = string }

    /// Checks: 3+ segments of 1-63 `[A-Za-z0-9-]`, no edge hyphens, first segment starts with a letter,
    /// name is a letter followed by letters and digits.
    static func validate(_ b: UnsafeBufferPointer<UInt8>, _ input: String) throws {
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.nsid, reason, input: input) }
        guard b.count <= maxLength else { throw fail("longer than 317 bytes") }
        var segments = 0
        var start = 0
        while true {
            var end = start
            var sawHyphen = false
            while end < b.count, b[end] != UInt8(ascii: ".") {
                let c = b[end]
                if c == UInt8(ascii: "-") {
                    sawHyphen = true
                } else if !SyntaxASCII.isAlnum(c) {
                    throw fail("disallowed character (ASCII letters, digits, hyphens, periods only)")
                }
                end += 1
            }
            let length = end - start
            guard length > 0 else { throw fail("empty segment") }
            guard length <= maxSegmentLength else { throw fail("segment longer than 63 bytes") }
            guard b[start] != UInt8(ascii: "-"), b[end - 1] != UInt8(ascii: "-") else {
                throw fail("segment starts or ends with a hyphen")
            }
            if segments == 0, !SyntaxASCII.isAlpha(b[start]) { throw fail("first segment must start with a letter") }
            segments += 1
            if end == b.count {
                guard segments >= 3 else { throw fail("needs at least three segments") }
                guard SyntaxASCII.isAlpha(b[start]), !sawHyphen else {
                    throw fail("name must be a letter followed by letters and digits")
                }
                return
            }
            start = end + 1
        }
    }
}
