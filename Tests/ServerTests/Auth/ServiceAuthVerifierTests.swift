// ServiceAuthVerifierTests.swift: incoming service tokens, checked through uploadBlob (the endpoint that takes them).
// Book: docs/13-sessions-and-auth.md ("Verifying service tokens").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import Server

@Suite struct ServiceAuthVerifierTests {
    static let lxm = "com.atproto.repo.uploadBlob"
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// A token as another implementation might write it: any header `typ`, any claims.
    static func token(
        key: AnyPrivateKey, iss: String, aud: String = "did:web:pds.example", lxm: String? = lxm,
        exp: Int64 = now() + 60, jti: String? = UUID().uuidString, typ: String = "JWT"
    ) -> String {
        var claims: [(String, IPLD)] = [
            ("iss", .string(iss)), ("aud", .string(aud)), ("exp", .int(exp)), ("iat", .int(now())),
        ]
        if let lxm { claims.append(("lxm", .string(lxm))) }
        if let jti { claims.append(("jti", .string(jti))) }
        let header = Base64URL.encode(AtprotoJSON.encode(["typ": .string(typ), "alg": .string(key.jwtAlgorithm)]))
        let input = header + "." + Base64URL.encode(AtprotoJSON.encode(.map(try! IPLDMap(claims))))
        return input + "." + Base64URL.encode(key.sign(Array(input.utf8)))
    }

    static func upload(_ client: any TestClientProtocol, _ token: String) async throws -> TestResponse {
        try await client.raw(lxm, png, contentType: "image/png", headers: [.authorization: "Bearer \(token)"])
    }

    /// A service token minted by `getServiceAuth` for the account with access token `access`.
    static func minted(_ client: any TestClientProtocol, _ access: String, _ query: String) async throws -> String {
        let reply = try await TestAccounts.get(
            client, "com.atproto.server.getServiceAuth", query: query, auth: TestAccounts.bearer(access))
        return try #require(reply.json["token"]?.stringValue)
    }

