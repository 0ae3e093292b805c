// ServerConfig.swift: every setting of `pds serve`, read from the environment and an optional `.env`.
// Book: docs/03-running.md ("Configuration").

import Foundation

/// Settings for `pds serve`, named as the reference PDS names its environment variables.
public struct ServerConfig: Sendable {
    /// One environment variable: its name, what it sets, and its default as text.
    public struct Variable: Sendable {
        /// The variable's name.
        public let name: String
        /// What it sets.
        public let help: String
    }

    /// Every variable `pds serve` reads, for `--help` and the book.
    public static let variables: [Variable] = [
        .init(name: "PDS_HOSTNAME", help: "public host name of this PDS (default localhost)"),
        .init(name: "PDS_PORT", help: "TCP port (default 3000)"),
        .init(name: "PDS_BIND", help: "address to bind (default 127.0.0.1)"),
        .init(name: "PDS_DATA_DIR", help: "data directory: RocksDB, SQLite, blobs, dev secrets (default ./data)"),
        .init(name: "PDS_ENV", help: "'production' makes missing secrets a start-up error (default development)"),
        .init(name: "PDS_SERVICE_HANDLE_DOMAINS", help: "comma-separated handle suffixes (default .HOSTNAME; .test on localhost)"),
        .init(name: "PDS_JWT_SECRET", help: "secret for session tokens (dev: generated once into the data dir)"),
        .init(name: "PDS_ADMIN_PASSWORD", help: "password of the 'admin' Basic-auth user (dev: generated once)"),
        .init(name: "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX", help: "the PDS's did:plc rotation key (dev: generated once)"),
        .init(name: "PDS_INVITE_REQUIRED", help: "account creation needs an invite code (default true)"),
        .init(name: "PDS_INVITE_INTERVAL", help: "milliseconds for an account to earn one invite code; unset: none are earned"),
        .init(name: "PDS_INVITE_EPOCH", help: "milliseconds since 1970 from which earned invite codes count (default 0)"),
        .init(name: "PDS_RATE_LIMITS_ENABLED", help: "enforce per-route rate limits (default false)"),
        .init(name: "PDS_BLOB_UPLOAD_LIMIT", help: "largest blob upload in bytes (default 5000000)"),
        .init(name: "PDS_DID_PLC_URL", help: "PLC directory to publish to; unset: this PDS serves its own at /plc"),
        .init(name: "PDS_LEXICON_ENFORCE", help: "reject lexicon violations instead of logging them (default false)"),
        .init(name: "PDS_LEXICON_DIR", help: "lexicon JSON directory (default ./lexicons)"),
        .init(name: "PDS_FSYNC", help: "fsync every commit (default true)"),
        .init(name: "PDS_FIREHOSE_RETENTION", help: "how long the firehose keeps events for replay, e.g. 72h, 30m, 3d (default 72h)"),
        .init(name: "PDS_MAX_SUBSCRIPTION_BUFFER", help: "events a live firehose subscriber may fall behind before ConsumerTooSlow (default 10000)"),
        .init(name: "PDS_CRAWLERS", help: "comma-separated relay URLs sent requestCrawl after start and at most every 20 minutes"),
        .init(name: "PDS_DNS_NAMESERVER", help: "DNS server for handle TXT lookups, host[:port] (default: /etc/resolv.conf)"),
        .init(name: "PDS_ID_RESOLVER_TIMEOUT", help: "milliseconds to wait for a did:web document (default 3000)"),
        .init(name: "PDS_EMAIL_SMTP_URL", help: "mail server: smtp://user:pass@host:587, smtps://host:465, smtp://host:port?tls=none (unset: <data>/outbox.eml)"),
        .init(name: "PDS_EMAIL_FROM_ADDRESS", help: "sender address of the PDS's mail (default noreply@HOSTNAME)"),
    ]

