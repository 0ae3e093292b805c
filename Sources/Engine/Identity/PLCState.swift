// PLCState.swift: the current state of a did:plc identity (a directory's `/<did>/data`).
// Book: docs/12-accounts-and-dids.md ("From operations to a DID document").

/// What the latest operation says about a DID: the input to its DID document.
public struct PLCState: Sendable, Hashable {
    /// The DID.
    public var did: DID
    /// Rotation keys, highest authority first (not part of the DID document).
    public var rotationKeys: [String]
    /// Named verification keys as `did:key`.
    public var verificationMethods: [String: String]
    /// Aliases, `at://<handle>` first by convention.
    public var alsoKnownAs: [String]
    /// Named services.
    public var services: [String: PLCService]

    /// The state an operation body leaves `did` in.
    public init(did: DID, operation: PLCRegularOperation) {
        self.did = did
        rotationKeys = operation.rotationKeys
        verificationMethods = operation.verificationMethods
        alsoKnownAs = operation.alsoKnownAs
        services = operation.services
    }

    /// The state after `operation`; nil after a tombstone.
    public init?(did: DID, after operation: SignedPLCOperation) {
        guard let body = operation.unsigned.normalized else { return nil }
        self.init(did: did, operation: body)
    }

    /// The state as an operation body with `prev`: the starting point of the next update.
    public func operation(prev: CID?) -> PLCRegularOperation {
        PLCRegularOperation(
            rotationKeys: rotationKeys, verificationMethods: verificationMethods, alsoKnownAs: alsoKnownAs,
            services: services, prev: prev)
    }

    /// The handle: the first `at://` alias without its prefix.
    public var handle: String? { PLCRegularOperation.handle(inAlsoKnownAs: alsoKnownAs) }

    /// The repo signing key as `did:key`.
    public var signingKey: String? { operation(prev: nil).signingKey }

    /// The PDS URL.
    public var pdsEndpoint: String? { operation(prev: nil).pdsEndpoint }

    /// The data-model form served at `/<did>/data`.
    public var ipld: IPLDMap {
        try! IPLDMap([
            ("did", .string(did.string)),
            ("rotationKeys", .list(rotationKeys.map { .string($0) })),
            ("verificationMethods", .map(try! IPLDMap(verificationMethods.map { ($0.key, .string($0.value)) }))),
            ("alsoKnownAs", .list(alsoKnownAs.map { .string($0) })),
            ("services", .map(try! IPLDMap(services.map { ($0.key, $0.value.ipld) }))),
        ])
    }

    /// The JSON served at `/<did>/data`.
    public var json: [UInt8] { AtprotoJSON.encode(.map(ipld)) }
}
