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
        discussion: "Settings come from the environment, over an optional .env file in the working directory:\n\n"
            + ServerConfig.variables.map { "  \($0.name)\n      \($0.help)" }.joined(separator: "\n"))

    func run() async throws {
        var logger = Logger(label: "pds")
        logger.logLevel = .info
        let config = ServerConfig(environment: DotEnv.environment())
        let pds = try await PDS.open(config: config, logger: logger)
        logger.info("listening on http://\(config.bindAddress):\(config.port) as \(config.serviceDID)")
        try await PDSApplication.make(pds: pds).runService()
    }
}
