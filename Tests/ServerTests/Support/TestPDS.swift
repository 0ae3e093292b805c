// TestPDS.swift: a whole server on a temporary data directory, for in-process HTTP tests.
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server

/// Settings and lifetime of a test server.
enum TestPDS {
    /// The repository root (for `lexicons/`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Test secrets: fixed, so tests can use the admin password.
    static let adminPassword = "test-admin-password"

    /// Environment for a server in `dir`; `extra` overrides.
    static func environment(_ dir: String, _ extra: [String: String] = [:]) -> [String: String] {
        [
            "PDS_HOSTNAME": "pds.example", "PDS_DATA_DIR": dir, "PDS_JWT_SECRET": "test-jwt-secret",
            "PDS_ADMIN_PASSWORD": adminPassword,
            "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX": String(repeating: "1f", count: 32),
            "PDS_LEXICON_DIR": root.appendingPathComponent("lexicons").path, "PDS_FSYNC": "false",
        ].merging(extra) { _, new in new }
    }

    /// Runs `body` with a test client against a fresh server; the data directory is removed after.
    /// With `dir`, the server opens that directory, which is kept (a restart is a second call).
    static func with(
        _ extra: [String: String] = [:], dir given: String? = nil,
        _ body: @Sendable (any TestClientProtocol, PDS) async throws -> Void
    ) async throws {
        let dir = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("pds-test-\(UUID().uuidString)").path
        defer { if given == nil { try? FileManager.default.removeItem(atPath: dir) } }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let pds = try await PDS.open(config: ServerConfig(environment: environment(dir, extra)), logger: logger)
        do {
            let app = Application(router: PDSApplication.router(pds: pds), logger: logger)
            try await app.test(.router) { client in try await body(client, pds) }
        } catch {
            await pds.close()
            throw error
        }
        await pds.close()
    }
}

extension TestResponse {
    /// The body as atproto JSON.
    func json() throws -> IPLD { try AtprotoJSON.decode(Array(buffer: body)) }
}
