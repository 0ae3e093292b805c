// LexiconValidator+Scalars.swift: integer, string and blob checks.
// Book: docs/09-lexicons.md ("What the validator checks").

extension LexiconValidator {
    func checkInteger(_ i: Int64, _ s: LexiconInteger) throws(LexiconFailure) {
        if let c = s.const, c != i { throw LexiconFailure(.notConst) }
        if let e = s.enum, !e.contains(i) { throw LexiconFailure(.notInEnum) }
        if let min = s.minimum, i < min { throw LexiconFailure(.belowMinimum(min)) }
        if let max = s.maximum, i > max { throw LexiconFailure(.aboveMaximum(max)) }
    }

    /// Lengths count UTF-8 bytes and graphemes count extended grapheme clusters. Grapheme
    /// counting stops one past the limit, and is skipped when the byte count already decides
    /// (a cluster is at least one byte), so a huge string costs no more than the limit.
    func checkString(_ str: String, _ s: LexiconString) throws(LexiconFailure) {
        if let c = s.const, c != str { throw LexiconFailure(.notConst) }
        if let e = s.enum, !e.contains(str) { throw LexiconFailure(.notInEnum) }
        let bytes = str.utf8.count
        if let max = s.maxLength, bytes > max { throw LexiconFailure(.tooLong(max: max, unit: .utf8Bytes)) }
        if let min = s.minLength, bytes < min { throw LexiconFailure(.tooShort(min: min, unit: .utf8Bytes)) }
        if let max = s.maxGraphemes, bytes > max, Self.graphemes(in: str, upTo: max + 1) > max {
            throw LexiconFailure(.tooLong(max: max, unit: .graphemes))
        }
        if let min = s.minGraphemes, bytes < min || Self.graphemes(in: str, upTo: min) < min {
            throw LexiconFailure(.tooShort(min: min, unit: .graphemes))
        }
        if let f = s.format, !f.accepts(str) { throw LexiconFailure(.badFormat(f)) }
    }

    /// Extended grapheme clusters in `str`, counting no further than `limit`.
    static func graphemes(in str: String, upTo limit: Int) -> Int {
        var n = 0
        var i = str.startIndex
        while i < str.endIndex && n < limit {
            str.formIndex(after: &i)
            n += 1
        }
        return n
    }

    /// A blob is `{"$type": "blob", "ref": link, "mimeType": string, "size": int ≥ 0}`; a legacy
    /// one is exactly `{"cid": string, "mimeType": string}` (size unknown, so `maxSize` cannot apply).
    func checkBlob(_ value: IPLD, _ s: LexiconBlob) throws(LexiconFailure) {
        guard case .map(let m) = value else { throw LexiconFailure(.wrongType(expected: "blob")) }
        let mime: String
        var size: Int64?
        if case .string("blob")? = m["$type"] {
            guard case .link? = m["ref"], case .string(let t)? = m["mimeType"], case .int(let n)? = m["size"], n >= 0
            else { throw LexiconFailure(.malformedBlob) }
            mime = t
            size = n
        } else if m.count == 2, case .string? = m["cid"], case .string(let t)? = m["mimeType"] {
            guard options.allowLegacyBlobs else { throw LexiconFailure(.legacyBlob) }
            mime = t
        } else {
            throw LexiconFailure(.wrongType(expected: "blob"))
        }
        if let accept = s.accept, !accept.contains(where: { LexiconMIME.matches(mime, pattern: $0) }) {
            throw LexiconFailure(.mimeTypeNotAccepted(LexiconViolation.echo(mime)))
        }
        if let max = s.maxSize, let size, size > max { throw LexiconFailure(.blobTooLarge(max: max)) }
    }
}
