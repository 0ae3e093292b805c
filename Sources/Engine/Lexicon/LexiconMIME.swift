// LexiconMIME.swift: matching a blob's MIME type against a schema's `accept` patterns.
// Book: docs/09-lexicons.md ("What the validator checks").

/// MIME type patterns as blob schemas use them: `image/png`, `image/*`, `*/*`.
public enum LexiconMIME {
    /// Whether `pattern` is `type/subtype`, `type/*` or `*/*`, with no spaces.
    public static func isValidPattern(_ pattern: String) -> Bool {
        let parts = pattern.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        if parts[0].elementsEqual("*".utf8) && !parts[1].elementsEqual("*".utf8) { return false }
        return pattern.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// Whether `mimeType` matches `pattern`, ignoring ASCII case.
    public static func matches(_ mimeType: String, pattern: String) -> Bool {
        if pattern == "*/*" { return true }
        let m = Array(mimeType.utf8), p = Array(pattern.utf8)
        if p.count >= 2, p[p.count - 1] == UInt8(ascii: "*"), p[p.count - 2] == UInt8(ascii: "/") {
            let prefix = p.dropLast()  // "image/"
            return m.count > prefix.count && zip(m, prefix).allSatisfy { lower($0) == lower($1) }
        }
        return m.count == p.count && zip(m, p).allSatisfy { lower($0) == lower($1) }
    }

    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
}
