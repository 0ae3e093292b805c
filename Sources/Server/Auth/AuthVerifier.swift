// AuthVerifier.swift: who is calling: bearer access and refresh tokens, and admin Basic auth.
// Book: docs/13-sessions-and-auth.md ("Verifying a request").
import Engine
import Foundation
import Hummingbird

/// A caller proven by an access token.
public struct AccessAuth: Sendable {
    /// The account.
    public let did: String
    /// The token's scope.
    public let scope: AuthScope
}

/// A caller proven by a refresh token.
public struct RefreshAuth: Sendable {
    /// The account.
    public let did: String
    /// The refresh token's id.
    public let tokenID: String
}

extension XRPCCall {
    /// Seconds since the epoch.
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// The bearer token, or the right error: none → 401 `AuthMissing`, another scheme → 400 `InvalidToken`.
    func bearerToken() throws(XRPCError) -> Substring {
        guard let header = request.headers[.authorization] else { throw .authMissing }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .invalidToken("Unexpected authorization type")
        }
        return parts[1]
    }

    /// Verifies a bearer token of type `typ`, audience this service, and returns its subject and claims.
    func verifiedClaims(typ: String) throws(XRPCError) -> (did: String, claims: IPLDMap) {
        let token = try bearerToken()
        let claims: IPLDMap
        do {
            claims = try JWT.verify(token, typ: typ, secret: pds.secrets.jwtSecret, now: Self.now())
        } catch .expired {
            throw .expiredToken()
        } catch {
            throw .invalidToken()
        }
        guard case .string(let sub)? = claims["sub"], sub.hasPrefix("did:"),
            case .string(pds.config.serviceDID)? = claims["aud"], claims["lxm"] == nil, claims["cnf"] == nil
        else { throw .invalidToken("Malformed token") }
        return (sub, claims)
    }

    /// The caller's access token: app passwords are allowed unless `full`, a taken-down account's
    /// session only with `allowTakendown`.
    public func access(full: Bool = false, allowTakendown: Bool = false) throws(XRPCError) -> AccessAuth {
        let (did, claims) = try verifiedClaims(typ: "at+jwt")
        guard case .string(let raw)? = claims["scope"], let scope = AuthScope(rawValue: raw) else {
            throw .invalidToken("Bad token scope")
        }
        var allowed: Set<AuthScope> = full ? [.access] : [.access, .appPassPrivileged, .appPass]
        if allowTakendown { allowed.insert(.takendown) }
        guard allowed.contains(scope) else { throw .invalidToken("Bad token scope") }
        return AccessAuth(did: did, scope: scope)
    }

    /// The caller's refresh token.
    public func refresh() throws(XRPCError) -> RefreshAuth {
        let (did, claims) = try verifiedClaims(typ: "refresh+jwt")
        guard case .string(AuthScope.refresh.rawValue)? = claims["scope"] else { throw .invalidToken("Bad token scope") }
        guard case .string(let jti)? = claims["jti"], !jti.isEmpty else {
            throw .unauthorized("Unexpected missing refresh token id", name: "MissingTokenId")
        }
        return RefreshAuth(did: did, tokenID: jti)
    }

    /// Admin Basic auth (`admin:PDS_ADMIN_PASSWORD`), compared in constant time.
    public func admin() throws(XRPCError) {
        guard let header = request.headers[.authorization] else { throw .authMissing }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let decoded = Base64.decode(parts[1]) else {
            throw .unauthorized("Invalid admin credentials")
        }
        let expected = Array("admin:\(pds.secrets.adminPassword)".utf8)
        guard Secrets.constantTimeEqual(decoded, expected) else { throw .unauthorized("Invalid admin credentials") }
    }

    /// True when the request carries admin Basic credentials that verify.
    public var isAdmin: Bool { (try? admin()) != nil }
}
