// ServiceJWT.swift: inter-service JWTs signed with an account's repo key (ES256K or ES256).
// Book: docs/13-sessions-and-auth.md ("Service auth").

/// A service-auth token: header `{typ: JWT, alg: ES256K|ES256}`, claims `{iss, aud, exp, iat,
/// lxm?, jti}`, and a 64-byte compact low-S signature of SHA-256 over `header.claims` by the
/// issuer's signing key (the atproto signature rule). A service that receives one resolves the
/// issuer's DID document for the key.
public enum ServiceJWT {
    /// Signs `claims` (a map) with `key`.
    public static func sign(claims: IPLD, key: some PrivateKey) -> String {
        let header = Base64URL.encode(AtprotoJSON.encode(["typ": "JWT", "alg": .string(key.jwtAlgorithm)]))
        let input = header + "." + Base64URL.encode(AtprotoJSON.encode(claims))
        return input + "." + Base64URL.encode(key.sign(Array(input.utf8)))
    }

    /// The parts of an untrusted token before its signature is checked: the claims (so the caller
    /// can find the issuer's key), the `alg`, and what is signed. Refuses oversized or malformed
    /// tokens and algorithms other than ES256K and ES256.
    public struct Unverified: Sendable {
        /// The claims.
        public let claims: IPLDMap
        /// `ES256K` or `ES256`.
        public let algorithm: String
        /// The header's `typ`, if it is a string (a receiver refuses session and DPoP types).
        public let type: String?
        let signed: [UInt8]
        let signature: [UInt8]

        /// Checks the signature with `key` (whose curve must match `alg`) and `exp` against `now`
        /// (seconds); returns the claims.
        public func verify(with key: some PublicKey, now: Int64) throws(JWT.Failure) -> IPLDMap {
            guard key.jwtAlgorithm == algorithm, key.verify(signature: signature, message: signed) else {
                throw .badSignature
            }
            guard case .int(let exp)? = claims["exp"] else { throw .malformed }
            guard exp > now else { throw .expired }
            return claims
        }
    }

    /// Splits and decodes an untrusted token.
    public static func parse(_ token: some StringProtocol) throws(JWT.Failure) -> Unverified {
        guard token.utf8.count <= JWT.maxLength else { throw .malformed }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(String(parts[0])),
            let claimBytes = Base64URL.decode(String(parts[1])), let signature = Base64URL.decode(String(parts[2])),
            signature.count == 64
        else { throw .malformed }
        guard let header = try? AtprotoJSON.decodeObject(headerBytes, maxDepth: 4),
            case .string(let alg)? = header["alg"], alg == "ES256K" || alg == "ES256",
            let claims = try? AtprotoJSON.decodeObject(claimBytes, maxDepth: 4)
        else { throw .malformed }
        let signed = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        return Unverified(
            claims: claims, algorithm: alg, type: header["typ"]?.stringValue, signed: signed, signature: signature)
    }
}
