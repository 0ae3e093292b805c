// SessionTokens.swift: minting the access and refresh JWTs of a session. Book: docs/13-sessions-and-auth.md.
import Engine

/// The scopes session tokens carry.
public enum AuthScope: String, Sendable {
    /// A full session (account password).
    case access = "com.atproto.access"
    /// An app password allowed privileged methods (chat, createAccount).
    case appPassPrivileged = "com.atproto.appPassPrivileged"
    /// An app password.
    case appPass = "com.atproto.appPass"
    /// A taken-down account that may only see its status.
    case takendown = "com.atproto.takendown"
    /// A refresh token.
    case refresh = "com.atproto.refresh"
}

/// A freshly minted pair of tokens.
public struct SessionTokens: Sendable {
    /// The short-lived access token.
    public let accessJwt: String
    /// The long-lived refresh token.
    public let refreshJwt: String
    /// The refresh token's id (stored, so it can be rotated and revoked).
    public let refreshID: String
    /// When the refresh token expires (seconds since the epoch).
    public let refreshExpiresAt: Int64

    /// Access tokens live two hours.
    public static let accessLifetime: Int64 = 2 * 3600
    /// Refresh tokens live ninety days.
    public static let refreshLifetime: Int64 = 90 * 86_400

    /// Mints a pair for `did` with `scope`, audience `serviceDID`, at `now` (seconds).
    public static func mint(
        did: String, scope: AuthScope, serviceDID: String, secret: [UInt8], now: Int64, refreshID: String? = nil
    ) -> SessionTokens {
        let jti = refreshID ?? Base64URL.encode(Secrets.randomBytes(24))
        let access = JWT.sign(
            typ: "at+jwt",
            claims: [
                "scope": .string(scope.rawValue), "sub": .string(did), "aud": .string(serviceDID), "iat": .int(now),
                "exp": .int(now + accessLifetime),
            ], secret: secret)
        let refreshExpiresAt = now + refreshLifetime
        let refresh = JWT.sign(
            typ: "refresh+jwt",
            claims: [
                "scope": .string(AuthScope.refresh.rawValue), "sub": .string(did), "aud": .string(serviceDID),
                "jti": .string(jti), "iat": .int(now), "exp": .int(refreshExpiresAt),
            ], secret: secret)
        return SessionTokens(accessJwt: access, refreshJwt: refresh, refreshID: jti, refreshExpiresAt: refreshExpiresAt)
    }
}
