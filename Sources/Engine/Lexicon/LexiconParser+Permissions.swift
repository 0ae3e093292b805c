// LexiconParser+Permissions.swift: reads permission sets and checks each permission's fields.
// Book: docs/09-lexicons.md ("Loading").

extension LexiconParser {
    func permissionSet(_ f: LexiconFields) throws(LexiconError) -> LexiconPermissionSet {
        for key in ["title:lang", "detail:lang"] {
            guard let langs = try f.map(key) else { continue }
            for entry in langs {
                guard (try? Language(entry.key)) != nil else { throw f.fail("\(key)/\(entry.key)", "not a language") }
                guard case .string = entry.value else { throw f.fail("\(key)/\(entry.key)", "expected a string") }
            }
        }
        guard let list = try f.list("permissions") else {
            throw f.fail("permissions", "a permission set needs `permissions`")
        }
        var permissions: [LexiconPermission] = []
        for (i, item) in list.enumerated() {
            permissions.append(try permission(try fields(item, path: f.at("permissions/\(i)"))))
        }
        return LexiconPermissionSet(
            title: try f.string("title"), detail: try f.string("detail"), permissions: permissions)
    }

    func permission(_ f: LexiconFields) throws(LexiconError) -> LexiconPermission {
        guard try f.typeName() == "permission" else { throw f.fail("type", "expected `permission`") }
        guard let resource = try f.string("resource") else { throw f.fail("resource", "a permission needs `resource`") }
        var action: [String] = []
        if case .string(let one)? = f.map["action"] { action = [one] } else { action = try f.strings("action") ?? [] }
        let p = LexiconPermission(
            resource: resource, collection: try f.strings("collection") ?? [], action: action,
            lxm: try f.strings("lxm") ?? [], aud: try f.string("aud"), inheritAud: try f.bool("inheritAud") ?? false,
            accept: try f.strings("accept") ?? [], attr: try f.string("attr"))
        func nsidOrStar(_ list: [String], _ key: String) throws(LexiconError) {
            for (i, s) in list.enumerated() where s != "*" && (try? NSID(s)) == nil {
                throw f.fail("\(key)/\(i)", "not an NSID")
            }
        }
        switch resource {
        case "repo":
            guard !p.collection.isEmpty else { throw f.fail("collection", "a repo permission needs `collection`") }
            try nsidOrStar(p.collection, "collection")
            for a in p.action where !["create", "update", "delete"].contains(a) {
                throw f.fail("action", "unknown action")
            }
        case "rpc":
            guard !p.lxm.isEmpty else { throw f.fail("lxm", "an rpc permission needs `lxm`") }
            try nsidOrStar(p.lxm, "lxm")
            guard (p.aud != nil) != p.inheritAud else {
                throw f.fail("aud", "needs exactly one of `aud` and `inheritAud`")
            }
            if p.aud == "*" && p.lxm.contains("*") { throw f.fail("aud", "`aud` and `lxm` cannot both be `*`") }
            if let aud = p.aud, aud != "*" {
                let parts = aud.split(separator: "#", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[1].isEmpty, (try? DID(String(parts[0]))) != nil else {
                    throw f.fail("aud", "`aud` must be `*` or a service reference `did#id`")
                }
            }
        case "blob":
            guard !p.accept.isEmpty else { throw f.fail("accept", "a blob permission needs `accept`") }
            for (i, a) in p.accept.enumerated() where !LexiconMIME.isValidPattern(a) {
                throw f.fail("accept/\(i)", "not a MIME type pattern")
            }
        case "account":
            guard let attr = p.attr, ["email", "repo", "status"].contains(attr) else {
                throw f.fail("attr", "unknown attribute")
            }
            for a in p.action where !["read", "manage"].contains(a) { throw f.fail("action", "unknown action") }
        case "identity":
            guard let attr = p.attr, ["*", "handle"].contains(attr) else { throw f.fail("attr", "unknown attribute") }
            for a in p.action where !["submit", "manage"].contains(a) { throw f.fail("action", "unknown action") }
        default:
            throw f.fail("resource", "unknown resource")
        }
        return p
    }
}
