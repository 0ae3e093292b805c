// Language.swift: validated BCP-47 language tags (RFC 5646 well-formedness). Book: docs/01-atproto.md.

/// A well-formed BCP-47 language tag with no repeated variant or extension singleton, kept as given.
///
/// Follows the reference grammar: a lower-case 2-3 letter language (plus extlangs), script, region,
/// variants, extensions and private use; a private-use-only tag (`x-...`); or a grandfathered tag.
public struct Language: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The tag exactly as given.
    public let string: String

    /// Validates `string` as a language tag.
    public init(_ string: String) throws {
        try string.withSyntaxUTF8 { try Self.validate($0, string) }
        self.string = string
    }

    /// The primary language subtag, e.g. `pt` in `pt-BR`.
    public var primary: Substring { string.prefix { $0 != "-" } }

    /// The tag string.
    public var description: String { string }

    /// Decodes a language tag from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try Language($0) }
    }

    /// Encodes the language tag as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }

    /// Irregular and regular grandfathered tags, matched exactly.
    private static let grandfathered: Set<String> = [
        "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
        "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    ]

    private static func validate(_ b: UnsafeBufferPointer<UInt8>, _ input: String) throws {
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.language, reason, input: input) }
        // Split into subtags; every subtag is 1-8 ASCII letters or digits.
        var tags: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: "-") {
            let tag = UnsafeBufferPointer(rebasing: b[start..<i])
            guard (1...8).contains(tag.count) else { throw fail("subtags must be 1-8 characters") }
            guard tag.allSatisfy(SyntaxASCII.isAlnum) else { throw fail("subtags must be ASCII letters and digits") }
            tags.append(tag)
            start = i + 1
        }
        if grandfathered.contains(input) { return }

        func isAlpha(_ t: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
            t.count == count && t.allSatisfy(SyntaxASCII.isAlpha)
        }
        func isPrivateUseSingleton(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
            t.count == 1 && (t[0] | 0x20) == UInt8(ascii: "x")
        }
        func lowered(_ t: UnsafeBufferPointer<UInt8>) -> [UInt8] { t.map(SyntaxASCII.lower) }

        var i = 0
        if !isPrivateUseSingleton(tags[0]) {
            // language: 2-3 lower-case letters, then up to three 3-letter extlangs.
            guard (2...3).contains(tags[0].count), tags[0].allSatisfy(SyntaxASCII.isLower) else {
                throw fail("primary language must be 2-3 lower-case letters")
            }
            i = 1
            var extlangs = 0
            while extlangs < 3, i < tags.count, isAlpha(tags[i], 3) {
                extlangs += 1
                i += 1
            }
            if i < tags.count, isAlpha(tags[i], 4) { i += 1 }  // script
            if i < tags.count, isAlpha(tags[i], 2) || (tags[i].count == 3 && tags[i].allSatisfy(SyntaxASCII.isDigit)) {
                i += 1  // region
            }
            var variants: Set<[UInt8]> = []
            while i < tags.count,
                tags[i].count >= 5 || (tags[i].count == 4 && SyntaxASCII.isDigit(tags[i][0]))
            {
                guard variants.insert(lowered(tags[i])).inserted else { throw fail("repeated variant subtag") }
                i += 1
            }
            var singletons: Set<UInt8> = []
            while i < tags.count, tags[i].count == 1, !isPrivateUseSingleton(tags[i]) {
                guard singletons.insert(SyntaxASCII.lower(tags[i][0])).inserted else {
                    throw fail("repeated extension singleton")
                }
                i += 1
                let first = i
                while i < tags.count, tags[i].count >= 2 { i += 1 }
                guard i > first else { throw fail("extension singleton without subtags") }
            }
        }
        if i < tags.count, isPrivateUseSingleton(tags[i]) {
            i += 1
            guard i < tags.count else { throw fail("private use singleton without subtags") }
            i = tags.count  // private-use subtags are any 1-8 alphanumerics
        }
        guard i == tags.count else { throw fail("subtag out of place") }
    }
}
