// ReserveSigningKey.swift: com.atproto.server.reserveSigningKey: a repo key made before its account.
// Book: docs/12-accounts-and-dids.md ("Reserving a signing key").
import Engine

extension ServerHandlers {
    /// Reserves a repo signing key, for `did` when given, and answers `{signingKey}` as `did:key`.
    /// No authentication, as in the reference: only the public key is ever answered. The same DID
    /// gets the same key while its reservation lives (seven days); a call without a DID gets a
    /// fresh key each time, found later by the key itself.
    @Sendable static func reserveSigningKey(_ call: XRPCCall) async throws -> XRPCOutput {
        // The body is optional: `{}` and no body at all both mean "no DID".
        let hasBody = (call.body?.readableBytes ?? 0) > 0
        let input = BodyFields(hasBody ? try call.jsonBody() : IPLDMap())
        var did: String? = nil
        if let text = try input.string("did") {
            guard text.utf8.count <= 2048, let parsed = try? DID(text) else {
                throw XRPCError.invalidRequest("Input/did must be a valid did")
            }
            did = parsed.string
        }
        let key = try await call.pds.reserveSigningKey(did: did)
        return .json(.object([("signingKey", .string(key))]))
    }
}
