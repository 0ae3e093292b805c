// ServiceAuthTests.swift: getServiceAuth mints tokens signed with the repo key, within the reference's bounds.
// Book: docs/13-sessions-and-auth.md ("Service auth").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct ServiceAuthTests {
    @Test func tokensVerifyWithTheKeyInTheDIDDocument() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let now = Int64(Date().timeIntervalSince1970)
            let reply = try await TestAccounts.get(
                client, "com.atproto.server.getServiceAuth",
                query: "aud=did:web:appview.example%23bsky_appview&lxm=app.bsky.feed.getTimeline&exp=\(now + 600)", auth: auth)
            #expect(reply.status == .ok)
            let token = try #require(reply.json["token"]?.stringValue)
            // The key a receiving service would find: the one in the published DID document.
            let doc = try #require(try await TestAccounts.send(client, "/plc/\(alice.did)", .get).json.mapValue)
            let document = try DIDDocument(ipld: .map(doc))
            let key = try #require(document.signingKey)
            let claims = try ServiceJWT.parse(token).verify(with: key, now: now)
            #expect(claims["iss"] == .string(alice.did) && claims["aud"] == "did:web:appview.example#bsky_appview")
            #expect(claims["lxm"] == "app.bsky.feed.getTimeline" && claims["exp"] == .int(now + 600))
            #expect(claims["jti"]?.stringValue?.count == 32)

            // Without exp: a minute.
            let short = try await TestAccounts.get(client, "com.atproto.server.getServiceAuth", query: "aud=did:web:x.example", auth: auth)
            let shortClaims = try ServiceJWT.parse(try #require(short.json["token"]?.stringValue)).claims
            guard case .int(let exp)? = shortClaims["exp"], case .int(let iat)? = shortClaims["iat"] else {
                Issue.record("no exp/iat")
                return
            }
            #expect(exp - iat == 60 && shortClaims["lxm"] == nil)
        }
    }

    @Test func boundsAndRefusals() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            let auth = TestAccounts.bearer(alice.accessJwt)
            let now = Int64(Date().timeIntervalSince1970)
            func get(_ query: String, _ a: String) async throws -> XRPCReply {
                try await TestAccounts.get(client, "com.atproto.server.getServiceAuth", query: query, auth: a)
            }
            #expect(try await get("aud=did:web:x.example&exp=\(now - 10)", auth).error == "BadExpiration")
            #expect(try await get("aud=did:web:x.example&lxm=app.bsky.feed.getTimeline&exp=\(now + 7200)", auth).error == "BadExpiration")
            #expect(try await get("aud=did:web:x.example&exp=\(now + 600)", auth).error == "BadExpiration")
            #expect(try await get("aud=did:web:x.example&lxm=com.atproto.server.createAppPassword", auth).error == "InvalidRequest")
            #expect(try await get("aud=not-a-did", auth).error == "InvalidRequest")
            #expect(try await get("aud=did:web:x.example&lxm=not%20an%20nsid", auth).error == "InvalidRequest")
            #expect(try await get("aud=did:web:x.example&exp=soon", auth).error == "InvalidRequest")
            #expect(try await TestAccounts.get(client, "com.atproto.server.getServiceAuth", query: "aud=did:web:x.example").status == .unauthorized)

            // An app password may not get tokens for privileged (chat) methods; a privileged one may.
            for privileged in [false, true] {
                let made = try await TestAccounts.post(
                    client, "com.atproto.server.createAppPassword", ["name": .string("p\(privileged)"), "privileged": .bool(privileged)],
                    auth: auth)
                let login = try await TestAccounts.post(
                    client, "com.atproto.server.createSession",
                    ["identifier": .string(alice.handle), "password": made.json["password"] ?? .null])
                let app = TestAccounts.bearer(login.json["accessJwt"]?.stringValue ?? "")
                let chat = try await get("aud=did:web:chat.example&lxm=chat.bsky.convo.getLog", app)
                #expect((chat.status == .ok) == privileged)
                #expect(try await get("aud=did:web:x.example&lxm=app.bsky.feed.getTimeline", app).status == .ok)
            }
        }
    }
}
