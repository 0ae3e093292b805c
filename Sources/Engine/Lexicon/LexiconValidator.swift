// LexiconValidator.swift: the recursive walk that checks a data-model value against a schema.
// Book: docs/09-lexicons.md ("What the validator checks").

/// A violation on its way up: the path is collected in reverse as the walk unwinds, so a
/// value that passes costs nothing for paths.
struct LexiconFailure: Error {
    var kind: LexiconViolation.Kind
    var reversedPath: [String] = []

    init(_ kind: LexiconViolation.Kind) { self.kind = kind }

    /// The same failure one level further out.
    func under(_ component: String) -> LexiconFailure {
        var f = self
        f.reversedPath.append(component)
        return f
    }

    /// The public form, rooted at `root`.
    func violation(root: String) -> LexiconViolation {
        LexiconViolation(path: ([root] + reversedPath.reversed()).joined(separator: "/"), kind: kind)
    }
}

/// Checks values against schemas of one catalog. Stops at the first violation, as the reference
/// implementation does. Recursion is bounded by `options.maxDepth`: every nested value and every
/// ref followed counts one level.
struct LexiconValidator {
    let catalog: LexiconCatalog
    let options: LexiconValidationOptions

    func check(_ value: IPLD, _ type: LexiconType, depth: Int) throws(LexiconFailure) {
        guard depth < options.maxDepth else { throw LexiconFailure(.tooDeep(limit: options.maxDepth)) }
        switch type {
        case .boolean(let s):
            guard case .bool(let b) = value else { throw LexiconFailure(.wrongType(expected: "boolean")) }
            if let c = s.const, c != b { throw LexiconFailure(.notConst) }
        case .integer(let s):
            guard case .int(let i) = value else { throw LexiconFailure(.wrongType(expected: "integer")) }
            try checkInteger(i, s)
        case .string(let s):
            guard case .string(let str) = value else { throw LexiconFailure(.wrongType(expected: "string")) }
            try checkString(str, s)
        case .bytes(let s):
            guard case .bytes(let b) = value else { throw LexiconFailure(.wrongType(expected: "bytes")) }
            if let max = s.maxLength, b.count > max { throw LexiconFailure(.tooLong(max: max, unit: .bytes)) }
            if let min = s.minLength, b.count < min { throw LexiconFailure(.tooShort(min: min, unit: .bytes)) }
        case .cidLink:
            guard case .link = value else { throw LexiconFailure(.wrongType(expected: "cid-link")) }
        case .blob(let s):
            try checkBlob(value, s)
        case .array(let s):
            guard case .list(let items) = value else { throw LexiconFailure(.wrongType(expected: "array")) }
            if let max = s.maxLength, items.count > max { throw LexiconFailure(.tooLong(max: max, unit: .items)) }
            if let min = s.minLength, items.count < min { throw LexiconFailure(.tooShort(min: min, unit: .items)) }
            for i in items.indices {
                do { try check(items[i], s.items, depth: depth + 1) } catch { throw error.under(String(i)) }
            }
        case .object(let s):
            guard case .map(let m) = value else { throw LexiconFailure(.wrongType(expected: "object")) }
            try checkObject(m, s, depth: depth)
        case .ref(let name):
            try checkRef(value, name, depth: depth + 1)
        case .union(let u):
            try checkUnion(value, u, depth: depth + 1)
        case .unknown:
            guard case .map = value else { throw LexiconFailure(.wrongType(expected: "object")) }
        }
    }

    /// Each listed property: absent is fine unless required; `null` is fine if nullable.
    func checkObject(_ m: IPLDMap, _ s: LexiconObject, depth: Int) throws(LexiconFailure) {
        for p in s.properties {
            guard let v = m[p.name] else {
                if p.isRequired { throw LexiconFailure(.missingRequired).under(p.name) }
                continue
            }
            if p.isNullable, case .null = v { continue }
            do { try check(v, p.type, depth: depth + 1) } catch { throw error.under(p.name) }
        }
    }

    /// The definition a ref names; the catalog has checked at load time that it exists.
    func checkRef(_ value: IPLD, _ name: String, depth: Int) throws(LexiconFailure) {
        guard depth < options.maxDepth else { throw LexiconFailure(.tooDeep(limit: options.maxDepth)) }
        switch catalog.definitions[name] {
        case .value(let t)?: try check(value, t, depth: depth)
        case .record(let r)?:
            guard case .map(let m) = value else { throw LexiconFailure(.wrongType(expected: "object")) }
            try checkObject(m, r.record, depth: depth)
        case .token?:
            guard case .string(let s) = value else { throw LexiconFailure(.wrongType(expected: "string")) }
            guard s == name || (name.hasSuffix("#main") && s == name.dropLast(5)) else {
                throw LexiconFailure(.notConst)
            }
        case let other?:
            throw LexiconFailure(.wrongDefinition(expected: "value", found: other.typeName))
        case nil:
            preconditionFailure("catalog holds a dangling ref \(name)")
        }
    }

    /// A union value must be an object with a string `$type`. A listed `$type` is checked against
    /// its definition; an unlisted one is refused by a closed union, and by an open union checked
    /// against the catalog's definition of that name if there is one (an object or a record), else accepted.
    func checkUnion(_ value: IPLD, _ u: LexiconUnion, depth: Int) throws(LexiconFailure) {
        guard case .map(let m) = value, case .string(let type)? = m["$type"] else {
            throw LexiconFailure(.missingType)
        }
        if let member = u.members.first(where: { $0.matches(type) }) {
            return try checkRef(value, member.ref, depth: depth)
        }
        if u.isClosed { throw LexiconFailure(.typeNotAllowed(LexiconViolation.echo(type))) }
        let name = type.utf8.contains(UInt8(ascii: "#")) ? type : type + "#main"
        switch catalog.definitions[name] {
        case .value(.object)?, .record?: try checkRef(value, name, depth: depth)
        default: return
        }
    }
}
