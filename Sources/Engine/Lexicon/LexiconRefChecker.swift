// LexiconRefChecker.swift: checks that every ref and union member in a catalog names a usable definition.
// Book: docs/09-lexicons.md ("Resolving refs").

/// Walks every schema in every document and checks each ref against the catalog's definitions:
/// a `ref` must name a value schema, a record or a token; a union member must name an object or
/// a record (what a `$type` can stand for).
struct LexiconRefChecker {
    let definitions: [String: LexiconDefinition]

    func checkAll(_ documents: [LexiconDocument]) throws(LexiconError) {
        for doc in documents {
            for (name, def) in doc.defs.sorted(by: { $0.key < $1.key }) {
                try check(def, source: doc.id.string, path: "defs/\(name)")
            }
        }
    }

    func check(_ def: LexiconDefinition, source: String, path: String) throws(LexiconError) {
        switch def {
        case .record(let r): try check(.object(r.record), source, path + "/record")
        case .query(let q):
            try check(q.parameters, source, path + "/parameters")
            try check(q.output, source, path + "/output")
        case .procedure(let p):
            try check(p.parameters, source, path + "/parameters")
            try check(p.input, source, path + "/input")
            try check(p.output, source, path + "/output")
        case .subscription(let s):
            try check(s.parameters, source, path + "/parameters")
            if let m = s.message { try check(m, source, path + "/message/schema") }
        case .value(let t): try check(t, source, path)
        case .permissionSet, .token: break
        }
    }

    func check(_ params: LexiconParams?, _ source: String, _ path: String) throws(LexiconError) {
        for p in params?.properties ?? [] { try check(p.type, source, path + "/properties/" + p.name) }
    }

    func check(_ body: LexiconBody?, _ source: String, _ path: String) throws(LexiconError) {
        if let schema = body?.schema { try check(schema, source, path + "/schema") }
    }

    func check(_ type: LexiconType, _ source: String, _ path: String) throws(LexiconError) {
        switch type {
        case .array(let a): try check(a.items, source, path + "/items")
        case .object(let o):
            for p in o.properties { try check(p.type, source, path + "/properties/" + p.name) }
        case .ref(let ref):
            switch try target(ref, source, path + "/ref") {
            case .value, .record, .token: break
            case let other: throw badTarget(ref, other, source, path + "/ref")
            }
        case .union(let u):
            for (i, m) in u.members.enumerated() {
                switch try target(m.ref, source, path + "/refs/\(i)") {
                case .value(.object), .record: break
                case let other: throw badTarget(m.ref, other, source, path + "/refs/\(i)")
                }
            }
        case .boolean, .integer, .string, .bytes, .cidLink, .blob, .unknown: break
        }
    }

    func target(_ ref: String, _ source: String, _ path: String) throws(LexiconError) -> LexiconDefinition {
        guard let def = definitions[ref] else {
            throw LexiconError(.unresolvedRef, source: source, path: path, "no definition \(ref)")
        }
        return def
    }

    func badTarget(_ ref: String, _ def: LexiconDefinition, _ source: String, _ path: String) -> LexiconError {
        LexiconError(.badRefTarget, source: source, path: path, "\(ref) is a \(def.typeName), not usable here")
    }
}
