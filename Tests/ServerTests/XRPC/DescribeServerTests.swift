// DescribeServerTests.swift: the first routes, in process.
import Engine
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
}
