// RefreshAllowingExpired.swift: reading a refresh token whose lifetime may have ended (logout).
// Book: docs/13-sessions-and-auth.md ("Logging out").
import Engine

extension XRPCCall {
    /// The caller's refresh token like `refresh()`, but an expired one is accepted: logging out with
    /// it must still work. Signature, type, audience and scope are checked as usual.
    func refreshAllowingExpired() throws(XRPCError) -> RefreshAuth {
        do {
            return try refresh()
        } catch let error where error.name == "ExpiredToken" {
            let token = try bearerToken()
            // `now: 0` disables only the expiry check; everything else is verified.
            guard let claims = try? JWT.verify(token, typ: "refresh+jwt", secret: pds.secrets.jwtSecret, now: 0),
                case .string(let sub)? = claims["sub"], sub.hasPrefix("did:"),
                case .string(pds.config.serviceDID)? = claims["aud"],
                case .string(AuthScope.refresh.rawValue)? = claims["scope"],
                case .string(let jti)? = claims["jti"], !jti.isEmpty
            else { throw .invalidToken() }
            return RefreshAuth(did: sub, tokenID: jti)
        }
    }
}
