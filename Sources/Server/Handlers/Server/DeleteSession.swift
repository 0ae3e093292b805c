// DeleteSession.swift: com.atproto.server.deleteSession. Book: docs/13-sessions-and-auth.md ("Logging out").
import Engine

extension ServerHandlers {
    /// Logs out: the refresh token's row is deleted, so it can not be rotated again. An expired
    /// refresh token is accepted (its signature still has to verify).
    @Sendable static func deleteSession(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.refreshAllowingExpired()
        try await call.pds.control.revokeRefreshToken(id: auth.tokenID)
        return .empty
    }
}
