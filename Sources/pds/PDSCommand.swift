// PDSCommand.swift: the `pds` command and its subcommands.
// Book: docs/03-running.md.
import ArgumentParser
import Engine
import Foundation
import Logging
import Server

@main
struct PDSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pds",
        abstract: "A Swift AT Protocol Personal Data Server.",
        subcommands: [Serve.self, Inspect.self, Bench.self, Debug.self])
}

/// `pds serve`: run the server.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the server.",
        discussion: """
            Environment: PDS_HOSTNAME (localhost), PDS_PORT (3000), PDS_BIND (127.0.0.1), \
            PDS_INVITE_REQUIRED (true).
            """)

    func run() async throws {
        var logger = Logger(label: "pds")
        logger.logLevel = .info
        let config = ServerConfig(environment: ProcessInfo.processInfo.environment)
        logger.info("listening on http://\(config.bindAddress):\(config.port)")
        try await PDSApplication.make(config: config, logger: logger).runService()
    }
}
