// UpdateHandle.swift: com.atproto.identity.updateHandle. Book: docs/12-accounts-and-dids.md ("Changing a handle").
import Engine

extension IdentityHandlers {
    /// Changes the caller's handle: a PLC update signed with the server's rotation key, the SQL row,
    /// and an `#identity` event.
    @Sendable static func updateHandle(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let pds = call.pds
        guard case .string(let raw)? = try call.jsonBody()["handle"] else {
            throw XRPCError.invalidRequest("Input must have the property \"handle\"")
        }
        guard let account = try await pds.control.account(did: auth.did) else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        if account.takedownRef != nil {
            throw XRPCError.unauthorized("Account has been taken down", name: "AccountTakedown")
        }
        let handle = try HandleRules.normalize(raw, domains: pds.config.handleDomains, requireServiceDomain: false)
        // Checked for every handle, before anything is published: with a remote PLC directory the
        // operation goes out before the SQL row changes, so a taken handle must fail first.
        if let other = try await pds.control.account(handle: handle), other.did != auth.did {
            throw XRPCError.invalidRequest("Handle already taken: \(handle)", name: "HandleNotAvailable")
        }
        if !HandleRules.isServiceHandle(handle, domains: pds.config.handleDomains) {
            HandleResolver.shared.forget(handle)
            guard await HandleResolver.shared.resolve(handle) == auth.did else {
                throw XRPCError.invalidRequest("External handle did not resolve to DID")
            }
        }
        if account.handle != handle {
            try await changeHandle(pds: pds, did: auth.did, handle: handle)
        }
        _ = try await pds.blocking {
            try pds.storage.appendEvent(.identity(did: auth.did, handle: handle))
        }
        return .empty
    }

    /// Writes the new handle to the DID (did:plc: an update operation) and to the account row, together.
    static func changeHandle(pds: PDS, did: String, handle: String) async throws {
        let update: @Sendable (ControlTransaction) async throws -> Void = { tx in
            do { try await tx.updateHandle(did: did, handle: handle) } catch StoreError.handleTaken {
                throw XRPCError.invalidRequest("Handle already taken: \(handle)", name: "HandleNotAvailable")
            }
        }
        guard let plcDID = try? DID(did), did.hasPrefix("did:plc:") else {
            // did:web: the document is the user's to change; only the row moves.
            try await pds.control.transaction { tx in try await update(tx) }
            return
        }
        guard let last = try await pds.plc.lastOperation(did: plcDID) else {
            throw XRPCError.invalidRequest("DID is not registered with the PLC directory")
        }
        let op = try SignedPLCOperation.update(after: last, signedBy: pds.secrets.rotationKey) { $0.setHandle(handle) }
        try await pds.plc.update(op, did: plcDID, alsoInSQL: update)
    }
}
