// ServiceJWTTests.swift: service-auth tokens signed with repo keys verify, and nothing else does.
import Testing

@testable import Engine

@Suite struct ServiceJWTTests {
    static let claims: IPLD = ["iss": "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "aud": "did:web:example.com", "exp": 2_000, "iat": 1_000]

    @Test(arguments: [KeyType.k256, KeyType.p256])
    func roundTrip(_ type: KeyType) throws {
        let key = AnyPrivateKey.generate(type)
        let token = ServiceJWT.sign(claims: Self.claims, key: key)
        let parsed = try ServiceJWT.parse(token)
        #expect(parsed.algorithm == (type == .k256 ? "ES256K" : "ES256"))
        #expect(parsed.claims["iss"] == "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(try parsed.verify(with: key.publicKey, now: 1_500)["aud"] == "did:web:example.com")
        #expect(throws: JWT.Failure.expired) { try parsed.verify(with: key.publicKey, now: 2_000) }
        // Another key, or the other curve, is a bad signature.
        #expect(throws: JWT.Failure.badSignature) { try parsed.verify(with: AnyPrivateKey.generate(type).publicKey, now: 1_500) }
        let other: KeyType = type == .k256 ? .p256 : .k256
        #expect(throws: JWT.Failure.badSignature) { try parsed.verify(with: AnyPrivateKey.generate(other).publicKey, now: 1_500) }
    }

    @Test func tamperedAndMalformedTokensAreRefused() throws {
        let key = AnyPrivateKey.generate(.k256)
        let token = ServiceJWT.sign(claims: Self.claims, key: key)
        let parts = token.split(separator: ".").map(String.init)
        // Claims changed after signing.
        let forged = parts[0] + "." + Base64URL.encode(AtprotoJSON.encode(["iss": "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb", "exp": 2_000]))
            + "." + parts[2]
        #expect(throws: JWT.Failure.badSignature) { try ServiceJWT.parse(forged).verify(with: key.publicKey, now: 1_500) }
        // HS256 or none, missing parts, short signatures, oversize: malformed.
        let hs = Base64URL.encode(AtprotoJSON.encode(["typ": "JWT", "alg": "HS256"])) + "." + parts[1] + "." + parts[2]
        let none = Base64URL.encode(AtprotoJSON.encode(["typ": "JWT", "alg": "none"])) + "." + parts[1] + "."
        for bad in [hs, none, parts[0] + "." + parts[1], parts[0] + "." + parts[1] + ".AAAA", "", "a.b.c",
                    String(repeating: "a", count: 5000)] {
            #expect(throws: JWT.Failure.malformed) { try ServiceJWT.parse(bad) }
        }
    }
}
