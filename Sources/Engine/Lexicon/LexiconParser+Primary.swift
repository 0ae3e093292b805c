// LexiconParser+Primary.swift: reads the primary definitions: record, query, procedure, subscription.
// Book: docs/09-lexicons.md ("Loading").

extension LexiconParser {
    func record(_ f: LexiconFields) throws(LexiconError) -> LexiconRecord {
        guard let keyName = try f.string("key") else { throw f.fail("key", "a record needs `key`") }
        guard let key = LexiconRecordKeyType(keyName) else { throw f.fail("key", "unknown record key type") }
        guard let body = f.map["record"] else { throw f.fail("record", "a record needs `record`") }
        let rf = try fields(body, path: f.at("record"))
        guard try rf.string("type") == "object" else { throw rf.fail("type", "a record's schema must be an object") }
        return LexiconRecord(key: key, record: try object(rf))
    }

    func query(_ f: LexiconFields) throws(LexiconError) -> LexiconQuery {
        LexiconQuery(
            parameters: try params(f, "parameters"), output: try body(f, "output"), errors: try errors(f))
    }

    func procedure(_ f: LexiconFields) throws(LexiconError) -> LexiconProcedure {
        LexiconProcedure(
            parameters: try params(f, "parameters"), input: try body(f, "input"), output: try body(f, "output"),
            errors: try errors(f))
    }

    func subscription(_ f: LexiconFields) throws(LexiconError) -> LexiconSubscription {
        var message: LexiconType?
        if let m = try f.map("message") {
            let mf = LexiconFields(m, path: f.at("message"), parser: self)
            guard let schema = m["schema"] else { throw mf.fail("schema", "a message needs `schema`") }
            let t = try type(schema, path: mf.at("schema"))
            guard case .union = t else { throw mf.fail("schema", "a message schema must be a union") }
            message = t
        }
        return LexiconSubscription(parameters: try params(f, "parameters"), message: message, errors: try errors(f))
    }

    /// Query-string parameters: scalars (boolean, integer, string, unknown) or arrays of them.
    func params(_ parent: LexiconFields, _ key: String) throws(LexiconError) -> LexiconParams? {
        guard let value = parent.map[key] else { return nil }
        let f = try fields(value, path: parent.at(key))
        guard try f.typeName() == "params" else { throw f.fail("type", "expected `params`") }
        let object = try object(f)
        for p in object.properties {
            var t = p.type
            if case .array(let a) = t { t = a.items }
            switch t {
            case .boolean, .integer, .string, .unknown: continue
            default:
                throw f.fail("properties/\(p.name)", "a parameter must be a boolean, integer, string or unknown")
            }
        }
        return LexiconParams(properties: object.properties)
    }

    /// A request or response body: an encoding and an optional object, ref or union schema.
    func body(_ parent: LexiconFields, _ key: String) throws(LexiconError) -> LexiconBody? {
        guard let value = parent.map[key] else { return nil }
        let f = try fields(value, path: parent.at(key))
        guard let encoding = try f.string("encoding") else { throw f.fail("encoding", "a body needs `encoding`") }
        var schema: LexiconType?
        if let s = f.map["schema"] {
            let t = try type(s, path: f.at("schema"))
            switch t {
            case .object, .ref, .union: schema = t
            default: throw f.fail("schema", "a body schema must be an object, a ref or a union")
            }
        }
        return LexiconBody(encoding: encoding, schema: schema)
    }

    /// The names of the method's errors.
    func errors(_ f: LexiconFields) throws(LexiconError) -> [String] {
        guard let list = try f.list("errors") else { return [] }
        var names: [String] = []
        for (i, item) in list.enumerated() {
            let ef = try fields(item, path: f.at("errors/\(i)"))
            guard let name = try ef.string("name"), !name.isEmpty else {
                throw ef.fail("name", "an error needs `name`")
            }
            names.append(name)
        }
        return names
    }
}