    /// Host name the service is reached at.
    public var hostname: String
    /// TCP port.
    public var port: Int
    /// Address to bind.
    public var bindAddress: String
    /// Where RocksDB, SQLite, blobs and dev secrets live.
    public var dataDirectory: String
    /// `PDS_ENV=production`: secrets must be configured.
    public var production: Bool
    /// Handle suffixes accounts may register under, each starting with a dot.
    public var handleDomains: [String]
    /// Configured secrets (nil: generated in development, an error in production).
    public var jwtSecret: String?
    /// Password for admin Basic auth.
    public var adminPassword: String?
    /// The PDS's did:plc rotation key, hex.
    public var plcRotationKeyHex: String?
    /// Whether account creation needs an invite code.
    public var inviteRequired: Bool
    /// Time for an account to earn one invite code (nil: accounts earn none).
    public var inviteInterval: TimeInterval?
    /// Earned invite codes count from this date.
    public var inviteEpoch: Date
    /// Whether rate limits are enforced.
    public var rateLimitsEnabled: Bool
    /// Largest accepted blob, in bytes.
    public var blobUploadLimit: Int
    /// PLC directory URL; nil serves a local directory.
    public var plcURL: String?
    /// Reject records and inputs that violate their lexicon.
    public var lexiconEnforce: Bool
    /// Lexicon JSON directory.
    public var lexiconDirectory: String
    /// fsync each commit.
    public var fsync: Bool
    /// How long events stay in the log for cursor replay.
    public var firehoseRetention: Duration
    /// How many events a live subscriber may lag before it is cut off with `ConsumerTooSlow`.
    public var maxSubscriptionLag: Int
    /// Relays to ask to crawl this PDS (base URLs).
    public var crawlers: [String]
    /// How long to wait for another DID's document over HTTP, in seconds.
    public var idResolverTimeout: Double
    /// The SMTP server's URL (checked when the server opens); nil writes mail to the outbox file.
    public var emailSMTPURL: String?
    /// The sender address of the PDS's mail.
    public var emailFromAddress: String

    /// Settings from environment variables (the process environment over a `.env` file's, as merged by the caller).
    public init(environment env: [String: String]) {
        func flag(_ name: String, _ fallback: Bool) -> Bool {
            guard let v = env[name]?.lowercased() else { return fallback }
            return ["1", "true", "yes", "on"].contains(v)
        }
        hostname = env["PDS_HOSTNAME"] ?? "localhost"
        port = env["PDS_PORT"].flatMap(Int.init) ?? 3000
        bindAddress = env["PDS_BIND"] ?? "127.0.0.1"
        dataDirectory = env["PDS_DATA_DIR"] ?? "./data"
        production = env["PDS_ENV"]?.lowercased() == "production"
        if let domains = env["PDS_SERVICE_HANDLE_DOMAINS"], !domains.isEmpty {
            handleDomains = domains.split(separator: ",").map { d in
                let t = d.trimmingCharacters(in: .whitespaces).lowercased()
                return t.hasPrefix(".") ? t : "." + t
            }
        } else {
            handleDomains = hostname == "localhost" ? [".test"] : ["." + hostname.lowercased()]
        }
        jwtSecret = env["PDS_JWT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        adminPassword = env["PDS_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        plcRotationKeyHex = env["PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX"].flatMap { $0.isEmpty ? nil : $0 }
        inviteRequired = flag("PDS_INVITE_REQUIRED", true)
        inviteInterval = env["PDS_INVITE_INTERVAL"].flatMap(Int64.init).flatMap { $0 > 0 ? TimeInterval($0) / 1000 : nil }
        inviteEpoch = Date(timeIntervalSince1970: TimeInterval(env["PDS_INVITE_EPOCH"].flatMap(Int64.init) ?? 0) / 1000)
        rateLimitsEnabled = flag("PDS_RATE_LIMITS_ENABLED", false)
        blobUploadLimit = env["PDS_BLOB_UPLOAD_LIMIT"].flatMap(Int.init) ?? 5_000_000
        plcURL = env["PDS_DID_PLC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        lexiconEnforce = flag("PDS_LEXICON_ENFORCE", false)
        lexiconDirectory = env["PDS_LEXICON_DIR"] ?? "./lexicons"
        fsync = flag("PDS_FSYNC", true)
        firehoseRetention = env["PDS_FIREHOSE_RETENTION"].flatMap(Self.duration) ?? .seconds(72 * 3600)
        maxSubscriptionLag = env["PDS_MAX_SUBSCRIPTION_BUFFER"].flatMap(Int.init).map { max(1, $0) } ?? 10_000
        crawlers = (env["PDS_CRAWLERS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        // Milliseconds, as the reference reads it.
        idResolverTimeout = env["PDS_ID_RESOLVER_TIMEOUT"].flatMap(Int.init).map { Double(max(1, $0)) / 1000 } ?? 3
        emailSMTPURL = env["PDS_EMAIL_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        emailFromAddress = env["PDS_EMAIL_FROM_ADDRESS"].flatMap { $0.isEmpty ? nil : $0 } ?? "noreply@\(hostname)"
    }

    /// `90s`, `30m`, `72h`, `3d` (or a bare number of seconds) as a duration; nil if malformed.
    static func duration(_ text: String) -> Duration? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var scale: Int64 = 1
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits = digits.dropLast()
        }
        guard let n = Int64(digits), n > 0, n <= Int64.max / scale else { return nil }
        return .seconds(n * scale)
    }

    /// The service's own DID (`did:web:` + host name).
    public var serviceDID: String { "did:web:\(hostname)" }

    /// The public base URL (http for localhost, https otherwise).
    public var publicURL: String {
        hostname == "localhost" ? "http://localhost:\(port)" : "https://\(hostname)"
    }
}
