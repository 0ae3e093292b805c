// LexiconParser+Types.swift: reads field schemas (boolean … union) into LexiconType.
// Book: docs/09-lexicons.md ("Loading").

extension LexiconParser {
    /// A field schema: anything that can describe a value.
    func type(_ value: IPLD, path: String) throws(LexiconError) -> LexiconType {
        let f = try fields(value, path: path)
        let type = try f.typeName()
        switch type {
        case "boolean":
            let s = LexiconBoolean(const: try f.bool("const"), default: try f.bool("default"))
            if s.const != nil && s.default != nil { throw fail(path, "both `const` and `default`") }
            return .boolean(s)
        case "integer": return .integer(try integer(f))
        case "string": return .string(try string(f))
        case "bytes":
            let s = LexiconBytes(minLength: try f.count("minLength"), maxLength: try f.count("maxLength"))
            try f.checkRange(s.minLength, s.maxLength, "maxLength")
            return .bytes(s)
        case "cid-link": return .cidLink
        case "blob": return .blob(try blob(f))
        case "array":
            guard let items = f.map["items"] else { throw fail(path, "an array needs `items`") }
            let s = LexiconArray(
                items: try self.type(items, path: f.at("items")),
                minLength: try f.count("minLength"), maxLength: try f.count("maxLength"))
            try f.checkRange(s.minLength, s.maxLength, "maxLength")
            return .array(s)
        case "object": return .object(try object(f))
        case "ref":
            guard let ref = try f.string("ref") else { throw fail(path, "a ref needs `ref`") }
            return .ref(try canonicalRef(ref, path: f.at("ref")))
        case "union":
            guard let refs = try f.strings("refs") else { throw fail(path, "a union needs `refs`") }
            var canonical: [String] = []
            for (i, r) in refs.enumerated() { canonical.append(try canonicalRef(r, path: f.at("refs/\(i)"))) }
            return .union(LexiconUnion(refs: canonical, isClosed: try f.bool("closed") ?? false))
        case "unknown": return .unknown
        default: throw fail(path, "a \(type) is not allowed here")
        }
    }

    func integer(_ f: LexiconFields) throws(LexiconError) -> LexiconInteger {
        let s = LexiconInteger(
            minimum: try f.int("minimum"), maximum: try f.int("maximum"), enum: try f.ints("enum"),
            const: try f.int("const"), default: try f.int("default"))
        try f.checkRange(s.minimum, s.maximum, "maximum")
        if s.const != nil && s.default != nil { throw f.fail("default", "both `const` and `default`") }
        return s
    }

    func string(_ f: LexiconFields) throws(LexiconError) -> LexiconString {
        var format: LexiconStringFormat?
        if let name = try f.string("format") {
            guard let known = LexiconStringFormat(rawValue: name) else { throw f.fail("format", "unknown format") }
            format = known
        }
        let s = LexiconString(
            format: format, minLength: try f.count("minLength"), maxLength: try f.count("maxLength"),
            minGraphemes: try f.count("minGraphemes"), maxGraphemes: try f.count("maxGraphemes"),
            enum: try f.strings("enum"), knownValues: try f.strings("knownValues"), const: try f.string("const"),
            default: try f.string("default"))
        try f.checkRange(s.minLength, s.maxLength, "maxLength")
        try f.checkRange(s.minGraphemes, s.maxGraphemes, "maxGraphemes")
        if s.const != nil && s.default != nil { throw f.fail("default", "both `const` and `default`") }
        return s
    }

    func blob(_ f: LexiconFields) throws(LexiconError) -> LexiconBlob {
        let accept = try f.strings("accept")
        for (i, pattern) in (accept ?? []).enumerated() where !LexiconMIME.isValidPattern(pattern) {
            throw f.fail("accept/\(i)", "not a MIME type pattern")
        }
        let maxSize = try f.int("maxSize")
        if let maxSize, maxSize <= 0 { throw f.fail("maxSize", "must be positive") }
        return LexiconBlob(accept: accept, maxSize: maxSize)
    }

    /// An object schema; also used for a record's `record` field.
    func object(_ f: LexiconFields) throws(LexiconError) -> LexiconObject {
        let required = try f.strings("required") ?? []
        let nullable = try f.strings("nullable") ?? []
        let props = try f.map("properties") ?? IPLDMap()
        for (i, name) in required.enumerated() where props[name] == nil {
            throw f.fail("required/\(i)", "`\(name)` is not a property")
        }
        for (i, name) in nullable.enumerated() where props[name] == nil {
            throw f.fail("nullable/\(i)", "`\(name)` is not a property")
        }
        var properties: [LexiconProperty] = []
        properties.reserveCapacity(props.count)
        for entry in props {
            let path = f.at("properties/\(entry.key)")
            guard !entry.key.isEmpty else { throw fail(path, "empty property name") }
            properties.append(
                LexiconProperty(
                    name: entry.key, type: try type(entry.value, path: path),
                    isRequired: required.contains(entry.key), isNullable: nullable.contains(entry.key)))
        }
        return LexiconObject(properties: properties)
    }
}
