// LexiconFields.swift: typed reads of a schema object's fields, failing with the field's path.
// Book: docs/09-lexicons.md ("Loading").

/// The fields of one schema object, read with type checks. Absent fields read as nil;
/// present fields of the wrong type are an error naming the field.
struct LexiconFields {
    let map: IPLDMap
    let path: String
    let parser: LexiconParser

    init(_ map: IPLDMap, path: String, parser: LexiconParser) {
        self.map = map
        self.path = path
        self.parser = parser
    }

    func at(_ key: String) -> String { path.isEmpty ? key : path + "/" + key }

    func fail(_ key: String, _ reason: String) -> LexiconError { parser.fail(at(key), reason) }

    /// The `type` field, which every schema object must have.
    func typeName() throws(LexiconError) -> String {
        guard let t = try string("type") else { throw parser.fail(path, "missing `type`") }
        return t
    }

    func string(_ key: String) throws(LexiconError) -> String? {
        guard let v = map[key] else { return nil }
        guard case .string(let s) = v else { throw fail(key, "expected a string") }
        return s
    }

    func int(_ key: String) throws(LexiconError) -> Int64? {
        guard let v = map[key] else { return nil }
        guard case .int(let i) = v else { throw fail(key, "expected an integer") }
        return i
    }

    /// A non-negative integer that fits in `Int` (lengths and counts).
    func count(_ key: String) throws(LexiconError) -> Int? {
        guard let i = try int(key) else { return nil }
        guard i >= 0, let n = Int(exactly: i) else { throw fail(key, "must not be negative") }
        return n
    }

    func bool(_ key: String) throws(LexiconError) -> Bool? {
        guard let v = map[key] else { return nil }
        guard case .bool(let b) = v else { throw fail(key, "expected a boolean") }
        return b
    }

    func map(_ key: String) throws(LexiconError) -> IPLDMap? {
        guard let v = map[key] else { return nil }
        guard case .map(let m) = v else { throw fail(key, "expected an object") }
        return m
    }

    func list(_ key: String) throws(LexiconError) -> [IPLD]? {
        guard let v = map[key] else { return nil }
        guard case .list(let l) = v else { throw fail(key, "expected an array") }
        return l
    }

    func strings(_ key: String) throws(LexiconError) -> [String]? {
        guard let l = try list(key) else { return nil }
        var out: [String] = []
        out.reserveCapacity(l.count)
        for item in l {
            guard case .string(let s) = item else { throw fail(key, "expected an array of strings") }
            out.append(s)
        }
        return out
    }

    func ints(_ key: String) throws(LexiconError) -> [Int64]? {
        guard let l = try list(key) else { return nil }
        var out: [Int64] = []
        out.reserveCapacity(l.count)
        for item in l {
            guard case .int(let i) = item else { throw fail(key, "expected an array of integers") }
            out.append(i)
        }
        return out
    }

    /// Checks that `min` is not above `max` when both are set.
    func checkRange<T: Comparable>(_ min: T?, _ max: T?, _ key: String) throws(LexiconError) {
        if let min, let max, max < min { throw fail(key, "maximum is below minimum") }
    }
}
