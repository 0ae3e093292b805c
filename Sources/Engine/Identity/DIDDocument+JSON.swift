// DIDDocument+JSON.swift: reading DID documents from untrusted JSON (bounded) and writing them.
// Book: docs/12-accounts-and-dids.md ("DID documents").

extension DIDDocument {
    /// Bounds on a document read from the network.
    public struct Limits: Sendable, Hashable {
        /// Largest JSON accepted, checked before parsing.
        public var maxBytes = 64 * 1024
        /// Most entries in `alsoKnownAs`, `verificationMethod`, `service` and `@context`.
        public var maxEntries = 64
        /// Deepest JSON nesting (unknown fields may hold objects, e.g. `publicKeyJwk`).
        public var maxDepth = 16

        /// The defaults.
        public init() {}

        /// The defaults.
        public static let `default` = Limits()
    }

    /// Reads a did:plc or did:web document. `id` must be a DID; `alsoKnownAs`, `verificationMethod`
    /// and `service` are optional but must have the right types; unknown fields are ignored.
    public init(json: [UInt8], limits: Limits = .default) throws(IdentityError) {
        guard json.count <= limits.maxBytes else { throw .tooLarge(bytes: json.count, limit: limits.maxBytes) }
        let value: IPLD
        do { value = try AtprotoJSON.decode(json, maxDepth: limits.maxDepth) } catch { throw .json(error) }
        try self.init(ipld: value, limits: limits)
    }

    /// Reads a document from the data model (see `init(json:limits:)`).
    public init(ipld value: IPLD, limits: Limits = .default) throws(IdentityError) {
        guard case .map(let m) = value else { throw .malformedDocument("not an object") }
        guard case .string(let idText)? = m["id"], let id = try? DID(idText) else {
            throw .malformedDocument("id missing or not a DID")
        }
        func list(_ key: String) throws(IdentityError) -> [IPLD] {
            switch m[key] {
            case nil, .null?: return []
            case .list(let items)?:
                guard items.count <= limits.maxEntries else {
                    throw .tooManyEntries(field: key, count: items.count, limit: limits.maxEntries)
                }
                return items
            default: throw .malformedDocument("\(key) is not a list")
            }
        }
        func string(_ v: IPLD?, _ what: String) throws(IdentityError) -> String {
            guard case .string(let s)? = v else { throw .malformedDocument("\(what) missing or not a string") }
            return s
        }

        var aliases = [String]()
        for item in try list("alsoKnownAs") { aliases.append(try string(item, "alsoKnownAs entry")) }

        var methods = [VerificationMethod]()
        for item in try list("verificationMethod") {
            guard case .map(let vm) = item else {
                throw .malformedDocument("verificationMethod entry is not an object")
            }
            let multibase: String?
            switch vm["publicKeyMultibase"] {
            case nil: multibase = nil
            case .string(let s)?: multibase = s
            default: throw .malformedDocument("publicKeyMultibase is not a string")
            }
            methods.append(
                VerificationMethod(
                    id: try string(vm["id"], "verificationMethod id"),
                    type: try string(vm["type"], "verificationMethod type"),
                    controller: try string(vm["controller"], "verificationMethod controller"),
                    publicKeyMultibase: multibase))
        }

        var services = [Service]()
        for item in try list("service") {
            guard case .map(let s) = item else { throw .malformedDocument("service entry is not an object") }
            let endpoint: String?
            switch s["serviceEndpoint"] {
            case .string(let e)?: endpoint = e
            case .map?, .list?: endpoint = nil
            default: throw .malformedDocument("serviceEndpoint missing or not a string, map or list")
            }
            services.append(
                Service(
                    id: try string(s["id"], "service id"), type: try string(s["type"], "service type"),
                    serviceEndpoint: endpoint))
        }

        // `@context` is informative only: a string or a list of strings is kept, anything else dropped.
        var context = [String]()
        switch m["@context"] {
        case .string(let s)?: context = [s]
        case .list(let items)?:
            guard items.count <= limits.maxEntries else {
                throw .tooManyEntries(field: "@context", count: items.count, limit: limits.maxEntries)
            }
            context = items.compactMap(\.stringValue)
        default: break
        }

        self.init(context: context, id: id, alsoKnownAs: aliases, verificationMethods: methods, services: services)
    }

    /// The data-model form. A service whose endpoint was not a string is written with `{}` as its
    /// endpoint, which reads back the same way.
    public var ipld: IPLDMap {
        let methods: [IPLD] = verificationMethods.map { vm in
            var pairs: [(String, IPLD)] = [
                ("id", .string(vm.id)), ("type", .string(vm.type)), ("controller", .string(vm.controller)),
            ]
            if let mb = vm.publicKeyMultibase { pairs.append(("publicKeyMultibase", .string(mb))) }
            return .map(try! IPLDMap(pairs))
        }
        let services: [IPLD] = services.map { s in
            .map(
                try! IPLDMap([
                    ("id", .string(s.id)), ("type", .string(s.type)),
                    ("serviceEndpoint", s.serviceEndpoint.map { .string($0) } ?? .map(IPLDMap())),
                ]))
        }
        return try! IPLDMap([
            ("@context", .list(context.map { .string($0) })), ("id", .string(id.string)),
            ("alsoKnownAs", .list(alsoKnownAs.map { .string($0) })), ("verificationMethod", .list(methods)),
            ("service", .list(services)),
        ])
    }

    /// The JSON form (`application/did+ld+json`).
    public var json: [UInt8] { AtprotoJSON.encode(.map(ipld)) }
}
