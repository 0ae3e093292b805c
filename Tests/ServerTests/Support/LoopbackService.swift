// LoopbackService.swift: a stand-in for another service (a relay, a PLC directory) on a loopback port.
import Hummingbird
import HummingbirdTesting
import Logging

enum LoopbackService {
    /// Serves `router` on 127.0.0.1 at a free port while `body` runs with that port.
    static func with(_ router: Router<BasicRequestContext>, _ body: @Sendable (Int) async throws -> Void) async throws {
        var logger = Logger(label: "loopback-service")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            guard let port = client.port else { throw TestFailure("the loopback service has no port") }
            try await body(port)
        }
    }
}
