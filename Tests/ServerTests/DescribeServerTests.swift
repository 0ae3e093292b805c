// DescribeServerTests.swift: the first routes, in process.
import Engine
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Testing

@Suite struct DescribeServerTests {
    static func app() -> some ApplicationProtocol {
        PDSApplication.make(config: ServerConfig(environment: ["PDS_HOSTNAME": "pds.example"]), logger: Logger(label: "test"))
    }

    @Test func healthAndDescribe() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/xrpc/_health", method: .get) { res in
                #expect(res.status == .ok)
                let v = try AtprotoJSON.decode(Array(buffer: res.body))
                #expect(v["version"] == .string(serverVersion))
            }
            try await client.execute(uri: "/xrpc/com.atproto.server.describeServer", method: .get) { res in
                let v = try AtprotoJSON.decode(Array(buffer: res.body))
                #expect(v["did"] == "did:web:pds.example")
                #expect(v["availableUserDomains"] == [".pds.example"])
                #expect(v["inviteCodeRequired"] == true)
            }
        }
    }

    @Test func unknownMethodIsXRPCError() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/xrpc/com.example.nope", method: .get) { res in
                #expect(res.status == .notImplemented)
                let v = try AtprotoJSON.decode(Array(buffer: res.body))
                #expect(v["error"] == "MethodNotImplemented")
                #expect(v["message"]?.stringValue != nil)
            }
        }
    }
}
