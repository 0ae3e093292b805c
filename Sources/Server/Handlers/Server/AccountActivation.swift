// AccountActivation.swift: com.atproto.server.deactivateAccount and activateAccount.
// Book: docs/13-sessions-and-auth.md ("Deactivation").
import Engine
import Foundation

extension ServerHandlers {
    /// Stops serving the caller's repo and refuses its writes until it is activated again (the last
    /// step of moving away to another PDS). `deleteAfter` is kept as the account's requested
    /// deletion time. Writes `#account {active: false, status: "deactivated"}`.
    @Sendable static func deactivateAccount(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let input = BodyFields(try call.jsonBody())
        var deleteAfter: Date?
        if let text = try input.string("deleteAfter") {
            guard let at = try? Datetime(text) else { throw XRPCError.invalidRequest("Input/deleteAfter must be a valid datetime") }
            deleteAfter = Date(timeIntervalSince1970: Double(at.microsecondsSinceEpoch) / 1e6)
        }
        let pds = call.pds
        _ = try await pds.liveAccount(did: auth.did)
        try await pds.control.setDeactivated(did: auth.did, at: Date(), deleteAfter: deleteAfter)
        _ = try await pds.blocking { try pds.storage.appendEvent(.account(did: auth.did, active: false, status: "deactivated")) }
        return .empty
    }

    /// Serves the caller's repo again. The DID document must point at this PDS with this repo's
    /// signing key (after a move here, the account's identity must be set up first). Writes, in
    /// the reference's order, `#account {active: true}`, `#identity` and `#sync` with the current
    /// commit. Activating an active account changes nothing.
    @Sendable static func activateAccount(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let pds = call.pds
        let account = try await pds.liveAccount(did: auth.did)
        guard account.deactivatedAt != nil else { return .empty }
        let document = try await RepoHandlers.publishedDocument(pds, did: auth.did)
        guard document.services.contains(where: { $0.id.hasSuffix("#atproto_pds") && $0.serviceEndpoint == pds.config.publicURL })
        else { throw XRPCError.invalidRequest("The DID document does not name this server as the account's PDS") }
        let key = try await pds.signingKey(did: auth.did)
        guard document.signingDIDKey == key.didKey else {
            throw XRPCError.invalidRequest("The DID document's signing key is not this repo's key")
        }
        try await pds.control.setDeactivated(did: auth.did, at: nil)
        let did = auth.did, handle = account.handle
        try await pds.blocking {
            let storage = pds.storage
            _ = try storage.appendEvent(.account(did: did, active: true, status: nil))
            _ = try storage.appendEvent(.identity(did: did, handle: handle))
            if let root = try storage.root(did: did), let block = try storage.block(did: did, cid: root.commit) {
                _ = try storage.appendEvent(.sync(did: did, rev: root.rev, commit: root.commit, commitBlock: block))
            }
        }
        return .empty
    }
}
