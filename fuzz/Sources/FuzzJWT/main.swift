// FuzzJWT: session JWTs (HS256) as the auth verifier reads them from an Authorization header, and
// service-auth JWTs (ES256K / ES256) as a receiving service parses them.
// Book: docs/13-sessions-and-auth.md ("How it is tested").
// Properties: JWT.verify never crashes on any bytes, for either token type and with `now` at both
// ends; a token it accepts re-verifies to the same claims; and when the input is a JSON object, the
// token signed over it verifies (if its `exp` is in the future) with exactly those claims, and fails
// under another secret. ServiceJWT.parse never crashes either, and what it parses never verifies
// under a key that did not sign it; a service token signed over a JSON object verifies with the
// signing key.
import Engine

let secret = Array("fuzz-secret".utf8)
let serviceKey = AnyPrivateKey.generate(.k256)
let strangerKey = AnyPrivateKey.generate(.k256).publicKey

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWT(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    for typ in ["at+jwt", "refresh+jwt"] {
        for now in [Int64.min, 0, 1_700_000_000, Int64.max] {
            if let claims = try? JWT.verify(text, typ: typ, secret: secret, now: now) {
                precondition((try? JWT.verify(text, typ: typ, secret: secret, now: now)) == claims, "verify is not stable")
            }
        }
    }
    if let parsed = try? ServiceJWT.parse(text) {
        precondition((try? parsed.verify(with: strangerKey, now: 0)) == nil, "a stranger's key verified a service token")
    }
    if let claims = try? AtprotoJSON.decodeObject(bytes, maxDepth: 4) {
        let service = ServiceJWT.sign(claims: .map(claims), key: serviceKey)
        if case .int(let exp)? = claims["exp"], exp > 0, service.utf8.count <= JWT.maxLength {
            precondition(
                (try? ServiceJWT.parse(service).verify(with: serviceKey.publicKey, now: 0)) == claims,
                "signed service token does not verify")
        }
        let token = JWT.sign(typ: "at+jwt", claims: .map(claims), secret: secret)
        if case .int(let exp)? = claims["exp"], exp > 0, token.utf8.count <= JWT.maxLength {
            precondition((try? JWT.verify(token, typ: "at+jwt", secret: secret, now: 0)) == claims, "signed token does not verify")
        }
        precondition((try? JWT.verify(token, typ: "at+jwt", secret: Array("other".utf8), now: 0)) == nil, "wrong secret accepted")
        precondition((try? JWT.verify(token, typ: "refresh+jwt", secret: secret, now: 0)) == nil, "wrong typ accepted")
    }
    return 0
}
