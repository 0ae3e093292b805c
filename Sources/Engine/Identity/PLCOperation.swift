// PLCOperation.swift: the did:plc operation wire types, unsigned (what gets signed).
// Book: docs/12-accounts-and-dids.md ("The operation format").

/// One entry of an operation's `services` map: `{type, endpoint}`.
public struct PLCService: Sendable, Hashable {
    /// The service type, e.g. `AtprotoPersonalDataServer`.
    public var type: String
    /// The service URL, e.g. `https://pds.example.com`.
    public var endpoint: String

    /// A service entry.
    public init(type: String, endpoint: String) {
        self.type = type
        self.endpoint = endpoint
    }

    /// The data-model form.
    public var ipld: IPLD { ["type": .string(type), "endpoint": .string(endpoint)] }
}

/// The fields of a `plc_operation`, without `sig`: a genesis operation (`prev` nil) or an update.
public struct PLCRegularOperation: Sendable, Hashable {
    /// Rotation keys as `did:key`, highest authority first; they sign the next operation.
    public var rotationKeys: [String]
    /// Named verification keys as `did:key`; `atproto` is the repo signing key.
    public var verificationMethods: [String: String]
    /// Aliases, highest priority first; `at://<handle>` names the handle.
    public var alsoKnownAs: [String]
    /// Named services; `atproto_pds` is the account's PDS.
    public var services: [String: PLCService]
    /// The CID of the operation this one follows; nil for a genesis operation.
    public var prev: CID?

    /// An operation body.
    public init(
        rotationKeys: [String], verificationMethods: [String: String], alsoKnownAs: [String],
        services: [String: PLCService], prev: CID?
    ) {
        self.rotationKeys = rotationKeys
        self.verificationMethods = verificationMethods
        self.alsoKnownAs = alsoKnownAs
        self.services = services
        self.prev = prev
    }
}

/// The fields of a `plc_tombstone`, without `sig`: the operation that deactivates a DID.
public struct PLCTombstone: Sendable, Hashable {
    /// The CID of the operation being tombstoned.
    public var prev: CID

    /// A tombstone body.
    public init(prev: CID) { self.prev = prev }
}

/// The fields of a legacy `create` operation, without `sig`: genesis only, never written any more,
/// but still found at the start of old logs (and the hash of some DIDs).
public struct PLCLegacyCreate: Sendable, Hashable {
    /// The repo signing key, also the second rotation key.
    public var signingKey: String
    /// The first (highest authority) rotation key.
    public var recoveryKey: String
    /// The bare handle, no `at://`.
    public var handle: String
    /// The PDS URL.
    public var service: String

    /// A legacy create body.
    public init(signingKey: String, recoveryKey: String, handle: String, service: String) {
        self.signingKey = signingKey
        self.recoveryKey = recoveryKey
        self.handle = handle
        self.service = service
    }
}

/// A PLC operation without its signature: one of the three wire shapes.
public enum UnsignedPLCOperation: Sendable, Hashable {
    /// `type: "plc_operation"`.
    case regular(PLCRegularOperation)
    /// `type: "plc_tombstone"`.
    case tombstone(PLCTombstone)
    /// `type: "create"` (legacy).
    case legacyCreate(PLCLegacyCreate)

    /// The `type` field's value for `plc_operation`.
    public static let regularType = "plc_operation"
    /// The `type` field's value for `plc_tombstone`.
    public static let tombstoneType = "plc_tombstone"
    /// The `type` field's value for a legacy create.
    public static let legacyCreateType = "create"

    /// The `type` field.
    public var type: String {
        switch self {
        case .regular: Self.regularType
        case .tombstone: Self.tombstoneType
        case .legacyCreate: Self.legacyCreateType
        }
    }

    /// The CID of the previous operation; nil for a genesis operation.
    public var prev: CID? {
        switch self {
        case .regular(let op): op.prev
        case .tombstone(let op): op.prev
        case .legacyCreate: nil
        }
    }

    /// True for a genesis operation (`prev` null).
    public var isGenesis: Bool { prev == nil }

    /// True for a tombstone.
    public var isTombstone: Bool { if case .tombstone = self { true } else { false } }

    /// The state this operation leaves the DID in, as a `plc_operation` body (a legacy create is
    /// converted the way the reference does); nil for a tombstone.
    public var normalized: PLCRegularOperation? {
        switch self {
        case .regular(let op): return op
        case .tombstone: return nil
        case .legacyCreate(let op):
            return PLCRegularOperation(
                rotationKeys: [op.recoveryKey, op.signingKey],
                verificationMethods: ["atproto": op.signingKey],
                alsoKnownAs: [PLCRegularOperation.atURI(forHandle: op.handle)],
                services: [
                    PLCRegularOperation.pdsServiceID: PLCService(
                        type: PLCRegularOperation.pdsServiceType,
                        endpoint: PLCRegularOperation.httpURL(op.service))
                ],
                prev: nil)
        }
    }

    /// The keys allowed to sign the operation after this one: its rotation keys (recovery key then
    /// signing key for a legacy create), none for a tombstone.
    public var rotationKeys: [String] { normalized?.rotationKeys ?? [] }

    /// The data-model form, without `sig`.
    public var ipld: IPLDMap {
        var pairs: [(String, IPLD)] = [("type", .string(type))]
        switch self {
        case .regular(let op):
            pairs += [
                ("rotationKeys", .list(op.rotationKeys.map { .string($0) })),
                ("verificationMethods", .map(try! IPLDMap(op.verificationMethods.map { ($0.key, .string($0.value)) }))),
                ("alsoKnownAs", .list(op.alsoKnownAs.map { .string($0) })),
                ("services", .map(try! IPLDMap(op.services.map { ($0.key, $0.value.ipld) }))),
                ("prev", op.prev.map { .string($0.string) } ?? .null),
            ]
        case .tombstone(let op):
            pairs.append(("prev", .string(op.prev.string)))
        case .legacyCreate(let op):
            pairs += [
                ("signingKey", .string(op.signingKey)), ("recoveryKey", .string(op.recoveryKey)),
                ("handle", .string(op.handle)), ("service", .string(op.service)), ("prev", .null),
            ]
        }
        // Keys are distinct by construction, and dictionary keys are unique.
        return try! IPLDMap(pairs)
    }

    /// The bytes that are signed: the DAG-CBOR of the operation with no `sig` field at all.
    public var signingBytes: [UInt8] { DagCBOR.encode(.map(ipld)) }

    /// Signs the operation: a low-S compact signature, written as unpadded base64url.
    public func signed(with key: some PrivateKey) -> SignedPLCOperation {
        SignedPLCOperation(unsigned: self, sig: Base64URL.encode(key.sign(signingBytes)))
    }
}
