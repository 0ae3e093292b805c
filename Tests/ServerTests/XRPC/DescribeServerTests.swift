// DescribeServerTests.swift: the first routes, in process.
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Testing

@Suite struct DescribeServerTests {
    @Test func healthAndDescribe() async throws {
        try await TestPDS.with { client, _ in
            try await client.execute(uri: "/xrpc/_health", method: .get) { res in
                #expect(res.status == .ok)
                let v = try res.json()
                #expect(v["version"] == .string(serverVersion))
            }
            try await client.execute(uri: "/xrpc/com.atproto.server.describeServer", method: .get) { res in
                let v = try res.json()
                #expect(v["did"] == "did:web:pds.example")
                #expect(v["availableUserDomains"] == [".pds.example"])
                #expect(v["inviteCodeRequired"] == true)
            }
        }
    }

    @Test func unknownMethodIsXRPCError() async throws {
        try await TestPDS.with { client, _ in
            try await client.execute(uri: "/xrpc/com.example.nope", method: .get) { res in
                #expect(res.status == .notImplemented)
                let v = try res.json()
                #expect(v["error"] == "MethodNotImplemented")
                #expect(v["message"]?.stringValue != nil)
            }
        }
    }

    @Test func wrongVerbAndOversizedBodiesAreRefused() async throws {
        try await TestPDS.with { client, _ in
            try await client.execute(uri: "/xrpc/com.atproto.server.describeServer", method: .post) { res in
                let v = try res.json()
                #expect(res.status == .badRequest)
                #expect(v["error"] == "InvalidRequest")
            }
        }
    }

    @Test func enforcedLexiconsRefuseABadInput() async throws {
        try await TestPDS.with(["PDS_LEXICON_ENFORCE": "true"]) { client, _ in
            try await client.execute(
                uri: "/xrpc/com.atproto.server.createSession", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"identifier": 5, "password": "x"}"#)
            ) { res in
                let v = try res.json()
                #expect(res.status == .badRequest)
                #expect(v["error"] == "InvalidRequest")
                #expect(v["message"]?.stringValue?.contains("input/identifier") == true)
            }
        }
    }

    @Test func rateLimitsAnswer429PerClient() async throws {
        try await TestPDS.with(["PDS_RATE_LIMITS_ENABLED": "true"]) { client, _ in
            let body = #"{"identifier": "nobody.pds.example", "password": "wrong"}"#
            for i in 0..<31 {
                try await client.execute(
                    uri: "/xrpc/com.atproto.server.createSession", method: .post,
                    headers: [.contentType: "application/json", .init("X-Forwarded-For")!: "203.0.113.7"],
                    body: ByteBuffer(string: body)
                ) { res in
                    let v = try res.json()
                    if i < 30 {
                        #expect(res.status == .unauthorized)
                    } else {
                        #expect(res.status == .tooManyRequests)
                        #expect(v["error"] == "RateLimitExceeded")
                        #expect(res.headers[.init("RateLimit-Limit")!] == "30")
                        #expect(res.headers[.init("RateLimit-Remaining")!] == "0")
                        #expect(res.headers[.init("RateLimit-Policy")!] == "30;w=300")
                        #expect(Int64(res.headers[.init("RateLimit-Reset")!] ?? "") ?? 0 > Int64(Date().timeIntervalSince1970))
                    }
                }
            }
            // Another client guessing the same account's password is limited by the identifier.
            try await client.execute(
                uri: "/xrpc/com.atproto.server.createSession", method: .post,
                headers: [.contentType: "application/json", .init("X-Forwarded-For")!: "198.51.100.9"],
                body: ByteBuffer(string: body)
            ) { res in #expect(res.status == .tooManyRequests) }
            // Another client with another identifier is not affected.
            try await client.execute(
                uri: "/xrpc/com.atproto.server.createSession", method: .post,
                headers: [.contentType: "application/json", .init("X-Forwarded-For")!: "198.51.100.9"],
                body: ByteBuffer(string: #"{"identifier": "somebody.pds.example", "password": "wrong"}"#)
            ) { res in #expect(res.status == .unauthorized) }
        }
    }
}
