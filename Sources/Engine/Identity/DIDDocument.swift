// DIDDocument.swift: a DID document and the three things a PDS reads from it.
// Book: docs/12-accounts-and-dids.md ("DID documents").

/// A DID document, reduced to the fields atproto uses: aliases, verification methods, services.
public struct DIDDocument: Sendable, Hashable {
    /// One `verificationMethod` entry.
    public struct VerificationMethod: Sendable, Hashable {
        /// `did#name` or `#name`.
        public var id: String
        /// `Multikey`, or a legacy `EcdsaSecp256k1VerificationKey2019` / `EcdsaSecp256r1VerificationKey2019`.
        public var type: String
        /// The controlling DID.
        public var controller: String
        /// The key as multibase; absent for key formats atproto does not use.
        public var publicKeyMultibase: String?

        /// A verification method.
        public init(id: String, type: String, controller: String, publicKeyMultibase: String?) {
            self.id = id
            self.type = type
            self.controller = controller
            self.publicKeyMultibase = publicKeyMultibase
        }
    }

    /// One `service` entry.
    public struct Service: Sendable, Hashable {
        /// `#name` or `did#name`.
        public var id: String
        /// E.g. `AtprotoPersonalDataServer`.
        public var type: String
        /// The URL; nil when the document gives a map or list instead of a string.
        public var serviceEndpoint: String?

        /// A service.
        public init(id: String, type: String, serviceEndpoint: String?) {
            self.id = id
            self.type = type
            self.serviceEndpoint = serviceEndpoint
        }
    }

    /// The base JSON-LD contexts of every document this code writes.
    public static let baseContext = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]

    /// `@context` (empty if the document had none, or not as strings).
    public var context: [String]
    /// The DID the document describes.
    public var id: DID
    /// Aliases; atproto reads the first `at://` one as the handle.
    public var alsoKnownAs: [String]
    /// Keys.
    public var verificationMethods: [VerificationMethod]
    /// Services.
    public var services: [Service]

    /// A document.
    public init(
        context: [String] = DIDDocument.baseContext, id: DID, alsoKnownAs: [String] = [],
        verificationMethods: [VerificationMethod] = [], services: [Service] = []
    ) {
        self.context = context
        self.id = id
        self.alsoKnownAs = alsoKnownAs
        self.verificationMethods = verificationMethods
        self.services = services
    }

    /// The claimed handle: the first `at://` alias, if it is a valid handle (lower-cased). Claimed
    /// only: the handle must still resolve back to this DID.
    public var handle: Handle? {
        guard let text = PLCRegularOperation.handle(inAlsoKnownAs: alsoKnownAs) else { return nil }
        return try? Handle(text)
    }

    /// The verification method named `name`: id `#name` or `<did>#name`.
    public func verificationMethod(named name: String) -> VerificationMethod? {
        verificationMethods.first { $0.id == "#" + name || $0.id == id.string + "#" + name }
    }

    /// The repo signing key (`#atproto`), if present, of a supported curve and well-formed.
    public var signingKey: AnyPublicKey? { publicKey(named: PLCRegularOperation.signingKeyID) }

    /// The key of the verification method named `name` (`atproto`, `atproto_label`), if present,
    /// of a supported curve and well-formed.
    public func publicKey(named name: String) -> AnyPublicKey? {
        guard let vm = verificationMethod(named: name), let multibase = vm.publicKeyMultibase else { return nil }
        switch vm.type {
        case "Multikey": return try? DIDKey.parseMultikey(multibase)
        case "EcdsaSecp256k1VerificationKey2019": return try? DIDKey.parseLegacyMultibase(multibase, keyType: .k256)
        case "EcdsaSecp256r1VerificationKey2019": return try? DIDKey.parseLegacyMultibase(multibase, keyType: .p256)
        default: return nil
        }
    }

    /// The repo signing key as `did:key`.
    public var signingDIDKey: String? { signingKey?.didKey }

    /// The endpoint of the service named `name` with type `type`, if it is an http(s) URL with a host.
    public func serviceEndpoint(named name: String, type: String) -> String? {
        guard let s = services.first(where: { $0.id == "#" + name || $0.id == id.string + "#" + name }),
            s.type == type, let url = s.serviceEndpoint, Self.isHTTPURL(url)
        else { return nil }
        return url
    }

    /// The PDS URL (`#atproto_pds`, type `AtprotoPersonalDataServer`).
    public var pdsEndpoint: String? {
        serviceEndpoint(named: PLCRegularOperation.pdsServiceID, type: PLCRegularOperation.pdsServiceType)
    }

    /// True for `http://` or `https://`, a non-empty host, no whitespace or control characters:
    /// enough to refuse `file:`, `javascript:` and the like before anything connects.
    static func isHTTPURL(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count <= 2048, !b.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return false }
        let lower = b.prefix(8).map { $0 | 0x20 }
        let schemeLength: Int
        if lower.starts(with: "https://".utf8) {
            schemeLength = 8
        } else if lower.starts(with: "http://".utf8) {
            schemeLength = 7
        } else {
            return false
        }
        var authority = b[schemeLength...].prefix {
            $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
        }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        let host: ArraySlice<UInt8>
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return false }
            host = authority[authority.startIndex...close]
        } else {
            host = authority.prefix { $0 != UInt8(ascii: ":") }
        }
        return !host.isEmpty
    }
}
