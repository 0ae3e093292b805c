// WellKnownRoutes.swift: /.well-known/atproto-did (handles by Host header) and /.well-known/did.json.
// Book: docs/12-accounts-and-dids.md ("Handles over HTTPS").
import Engine
import Hummingbird

/// The `/.well-known` documents.
enum WellKnownRoutes {
    static func add(to router: Router<PDSRequestContext>, pds: PDS) {
        router.get("/.well-known/atproto-did") { request, _ in try await atprotoDID(request, pds: pds) }
        router.get("/.well-known/did.json") { _, _ in didJSON(pds: pds) }
    }

    /// The DID of the local account whose handle is the request's host, as plain text; 404 otherwise.
    static func atprotoDID(_ request: Request, pds: PDS) async throws -> Response {
        let notFound = Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "User not found")))
        guard let host = hostName(request), let handle = try? Handle(host).string,
            HandleRules.isServiceHandle(handle, domains: pds.config.handleDomains),
            let account = try await pds.control.account(handle: handle), account.isActive
        else { return notFound }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: account.did)))
    }

    /// `Host` as a plain field name (swift-http-types hides `.host` in favour of the authority).
    static let hostField = HTTPFields.Element.Name("Host")!

    /// The request's host name, lower case, without a port: a `Host` field if one is left among the
    /// headers, else the request's authority (HTTP/1's `Host` arrives there, as does HTTP/2's `:authority`).
    static func hostName(_ request: Request) -> String? {
        guard let authority = request.headers[hostField] ?? request.head.authority, !authority.isEmpty else { return nil }
        if authority.hasPrefix("[") { return nil }  // an IPv6 literal is never a handle
        return String(authority.split(separator: ":", maxSplits: 1)[0]).lowercased()
    }

    /// The service's did:web document: its id and the PDS service entry.
    static func didJSON(pds: PDS) -> Response {
        let doc: IPLD = [
            "@context": ["https://www.w3.org/ns/did/v1"],
            "id": .string(pds.config.serviceDID),
            "service": [
                [
                    "id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                    "serviceEndpoint": .string(pds.config.publicURL),
                ]
            ],
        ]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: AtprotoJSON.encode(doc))))
    }
}
