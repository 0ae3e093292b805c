// PLCOperation+Atproto.swift: the atproto fields of a PLC operation (handle, signing key, PDS).
// Book: docs/12-accounts-and-dids.md ("What atproto puts in an operation").

extension PLCRegularOperation {
    /// The `verificationMethods` name of the repo signing key.
    public static let signingKeyID = "atproto"
    /// The `services` name of the PDS entry.
    public static let pdsServiceID = "atproto_pds"
    /// The `type` of the PDS service entry.
    public static let pdsServiceType = "AtprotoPersonalDataServer"

    /// An operation body in the shape the reference PDS writes: one handle, one signing key, one PDS.
    public static func atproto(
        signingKey: String, handle: String, pdsEndpoint: String, rotationKeys: [String], prev: CID? = nil
    ) -> PLCRegularOperation {
        PLCRegularOperation(
            rotationKeys: rotationKeys,
            verificationMethods: [signingKeyID: signingKey],
            alsoKnownAs: [atURI(forHandle: handle)],
            services: [pdsServiceID: PLCService(type: pdsServiceType, endpoint: httpURL(pdsEndpoint))],
            prev: prev)
    }

    /// The handle: the first `at://` alias without its prefix.
    public var handle: String? { Self.handle(inAlsoKnownAs: alsoKnownAs) }

    /// The repo signing key (`verificationMethods.atproto`) as `did:key`.
    public var signingKey: String? { verificationMethods[Self.signingKeyID] }

    /// The PDS URL, if the `atproto_pds` entry has the PDS type.
    public var pdsEndpoint: String? {
        guard let s = services[Self.pdsServiceID], s.type == Self.pdsServiceType else { return nil }
        return s.endpoint
    }

    /// Sets the handle: replaces the first `at://` alias, or puts one in front.
    public mutating func setHandle(_ handle: String) {
        let uri = Self.atURI(forHandle: handle)
        if let i = alsoKnownAs.firstIndex(where: { $0.hasPrefix("at://") }) {
            alsoKnownAs[i] = uri
        } else {
            alsoKnownAs.insert(uri, at: 0)
        }
    }

    /// Sets the PDS entry to `endpoint` (an `https://` prefix is added when no scheme is given).
    public mutating func setPDSEndpoint(_ endpoint: String) {
        services[Self.pdsServiceID] = PLCService(type: Self.pdsServiceType, endpoint: Self.httpURL(endpoint))
    }

    /// Sets the repo signing key (`did:key`).
    public mutating func setSigningKey(_ didKey: String) {
        verificationMethods[Self.signingKeyID] = didKey
    }

    /// `at://<handle>`; an `http(s)://` prefix is dropped first, an `at://` one is kept.
    public static func atURI(forHandle handle: String) -> String {
        if handle.hasPrefix("at://") { return handle }
        var bare = Substring(handle)
        for scheme in ["https://", "http://"] where bare.hasPrefix(scheme) { bare = bare.dropFirst(scheme.count) }
        return "at://" + bare
    }

    /// `url` unchanged if it starts with `http://` or `https://`, else with `https://` in front.
    public static func httpURL(_ url: String) -> String {
        url.hasPrefix("http://") || url.hasPrefix("https://") ? url : "https://" + url
    }

    /// The first `at://` alias without its prefix.
    static func handle(inAlsoKnownAs aliases: [String]) -> String? {
        guard let uri = aliases.first(where: { $0.hasPrefix("at://") }) else { return nil }
        return String(uri.dropFirst(5))
    }
}
