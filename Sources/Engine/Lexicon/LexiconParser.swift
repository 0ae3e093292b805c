// LexiconParser.swift: reads a lexicon document's data model into LexiconDocument (the document and its defs).
// Book: docs/09-lexicons.md ("Loading").

/// Turns the data model of a lexicon JSON file into the schema model, checking as it goes.
/// Every failure names the document and the path inside it.
struct LexiconParser {
    /// Where the document came from, for errors.
    let source: String
    /// The document's NSID, to expand local refs (`#name`).
    let id: String

    static func document(_ value: IPLD, source: String) throws(LexiconError) -> LexiconDocument {
        guard case .map(let top) = value else { throw LexiconError(.invalidSchema, source: source, "not an object") }
        let probe = LexiconParser(source: source, id: "")
        let fields = LexiconFields(top, path: "", parser: probe)
        guard case .int(1)? = top["lexicon"] else { throw probe.fail("lexicon", "`lexicon` must be the integer 1") }
        guard let idString = try fields.string("id") else { throw probe.fail("id", "`id` is required") }
        guard let id = try? NSID(idString) else { throw probe.fail("id", "`id` is not a valid NSID") }
        let description = try fields.string("description")
        _ = try fields.int("revision")
        guard let defsMap = try fields.map("defs") else { throw probe.fail("defs", "`defs` is required") }
        guard !defsMap.isEmpty else { throw probe.fail("defs", "a lexicon needs at least one definition") }
        let parser = LexiconParser(source: source, id: id.string)
        var defs: [String: LexiconDefinition] = [:]
        for entry in defsMap {
            let path = "defs/\(entry.key)"
            guard Self.isValidDefName(entry.key) else { throw parser.fail(path, "invalid definition name") }
            let def = try parser.definition(entry.value, path: path)
            if def.isPrimary && entry.key != "main" {
                throw parser.fail(path, "a \(def.typeName) definition must be named `main`")
            }
            defs[entry.key] = def
        }
        return LexiconDocument(id: id, description: description, defs: defs)
    }

    /// Definition names: letters, digits, `_` and `-`; no `#` or `.` (they would make refs ambiguous).
    static func isValidDefName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 128
            && name.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
                    || c == 0x2D
            }
    }

    func fail(_ path: String, _ reason: String) -> LexiconError {
        LexiconError(.invalidSchema, source: source, path: path, reason)
    }

    /// A top-level definition.
    func definition(_ value: IPLD, path: String) throws(LexiconError) -> LexiconDefinition {
        let f = try fields(value, path: path)
        let type = try f.typeName()
        switch type {
        case "record": return .record(try record(f))
        case "query": return .query(try query(f))
        case "procedure": return .procedure(try procedure(f))
        case "subscription": return .subscription(try subscription(f))
        case "permission-set": return .permissionSet(try permissionSet(f))
        case "token": return .token
        case "ref", "union", "unknown", "params", "permission":
            throw fail(path, "a \(type) cannot be a named definition")
        default: return .value(try self.type(value, path: path))
        }
    }

    /// The fields of a schema object, or an error if `value` is not an object.
    func fields(_ value: IPLD, path: String) throws(LexiconError) -> LexiconFields {
        guard case .map(let m) = value else { throw fail(path, "expected an object") }
        return LexiconFields(m, path: path, parser: self)
    }

    /// Expands a ref to `nsid#name`: `#name` is local to this document, a bare NSID means `#main`.
    func canonicalRef(_ raw: String, path: String) throws(LexiconError) -> String {
        let parts = raw.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard (try? NSID(raw)) != nil else { throw fail(path, "invalid ref") }
            return raw + "#main"
        case 2:
            let nsid = parts[0].isEmpty ? id : String(parts[0])
            guard parts[0].isEmpty || (try? NSID(nsid)) != nil, Self.isValidDefName(String(parts[1])) else {
                throw fail(path, "invalid ref")
            }
            return nsid + "#" + parts[1]
        default:
            throw fail(path, "invalid ref")
        }
    }
}
