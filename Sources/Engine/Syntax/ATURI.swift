// ATURI.swift: validated `at://` URIs naming an account, a collection or a record. Book: docs/01-atproto.md.

/// An AT URI in the form Lexicon allows: `at://` authority [`/` collection [`/` rkey]] [`#` JSON pointer].
public struct ATURI: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The longest AT URI accepted, in bytes.
    public static let maxLength = 8 * 1024

    /// The account: a DID or a (lower-case) handle.
    public let authority: ATIdentifier
    /// The collection NSID, if the URI names a collection or a record.
    public let collection: NSID?
    /// The record key, if the URI names a record.
    public let rkey: RecordKey?
    /// The fragment without its `#`: a JSON pointer starting with `/`, percent-encoded as given.
    public let fragment: String?

    /// Builds an AT URI from parts; a record key requires a collection.
    public init(authority: ATIdentifier, collection: NSID? = nil, rkey: RecordKey? = nil) {
        precondition(rkey == nil || collection != nil, "an AT URI with a record key needs a collection")
        self.authority = authority
        self.collection = collection
        self.rkey = rkey
        self.fragment = nil
    }

    /// Builds the AT URI of a record in a DID's repository.
    public init(did: DID, collection: NSID, rkey: RecordKey) {
        self.init(authority: .did(did), collection: collection, rkey: rkey)
    }

    /// Parses and validates `string`; queries, trailing slashes and more than two path segments are rejected.
    public init(_ string: String) throws {
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.atURI, reason, input: string) }
        let parts = try string.withSyntaxUTF8 { b -> (Range<Int>, [Range<Int>], Range<Int>?) in
            guard b.count <= Self.maxLength else { throw fail("longer than 8 KiB") }
            for c in b where !Self.isAllowed(c) { throw fail("disallowed character") }
            guard SyntaxASCII.hasPrefix(b, "at://") else { throw fail("must start with \"at://\"") }
            var i = 5
            while i < b.count, b[i] != UInt8(ascii: "/"), b[i] != UInt8(ascii: "?"), b[i] != UInt8(ascii: "#") {
                i += 1
            }
            let authority = 5..<i
            guard !authority.isEmpty else { throw fail("empty authority") }
            var segments: [Range<Int>] = []
            while i < b.count, b[i] == UInt8(ascii: "/") {
                let start = i + 1
                i = start
                while i < b.count, b[i] != UInt8(ascii: "/"), b[i] != UInt8(ascii: "?"), b[i] != UInt8(ascii: "#") {
                    i += 1
                }
                guard i > start else { throw fail("empty path segment or trailing slash") }
                segments.append(start..<i)
            }
            guard segments.count <= 2 else { throw fail("more than two path segments") }
            guard i == b.count || b[i] == UInt8(ascii: "#") else { throw fail("query part not allowed") }
            guard i < b.count else { return (authority, segments, nil) }
            let fragment = (i + 1)..<b.count
            try Self.validateFragment(UnsafeBufferPointer(rebasing: b[fragment]), fail)
            return (authority, segments, fragment)
        }
        func slice(_ range: Range<Int>) -> String {
            let utf8 = string.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return String(Substring(utf8[from..<utf8.index(from, offsetBy: range.count)]))
        }
        do {
            authority = try ATIdentifier(slice(parts.0))
        } catch let error as SyntaxError {
            throw fail("invalid authority (\(error.reason))")
        }
        do {
            collection = try parts.1.first.map { try NSID(slice($0)) }
        } catch let error as SyntaxError {
            throw fail("invalid collection (\(error.reason))")
        }
        do {
            rkey = try parts.1.dropFirst().first.map { try RecordKey(slice($0)) }
        } catch let error as SyntaxError {
            throw fail("invalid record key (\(error.reason))")
        }
        fragment = parts.2.map(slice)
    }

    /// The DID, if the authority is one.
    public var did: DID? { authority.did }

    /// The canonical string (handles in lower case).
    public var description: String {
        var result = "at://" + authority.description
        if let collection { result += "/" + collection.string }
        if let rkey { result += "/" + rkey.string }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// Decodes an AT URI from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try ATURI($0) }
    }

    /// Encodes the AT URI as its canonical string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(description, to: encoder) }

    /// Characters allowed anywhere in an AT URI: RFC 3986 unreserved, reserved and `%`, plus `\`.
    private static func isAllowed(_ c: UInt8) -> Bool {
        if SyntaxASCII.isAlnum(c) { return true }
        switch c {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "@"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// A fragment is a JSON pointer: `/` then pointer characters, with well-formed UTF-8 percent-escapes.
    private static func validateFragment(
        _ b: UnsafeBufferPointer<UInt8>,
        _ fail: (String) -> SyntaxError
    ) throws {
        guard b.first == UInt8(ascii: "/") else { throw fail("fragment must start with \"/\"") }
        var decoded: [UInt8] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            guard c != UInt8(ascii: "#"), c != UInt8(ascii: "?"), c != UInt8(ascii: "\\") else {
                throw fail("disallowed character in fragment")
            }
            if c == UInt8(ascii: "%") {
                guard i + 2 < b.count, SyntaxASCII.isHex(b[i + 1]), SyntaxASCII.isHex(b[i + 2]) else {
                    throw fail("bad percent-encoding in fragment")
                }
                decoded.append(hexValue(b[i + 1]) << 4 | hexValue(b[i + 2]))
                i += 3
            } else {
                decoded.append(c)
                i += 1
            }
        }
        var iterator = decoded.makeIterator()
        var utf8 = UTF8()
        while true {
            switch utf8.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return
            case .error: throw fail("percent-encoding in fragment is not UTF-8")
            }
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8 {
        SyntaxASCII.isDigit(c) ? c &- 0x30 : (c | 0x20) &- 0x61 &+ 10
    }
}
