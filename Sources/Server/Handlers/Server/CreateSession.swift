// CreateSession.swift: com.atproto.server.createSession. Book: docs/13-sessions-and-auth.md ("Logging in").
import Engine

extension ServerHandlers {
    /// Logs in with a handle, DID or email and the account password (or an app password, which gives
    /// an app-password session); answers with a token pair.
    @Sendable static func createSession(_ call: XRPCCall) async throws -> XRPCOutput {
        let input = try call.jsonBody()
        guard case .string(let identifier)? = input["identifier"], case .string(let password)? = input["password"] else {
            throw XRPCError.invalidRequest("Input must have the properties \"identifier\" and \"password\" as strings")
        }
        let allowTakendown = input["allowTakendown"]?.boolValue ?? false
        let pds = call.pds
        if pds.config.rateLimitsEnabled {
            // As the reference: per identifier as well as per client, 30 per five minutes and 300 a
            // day, so password guessing against one account is slow from any number of addresses.
            let key = "createSession|" + identifier.lowercased().prefix(256)
            let now = XRPCCall.now()
            guard pds.rateLimiter.allow(key + "|5m", RateLimit(30, per: 300), now: now),
                pds.rateLimiter.allow(key + "|1d", RateLimit(300, per: 86_400), now: now)
            else { throw XRPCError.rateLimited }
        }
        let (account, app) = try await Login.check(pds: pds, identifier: identifier, password: password)
        let takenDown = account.takedownRef != nil
        if takenDown && !allowTakendown {
            throw XRPCError.unauthorized("Account has been taken down", name: "AccountTakedown")
        }
        let scope: AuthScope =
            takenDown ? .takendown : app.map { $0.privileged ? .appPassPrivileged : .appPass } ?? .access
        let tokens = try await pds.openSession(
            did: account.did, scope: scope, appPasswordName: app?.name, store: !takenDown, in: pds.control)
        return .json(SessionJSON.session(tokens, account))
    }
}