    @Test func aMintedTokenVerifiesOnce() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let token = try await Self.minted(client, alice.accessJwt, "aud=\(pds.config.serviceDID)&lxm=\(Self.lxm)")
            let first = try await Self.upload(client, token)
            #expect(first.status == .ok)
            #expect(try first.json()["blob"]?["mimeType"] == "image/png")
            let again = try await Self.upload(client, token)
            #expect(again.status == .unauthorized && again.errorName == "BadJwt")
            // A fresh token from the same account is fine.
            let next = try await Self.minted(client, alice.accessJwt, "aud=\(pds.config.serviceDID)&lxm=\(Self.lxm)")
            #expect(try await Self.upload(client, next).status == .ok)
        }
    }

    @Test func eachWrongPartHasItsError() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let a = try await RepoTest.account(pds)
            func expect(
                _ token: String, _ name: String, _ status: HTTPResponse.Status = .unauthorized, line: Int = #line
            ) async throws {
                let reply = try await Self.upload(client, token)
                #expect(
                    reply.status == status && reply.errorName == name,
                    "line \(line): \(reply.status) \(reply.errorName ?? "-")")
            }
            let now = Self.now()
            try await expect(
                Self.minted(client, alice.accessJwt, "aud=did:web:other.example&lxm=\(Self.lxm)"), "BadJwtAudience")
            try await expect(
                Self.minted(client, alice.accessJwt, "aud=did:web:pds.example%23atproto_pds&lxm=\(Self.lxm)"),
                "BadJwtAudience")
            try await expect(
                Self.minted(client, alice.accessJwt, "aud=did:web:pds.example&lxm=app.bsky.feed.getTimeline"),
                "BadJwtLexiconMethod")
            // Without lxm it is not recognised as a service token at all: an access token that fails.
            try await expect(
                Self.minted(client, alice.accessJwt, "aud=did:web:pds.example"), "InvalidToken", .badRequest)
            try await expect(Self.token(key: a.key, iss: a.did, exp: now - 1), "JwtExpired")
            try await expect(Self.token(key: a.key, iss: a.did, exp: now + 7200), "BadJwt")
            try await expect(Self.token(key: a.key, iss: a.did, typ: "at+jwt"), "BadJwtType")
            try await expect(Self.token(key: a.key, iss: a.did, typ: "dpop+jwt"), "BadJwtType")
            try await expect(Self.token(key: a.key, iss: "not a did"), "BadJwtIss")
            try await expect(Self.token(key: a.key, iss: a.did + "#"), "BadJwtIss")
            try await expect(Self.token(key: a.key, iss: a.did, jti: ""), "BadJwt")
            // Signed by a key that is not the DID's.
            try await expect(Self.token(key: AnyPrivateKey.generate(.k256), iss: a.did), "BadJwtSignature")
            try await expect(Self.token(key: AnyPrivateKey.generate(.p256), iss: a.did), "BadJwtSignature")
            // A tampered signature or claims.
            let good = Self.token(key: a.key, iss: a.did)
            var parts = good.split(separator: ".").map(String.init)
            parts[2] = (parts[2].first == "A" ? "B" : "A") + parts[2].dropFirst()
            try await expect(parts.joined(separator: "."), "BadJwtSignature")
            var claims = good.split(separator: ".").map(String.init)
            claims[1] = Base64URL.encode(
                AtprotoJSON.encode([
                    "iss": .string(alice.did), "aud": "did:web:pds.example", "lxm": .string(Self.lxm),
                    "exp": .int(now + 60),
                ]))
            try await expect(claims.joined(separator: "."), "BadJwtSignature")
            try await expect("a.b.c", "InvalidToken", .badRequest)
            try await expect("eyJhbGciOiJub25lIn0.eyJseG0iOiJ4In0.", "BadJwt")
            // An issuer nobody can resolve.
            try await expect(Self.token(key: a.key, iss: "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), "AuthenticationRequired")
            try await expect(Self.token(key: a.key, iss: "did:example:123"), "AuthenticationRequired")
            // A service-style issuer is not an account: the signature checks out, the caller does not.
            try await expect(Self.token(key: a.key, iss: a.did + "#svc"), "BadJwtIss")
            // A labeler issuer needs an #atproto_label key, which the document does not have.
            try await expect(Self.token(key: a.key, iss: a.did + "#atproto_labeler"), "AuthenticationRequired")
            // And the account's own, well-formed token still works.
            #expect(try await Self.upload(client, Self.token(key: a.key, iss: a.did)).status == .ok)
            // Tokens without jti are remembered by their signature.
            let bare = Self.token(key: a.key, iss: a.did, jti: nil)
            #expect(try await Self.upload(client, bare).status == .ok)
            try await expect(bare, "BadJwt")
        }
    }

    @Test func aRotatedKeyIsFoundByRefetchingTheDocument() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let query = "aud=\(pds.config.serviceDID)&lxm=\(Self.lxm)"
            // Caches alice's document with her first key.
            #expect(try await Self.upload(client, try await Self.minted(client, alice.accessJwt, query)).status == .ok)
            let did = try DID(alice.did)
            let oldKey = try await pds.signingKey(did: alice.did)
            let newKey = try await pds.createSigningKey(did: alice.did)
            let last = try #require(try await pds.plc.lastOperation(did: did))
            let op = try SignedPLCOperation.update(after: last, signedBy: pds.secrets.rotationKey) {
                $0.setSigningKey(newKey.didKey)
            }
            try await pds.plc.local.submit(op, did: did)
            // Signed with the new key, checked first against the cached old one, then the fresh document.
            let token = try await Self.minted(client, alice.accessJwt, query)
            #expect(try await Self.upload(client, token).status == .ok)
            // The old key no longer verifies, even with a refetch.
            let stale = try await Self.upload(client, Self.token(key: oldKey, iss: alice.did))
            #expect(stale.status == .unauthorized && stale.errorName == "BadJwtSignature")
        }
    }

    @Test func aDIDWebIssuerIsResolvedOverHTTP() async throws {
        let key = AnyPrivateKey.generate(.k256)
        let router = Router()
        let documents = DocumentBox()
        router.get("/.well-known/did.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: documents.json.withLock { $0 })))
        }
        try await LoopbackService.with(router) { port in
            // A generous timeout: the whole test suite may be sharing two busy cores.
            try await TestPDS.with(["PDS_ID_RESOLVER_TIMEOUT": "30000"]) { client, pds in
                let did = try DID("did:web:localhost%3A\(port)")
                let json = AtprotoJSON.encode(
                    .map(
                        DIDDocument(
                            id: did,
                            verificationMethods: [
                                .init(
                                    id: did.string + "#atproto", type: "Multikey", controller: did.string,
                                    publicKeyMultibase: key.publicKey.multikey)
                            ]
                        ).ipld))
                documents.json.withLock { $0 = json }
                // Verified: the issuer is simply not an account here.
                let reply = try await Self.upload(client, Self.token(key: key, iss: did.string))
                #expect(reply.status == .forbidden && reply.errorName == "AccountNotFound")
                let forged = try await Self.upload(
                    client, Self.token(key: AnyPrivateKey.generate(.k256), iss: did.string))
                #expect(forged.status == .unauthorized && forged.errorName == "BadJwtSignature")
                #expect(await pds.didResolver.resolve(did, plc: pds.plc) != nil)
            }
        }
    }

    @Test func replayCacheStaysBounded() {
        let cache = ServiceJWTReplayCache(capacity: 8)
        #expect(cache.firstUse("a", expires: 100, now: 10))
        #expect(!cache.firstUse("a", expires: 100, now: 50))
        // Lapsed: usable again (exp already refuses the token itself).
        #expect(cache.firstUse("a", expires: 300, now: 101))
        for i in 0..<20 { #expect(cache.firstUse("k\(i)", expires: 200 + Int64(i), now: 150)) }
        #expect(cache.count <= 8)
        // The latest-expiring entries are the ones kept.
        #expect(!cache.firstUse("k19", expires: 219, now: 150))
    }

    @Test func didWebURLs() throws {
        func url(_ did: String) throws -> String? { DIDResolver.webURL(try DID(did)) }
        #expect(try url("did:web:example.com") == "https://example.com/.well-known/did.json")
        #expect(try url("did:web:localhost%3A2583") == "http://localhost:2583/.well-known/did.json")
        #expect(try url("did:web:example.com:user:alice") == nil)
        #expect(try url("did:web:example.com%2Fevil") == nil)
        #expect(try url("did:web:a%40b.example") == nil)
    }
}

/// The document the stand-in did:web host serves (set once the port is known).
final class DocumentBox: Sendable {
    let json = Mutex<[UInt8]>([])
}
