// ServerConfig.swift: server settings read from the environment.
// Book: docs/03-running.md.

/// Settings for `pds serve`, named as the reference PDS names its environment variables.
public struct ServerConfig: Sendable {
    /// Host name the service is reached at (`PDS_HOSTNAME`).
    public var hostname: String
    /// TCP port (`PDS_PORT`, default 3000).
    public var port: Int
    /// Address to bind (`PDS_BIND`, default 127.0.0.1).
    public var bindAddress: String
    /// Whether account creation needs an invite code (`PDS_INVITE_REQUIRED`, default true).
    public var inviteRequired: Bool

    /// Settings from a dictionary of environment variables.
    public init(environment env: [String: String]) {
        hostname = env["PDS_HOSTNAME"] ?? "localhost"
        port = env["PDS_PORT"].flatMap(Int.init) ?? 3000
        bindAddress = env["PDS_BIND"] ?? "127.0.0.1"
        inviteRequired = (env["PDS_INVITE_REQUIRED"] ?? "true").lowercased() != "false"
    }

    /// The domains handles may be registered under (`.test` for a localhost dev server).
    public var handleDomains: [String] { hostname == "localhost" ? [".test"] : ["." + hostname] }
}
