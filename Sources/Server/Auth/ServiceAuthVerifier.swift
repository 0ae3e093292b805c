// ServiceAuthVerifier.swift: checking a service-auth JWT another service (or account) sends this PDS.
// Book: docs/13-sessions-and-auth.md ("Verifying service tokens").
import Engine
import Foundation

/// A caller proven by a service-auth JWT: a token signed by the key in the issuer's DID document.
public struct ServiceAuth: Sendable {
    /// The issuer as written in the token: a DID, optionally `#service`.
    public let iss: String
    /// The issuer's DID (without the fragment).
    public let did: String
    /// The fragment of `iss` (`atproto_labeler`), if any.
    public let service: String?
    /// The method the token is bound to.
    public let lxm: String
    /// When it expires, seconds since the epoch.
    public let exp: Int64
}

extension XRPCCall {
    /// The longest a service token may still be valid: the hour `getServiceAuth` allows, plus
    /// five minutes for clocks that disagree.
    static let maxServiceTokenLifetime: Int64 = 3600 + 300

    /// True when the bearer token carries an `lxm` claim: a service token, not a session token
    /// (whose claims never have one). Only routes the request; nothing is trusted from it.
    public var presentsServiceAuth: Bool {
        guard let token = try? bearerToken() else { return false }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].utf8.count <= JWT.maxLength, let bytes = Base64URL.decode(String(parts[1])),
            let claims = try? AtprotoJSON.decodeObject(bytes, maxDepth: 4)
        else { return false }
        return claims["lxm"] != nil && claims["lxm"] != .null
    }

    /// Verifies the bearer token as a service-auth JWT for the method `lxm`, as the reference does:
    /// not a session or DPoP type, not expired (and not valid for more than an hour and five
    /// minutes), audience this server's DID, `lxm` equal to the method, issuer a DID (or
    /// `did#service`) whose document's `#atproto` key (`#atproto_label` for `#atproto_labeler`)
    /// made the signature; on a mismatch the document is fetched again, bypassing the cache, and
    /// the signature checked once more. A token is accepted once: a second use of its `jti` (or
    /// of its signature, if it has none) is refused until it expires. Every refusal is 401.
    public func serviceAuth(lxm: String) async throws(XRPCError) -> ServiceAuth {
        try await serviceAuth(lxm: lxm, now: Self.now())
    }

    /// `serviceAuth(lxm:)` at the clock reading `now` (seconds).
    func serviceAuth(lxm: String, now: Int64) async throws(XRPCError) -> ServiceAuth {
        let token = try bearerToken()
        let unverified: ServiceJWT.Unverified
        do { unverified = try ServiceJWT.parse(token) } catch { throw Self.badJwt("poorly formatted jwt") }
        if let typ = unverified.type, ["at+jwt", "refresh+jwt", "dpop+jwt"].contains(typ.lowercased()) {
            throw Self.badJwt("Invalid jwt type \"\(typ.prefix(20))\"", name: "BadJwtType")
        }
        let claims = unverified.claims
        guard case .string(let iss)? = claims["iss"], case .string(let aud)? = claims["aud"],
            case .int(let exp)? = claims["exp"]
        else { throw Self.badJwt("poorly formatted jwt") }
        let tokenLXM: String?
        switch claims["lxm"] {
        case nil, .null?: tokenLXM = nil
        case .string(let s)?: tokenLXM = s
        default: throw Self.badJwt("poorly formatted jwt")
        }
        let jti: String?
        switch claims["jti"] {
        case nil, .null?: jti = nil
        case .string(let s)? where !s.isEmpty && s.utf8.count <= 256: jti = s
        default: throw Self.badJwt("poorly formatted jwt")
        }
        guard exp > now else { throw Self.badJwt("jwt expired", name: "JwtExpired") }
        guard exp - now <= Self.maxServiceTokenLifetime else {
            throw Self.badJwt("jwt expiration is too far in the future")
        }
        guard aud == pds.config.serviceDID else {
            throw Self.badJwt("jwt audience does not match service did", name: "BadJwtAudience")
        }
        guard tokenLXM == lxm else {
            throw Self.badJwt(
                tokenLXM == nil
                    ? "missing jwt lexicon method (\"lxm\"). must match: \(lxm)"
                    : "bad jwt lexicon method (\"lxm\"). must match: \(lxm)",
                name: "BadJwtLexiconMethod")
        }
        let parts = iss.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let fragment = parts.count == 2 ? String(parts[1]) : nil
        guard iss.utf8.count <= DID.maxLength, let did = try? DID(String(parts[0])),
            fragment.map({ !$0.isEmpty && !$0.contains("#") }) ?? true
        else { throw Self.badJwt("jwt iss is not a valid did", name: "BadJwtIss") }

        let keyID = fragment == "atproto_labeler" ? "atproto_label" : PLCRegularOperation.signingKeyID
        let key = try await issuerKey(did, keyID: keyID, fresh: false)
        if (try? unverified.verify(with: key, now: now)) == nil {
            // The key may have been rotated since the document was cached.
            let freshKey = try await issuerKey(did, keyID: keyID, fresh: true)
            guard freshKey != key, (try? unverified.verify(with: freshKey, now: now)) != nil else {
                throw Self.badJwt("jwt signature does not match jwt issuer", name: "BadJwtSignature")
            }
        }
        // Only tokens that verified are remembered, so nobody can spend another's jti in advance.
        let use: String
        if let jti {
            use = iss + " jti:" + jti
        } else {
            // Re-encoded, so another spelling of the same signature bytes is the same token.
            let sig = String(token.split(separator: ".", omittingEmptySubsequences: false).last ?? "")
            use = iss + " sig:" + (Base64URL.decode(sig).map { Base64URL.encode($0) } ?? sig)
        }
        guard pds.serviceJWTReplays.firstUse(use, expires: exp, now: now) else {
            throw Self.badJwt("jwt has already been used")
        }
        return ServiceAuth(iss: iss, did: did.string, service: fragment, lxm: lxm, exp: exp)
    }

    /// The key `keyID` in the document of `did`.
    private func issuerKey(_ did: DID, keyID: String, fresh: Bool) async throws(XRPCError) -> AnyPublicKey {
        guard let document = await pds.didResolver.resolve(did, plc: pds.plc, fresh: fresh) else {
            throw .unauthorized("could not resolve iss did")
        }
        guard let key = document.publicKey(named: keyID) else { throw .unauthorized("missing or bad key in did doc") }
        return key
    }

    /// 401 with a `BadJwt*` name.
    static func badJwt(_ message: String, name: String = "BadJwt") -> XRPCError {
        .unauthorized(message, name: name)
    }
}
