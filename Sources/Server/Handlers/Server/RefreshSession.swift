// RefreshSession.swift: com.atproto.server.refreshSession. Book: docs/13-sessions-and-auth.md ("Refresh rotation").
import Engine
import Foundation

extension ServerHandlers {
    /// Trades a refresh token for a new pair. The old token keeps working for a short grace window
    /// (a retry inside it gets the same next session), then stops.
    @Sendable static func refreshSession(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.refresh()
        let pds = call.pds
        guard let account = try await pds.control.account(did: auth.did) else {
            throw XRPCError.invalidRequest("Could not find user info for account")
        }
        if account.takedownRef != nil {
            throw XRPCError.unauthorized("Account has been taken down", name: "AccountTakedown")
        }
        let now = XRPCCall.now()
        let proposed = Base64URL.encode(Secrets.randomBytes(24))
        guard
            let rotation = try await pds.control.rotateRefreshToken(
                id: auth.tokenID, proposedNextId: proposed,
                nextExpiresAt: Date(timeIntervalSince1970: Double(now + SessionTokens.refreshLifetime)))
        else { throw XRPCError.expiredToken("Token has been revoked") }
        var scope = AuthScope.access
        if let name = rotation.appPasswordName {
            let privileged = try await pds.control.appPassword(did: rotation.did, name: name)?.privileged ?? false
            scope = privileged ? .appPassPrivileged : .appPass
        }
        let tokens = SessionTokens.mint(
            did: rotation.did, scope: scope, serviceDID: pds.config.serviceDID, secret: pds.secrets.jwtSecret, now: now,
            refreshID: rotation.nextId)
        return .json(SessionJSON.session(tokens, account))
    }
}
