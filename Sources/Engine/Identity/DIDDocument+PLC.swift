// DIDDocument+PLC.swift: rendering a did:plc state as its DID document, as the directory does.
// Book: docs/12-accounts-and-dids.md ("From operations to a DID document").

extension DIDDocument {
    /// The JSON-LD context added for a K-256 key.
    public static let secp256k1Context = "https://w3id.org/security/suites/secp256k1-2019/v1"
    /// The JSON-LD context added for a P-256 key.
    public static let p256Context = "https://w3id.org/security/suites/ecdsa-2019/v1"

    /// The document a PLC directory serves for `state`: every verification method as a Multikey
    /// with id `<did>#<name>`, every service with id `#<name>`, rotation keys left out.
    ///
    /// Entries follow canonical (DAG-CBOR) key order, so one state always renders the same bytes.
    public init(plc state: PLCState) {
        var context = DIDDocument.baseContext
        var methods = [VerificationMethod]()
        for name in state.verificationMethods.keys.sorted(by: IPLDMap.keyPrecedes) {
            let didKey = state.verificationMethods[name]!
            let extra: String? =
                switch (try? DIDKey.parse(didKey))?.keyType {
                case .k256?: Self.secp256k1Context
                case .p256?: Self.p256Context
                case nil: nil
                }
            if let extra, !context.contains(extra) { context.append(extra) }
            let multibase = didKey.hasPrefix(DIDKey.prefix) ? String(didKey.dropFirst(DIDKey.prefix.count)) : didKey
            methods.append(
                VerificationMethod(
                    id: state.did.string + "#" + name, type: "Multikey", controller: state.did.string,
                    publicKeyMultibase: multibase))
        }
        let services = state.services.keys.sorted(by: IPLDMap.keyPrecedes).map { name in
            let s = state.services[name]!
            return Service(id: "#" + name, type: s.type, serviceEndpoint: s.endpoint)
        }
        self.init(
            context: context, id: state.did, alsoKnownAs: state.alsoKnownAs, verificationMethods: methods,
            services: services)
    }
}
