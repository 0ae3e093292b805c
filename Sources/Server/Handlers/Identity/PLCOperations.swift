// PLCOperations.swift: com.atproto.identity.getRecommendedDidCredentials and submitPlcOperation.
// Book: docs/12-accounts-and-dids.md ("Operations from the account").
import Engine

extension IdentityHandlers {
    /// What the account's DID document should hold for this PDS to host it: the PDS's rotation
    /// key, the handle, the repo signing key and this server as `atproto_pds`. An account moving
    /// here puts these in a PLC operation signed at its old host.
    @Sendable static func getRecommendedDidCredentials(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let pds = call.pds
        guard let account = try await pds.account(did: auth.did) else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        let key = try await pds.signingKey(did: auth.did)
        return .json(
            .object([
                ("rotationKeys", .list([.string(pds.secrets.rotationKey.didKey)])),
                ("alsoKnownAs", .list(account.handle.map { [.string("at://\($0)")] } ?? [])),
                ("verificationMethods", ["atproto": .string(key.didKey)]),
                (
                    "services",
                    ["atproto_pds": ["type": "AtprotoPersonalDataServer", "endpoint": .string(pds.config.publicURL)]]
                ),
            ]))
    }

    /// Publishes a signed PLC operation for the caller's DID (local directory or `PDS_DID_PLC_URL`)
    /// and writes `#identity`. As the reference, the operation must keep this PDS able to host
    /// the account: its rotation keys include the PDS's, `atproto_pds` is this server, the
    /// `atproto` key is the repo's signing key, and the first alias is the account's handle. The
    /// directory then checks the signature and the chain. Full sessions only.
    @Sendable static func submitPlcOperation(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let pds = call.pds
        guard let value = try call.jsonBody()["operation"] else {
            throw XRPCError.invalidRequest("Input must have the property \"operation\"")
        }
        let op: SignedPLCOperation
        do { op = try SignedPLCOperation(ipld: value) } catch { throw XRPCError.invalidRequest("Invalid operation: \(error)") }
        guard case .regular(let body) = op.unsigned else { throw XRPCError.invalidRequest("Invalid operation: not a plc_operation") }
        guard let plcDID = try? DID(auth.did), auth.did.hasPrefix("did:plc:") else {
            throw XRPCError.invalidRequest("The account's DID is not a did:plc")
        }
        let account = try await pds.liveAccount(did: auth.did)
        guard body.rotationKeys.contains(pds.secrets.rotationKey.didKey) else {
            throw XRPCError.invalidRequest("Rotation keys do not include server's rotation key")
        }
        guard let service = body.services["atproto_pds"], service.type == "AtprotoPersonalDataServer" else {
            throw XRPCError.invalidRequest("Missing atproto_pds service")
        }
        guard service.endpoint == pds.config.publicURL else {
            throw XRPCError.invalidRequest("Incorrect endpoint on atproto_pds service")
        }
        let key = try await pds.signingKey(did: auth.did)
        guard body.verificationMethods["atproto"] == key.didKey else {
            throw XRPCError.invalidRequest("Incorrect signing key")
        }
        if let handle = account.handle, body.alsoKnownAs.first != "at://\(handle)" {
            throw XRPCError.invalidRequest("Incorrect handle in alsoKnownAs")
        }
        try await pds.plc.update(op, did: plcDID)
        let did = auth.did, handle = account.handle
        _ = try await pds.blocking { try pds.storage.appendEvent(.identity(did: did, handle: handle)) }
        return .empty
    }
}
