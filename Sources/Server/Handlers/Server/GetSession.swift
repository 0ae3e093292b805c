// GetSession.swift: com.atproto.server.getSession. Book: docs/13-sessions-and-auth.md.
import Engine

extension ServerHandlers {
    /// The caller's account: handle, DID, email and status.
    @Sendable static func getSession(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        guard let account = try await call.pds.control.account(did: auth.did) else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        return .json(.map(try! IPLDMap(SessionJSON.account(account))))
    }
}
