// PDS.swift: everything a request handler can reach: settings, secrets, stores, repos, lexicons.
// Book: docs/10-xrpc.md ("The server context").
import Engine
import Foundation
import Logging
import NIOPosix

/// The running server's state, shared by every request.
///
/// Storage calls (RocksDB, and the signing and hashing around them) block, so handlers run them
/// through `blocking { }`, which moves them to a dedicated thread pool: event-loop threads never
/// wait on disk. The SQL store runs on its own pool already.
public final class PDS: Sendable {
    /// Settings.
    public let config: ServerConfig
    /// Secrets (configured or, in development, generated once).
    public let secrets: ServerSecrets
    /// The data plane.
    public let storage: RocksRepoStorage
    /// The repo write path.
    public let repos: RepoService<RocksRepoStorage>
    /// The control plane.
    public let control: ControlStore
    /// Lexicons for validating records and inputs.
    public let lexicons: LexiconCatalog
    /// Log violations, or reject them.
    public let enforcement: LexiconEnforcement
    /// The server's logger.
    public let logger: Logger
    /// Threads for blocking storage work.
    let pool: NIOThreadPool
    /// Repo signing keys read so far.
    let signingKeys = SigningKeyCache()
    /// Call counters for `PDS_RATE_LIMITS_ENABLED`.
    public let rateLimiter = RateLimiter()
    /// Account rows of recent requests (valid until the next control-store write).
    let accountCache = AccountCache()
    /// The mail this server sends (by SMTP, or to an outbox file in the data directory).
    public let mailer: Mailer
    /// DID documents of other accounts and services, for checking what they sign.
    public let didResolver: DIDResolver
    /// Service tokens already accepted, so each is accepted once.
    public let serviceJWTReplays = ServiceJWTReplayCache()

    /// Opens the stores under `config.dataDirectory` and loads the lexicons.
    public static func open(config: ServerConfig, logger: Logger) async throws -> PDS {
        let mailer = try Mailer(config: config, logger: logger)
        let secrets = try ServerSecrets.resolve(config, logger: logger)
        let dataDirectory = config.dataDirectory
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let storage = try RocksRepoStorage(
            options: StorageOptions(
                path: (dataDirectory as NSString).appendingPathComponent("rocks"), sync: config.fsync,
                eventRingCapacity: max(16_384, config.maxSubscriptionLag * 2)))
        let control = try await ControlStore.open(dataDirectory: dataDirectory, logger: logger)
        let lexicons: LexiconCatalog
        do {
            lexicons = try LexiconCatalog(directory: config.lexiconDirectory)
        } catch {
            await control.close()
            throw ConfigError("cannot load lexicons from \(config.lexiconDirectory) (PDS_LEXICON_DIR): \(error)")
        }
        return PDS(
            config: config, secrets: secrets, storage: storage, control: control, lexicons: lexicons, mailer: mailer,
            logger: logger)
    }

    init(
        config: ServerConfig, secrets: ServerSecrets, storage: RocksRepoStorage, control: ControlStore,
        lexicons: LexiconCatalog, mailer: Mailer, logger: Logger
    ) {
        self.config = config
        self.secrets = secrets
        self.storage = storage
        self.repos = RepoService(storage: storage)
        self.control = control
        self.lexicons = lexicons
        self.enforcement = config.lexiconEnforce ? .enforce : .observe
        self.logger = logger
        didResolver = DIDResolver(timeout: config.idResolverTimeout)
        self.mailer = mailer
        // Storage work is CPU (signing, hashing) plus fsync waits: a few threads per core.
        pool = NIOThreadPool(numberOfThreads: max(4, ProcessInfo.processInfo.activeProcessorCount * 4))
        pool.start()
    }

    /// Runs blocking work (RocksDB, signing) on the storage thread pool.
    public func blocking<R: Sendable>(_ body: @escaping @Sendable () throws -> R) async throws -> R {
        try await pool.runIfActive(body)
    }

    /// Closes the SQL store and stops the pool (RocksDB closes when the last reference goes).
    public func close() async {
        storage.sequencer.close()
        await control.close()
        try? await pool.shutdownGracefully()
    }
}
