// PLCOperation+Decode.swift: reading PLC operations from JSON, DAG-CBOR or the data model, strictly.
// Book: docs/12-accounts-and-dids.md ("The operation format").

extension SignedPLCOperation {
    /// The largest JSON or DAG-CBOR input read as one operation (the submission limit is smaller:
    /// see `PLCLimits`); bigger input is refused before it is parsed.
    public static let maxInputBytes = 64 * 1024
    /// The deepest nesting an operation has (op -> services -> service).
    static let maxDepth = 4

    /// Reads an operation from its JSON form (a directory request body or log entry).
    public init(json: [UInt8]) throws(PLCError) {
        guard json.count <= Self.maxInputBytes else { throw .tooLarge(bytes: json.count, limit: Self.maxInputBytes) }
        let value: IPLD
        do { value = try AtprotoJSON.decode(json, maxDepth: Self.maxDepth) } catch { throw .json(error) }
        try self.init(ipld: value)
    }

    /// Reads an operation from its DAG-CBOR bytes.
    public init(dagCBOR bytes: [UInt8]) throws(PLCError) {
        guard bytes.count <= Self.maxInputBytes else { throw .tooLarge(bytes: bytes.count, limit: Self.maxInputBytes) }
        let value: IPLD
        do { value = try DagCBOR.decode(bytes, maxDepth: UInt32(Self.maxDepth)) } catch { throw .cbor(error) }
        try self.init(ipld: value)
    }

    /// Reads an operation from the data model: exactly the fields of its type, with `sig`.
    public init(ipld value: IPLD) throws(PLCError) {
        guard case .map(var m) = value else { throw .malformed("operation is not an object") }
        guard case .string(let sig)? = m["sig"] else { throw .malformed("sig missing or not a string") }
        m["sig"] = nil
        self.init(unsigned: try UnsignedPLCOperation(ipld: .map(m)), sig: sig)
    }
}

extension UnsignedPLCOperation {
    /// Reads an unsigned operation from the data model: exactly the fields of its type, no `sig`.
    public init(ipld value: IPLD) throws(PLCError) {
        guard case .map(let m) = value else { throw .malformed("operation is not an object") }
        let r = PLCFieldReader(map: m)
        switch try r.string("type") {
        case Self.regularType:
            try r.allow(["type", "rotationKeys", "verificationMethods", "alsoKnownAs", "services", "prev"])
            self = .regular(
                PLCRegularOperation(
                    rotationKeys: try r.stringList("rotationKeys"),
                    verificationMethods: try r.stringMap("verificationMethods"),
                    alsoKnownAs: try r.stringList("alsoKnownAs"),
                    services: try r.services("services"),
                    prev: try r.prev(nullable: true)))
        case Self.tombstoneType:
            try r.allow(["type", "prev"])
            self = .tombstone(PLCTombstone(prev: try r.prev(nullable: false)!))
        case Self.legacyCreateType:
            try r.allow(["type", "signingKey", "recoveryKey", "handle", "service", "prev"])
            guard m["prev"] == .null else { throw .malformed("prev of a create operation must be null") }
            self = .legacyCreate(
                PLCLegacyCreate(
                    signingKey: try r.string("signingKey"), recoveryKey: try r.string("recoveryKey"),
                    handle: try r.string("handle"), service: try r.string("service")))
        default:
            throw .malformed("unknown type")
        }
    }
}

/// Typed field access over one operation map; every miss names the field.
struct PLCFieldReader {
    let map: IPLDMap

    /// Fails on any field outside `known` (the reference schemas are strict).
    func allow(_ known: Set<String>) throws(PLCError) {
        for key in map.keys where !known.contains(key) { throw .malformed("unknown field") }
    }

    func string(_ key: String) throws(PLCError) -> String {
        guard case .string(let s)? = map[key] else { throw .malformed("\(key) missing or not a string") }
        return s
    }

    func stringList(_ key: String) throws(PLCError) -> [String] {
        guard case .list(let items)? = map[key] else { throw .malformed("\(key) missing or not a list") }
        var out = [String]()
        out.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else { throw .malformed("\(key) holds a non-string") }
            out.append(s)
        }
        return out
    }

    func stringMap(_ key: String) throws(PLCError) -> [String: String] {
        guard case .map(let m)? = map[key] else { throw .malformed("\(key) missing or not an object") }
        var out = [String: String](minimumCapacity: m.count)
        for entry in m {
            guard case .string(let s) = entry.value else { throw .malformed("\(key) holds a non-string") }
            out[entry.key] = s
        }
        return out
    }

    func services(_ key: String) throws(PLCError) -> [String: PLCService] {
        guard case .map(let m)? = map[key] else { throw .malformed("\(key) missing or not an object") }
        var out = [String: PLCService](minimumCapacity: m.count)
        for entry in m {
            guard case .map(let s) = entry.value, s.count == 2, case .string(let type)? = s["type"],
                case .string(let endpoint)? = s["endpoint"]
            else { throw .malformed("\(key) entry is not exactly {type, endpoint} strings") }
            out[entry.key] = PLCService(type: type, endpoint: endpoint)
        }
        return out
    }

    /// `prev`: a canonical CID string naming a dag-cbor operation, or null when `nullable`.
    func prev(nullable: Bool) throws(PLCError) -> CID? {
        switch map["prev"] {
        case .null? where nullable: return nil
        case .string(let text)?:
            guard let cid = try? CID(string: text), cid.string == text else {
                throw .malformed("prev is not a canonical CID string")
            }
            return cid
        default: throw .malformed(nullable ? "prev missing or not a string or null" : "prev missing or not a string")
        }
    }
}
