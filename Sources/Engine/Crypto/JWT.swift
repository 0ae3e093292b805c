// JWT.swift: HS256 JSON Web Tokens for sessions: signing, and strict verification of untrusted tokens.
// Book: docs/13-sessions-and-auth.md ("Tokens").

/// An HS256 JWT: header `{alg: HS256, typ}`, a flat claims object, an HMAC-SHA256 signature.
public enum JWT {
    /// Longest token accepted: anything larger is refused before decoding.
    public static let maxLength = 4096

    /// Why a token was refused.
    public enum Failure: Error, Sendable, Equatable {
        /// Not three base64url parts of JSON objects, or a wrong `alg`/`typ`.
        case malformed
        /// The signature does not match.
        case badSignature
        /// `exp` has passed.
        case expired
    }

    /// Signs `claims` (a map) with `secret`, with header `typ`.
    public static func sign(typ: String, claims: IPLD, secret: [UInt8]) -> String {
        let header = Base64URL.encode(AtprotoJSON.encode(["alg": "HS256", "typ": .string(typ)]))
        let body = Base64URL.encode(AtprotoJSON.encode(claims))
        let input = header + "." + body
        let mac = Secrets.hmacSHA256(key: secret, data: Array(input.utf8))
        return input + "." + Base64URL.encode(mac.bytes)
    }

    /// Verifies an untrusted token: size, shape, `alg` HS256, `typ`, signature (constant time), and
    /// `exp` against `now` (seconds). Returns the claims.
    public static func verify(_ token: some StringProtocol, typ: String, secret: [UInt8], now: Int64) throws(Failure)
        -> IPLDMap
    {
        guard token.utf8.count <= maxLength else { throw .malformed }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(String(parts[0])),
            let claimBytes = Base64URL.decode(String(parts[1])), let sig = Base64URL.decode(String(parts[2]))
        else { throw .malformed }
        guard let header = try? AtprotoJSON.decodeObject(headerBytes, maxDepth: 4),
            case .string("HS256")? = header["alg"], case .string(typ)? = header["typ"]
        else { throw .malformed }
        let input = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        let expected = Secrets.hmacSHA256(key: secret, data: input).bytes
        guard Secrets.constantTimeEqual(expected, sig) else { throw .badSignature }
        guard let claims = try? AtprotoJSON.decodeObject(claimBytes, maxDepth: 4) else { throw .malformed }
        guard case .int(let exp)? = claims["exp"] else { throw .malformed }
        guard exp > now else { throw .expired }
        return claims
    }
}
