// PDSApplication.swift: builds the Hummingbird application: middleware, XRPC dispatch, other routes.
// Book: docs/10-xrpc.md.
import Engine
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle

/// The version this server reports.
public let serverVersion = "0.1.0"

/// Builds the HTTP application.
public enum PDSApplication {
    /// Every XRPC method: each namespace's file adds its own.
    public static func methods() -> XRPCMethods {
        var m = XRPCMethods()
        ServerHandlers.register(&m)
        IdentityHandlers.register(&m)
        RepoHandlers.register(&m)
        SyncHandlers.register(&m)
        return m
    }

    /// The router with every route this server answers.
    public static func router(pds: PDS, methods: XRPCMethods = methods()) -> Router<PDSRequestContext> {
        let router = Router(context: PDSRequestContext.self)
        router.add(middleware: XRPCErrorMiddleware())
        router.add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.authorization, .contentType, .init("DPoP")!, .init("atproto-proxy")!, .init("atproto-accept-labelers")!], allowMethods: [.get, .post, .head, .options], maxAge: .seconds(86_400)))
        router.get("/xrpc/_health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: AtprotoJSON.encode(["version": .string(serverVersion)]))))
        }
        router.get(RouterPath(FirehoseRoutes.path)) { _, _ in try FirehoseRoutes.notUpgraded() }
        router.on("/xrpc/{nsid}", method: .get) { request, context in
            try await methods.dispatch(nsid: context.parameters.get("nsid") ?? "", request: request, context: context, pds: pds)
        }
        router.on("/xrpc/{nsid}", method: .post) { request, context in
            try await methods.dispatch(nsid: context.parameters.get("nsid") ?? "", request: request, context: context, pds: pds)
        }
        WebRoutes.add(to: router, pds: pds)
        router.get("/robots.txt") { _, _ in "# Hello!\n\n# Crawling the public API is allowed\nUser-agent: *\nAllow: /\n" }
        return router
    }

    /// The application, ready to run; closes the stores when the server stops.
    public static func make(pds: PDS) -> some ApplicationProtocol {
        var app = Application(
            router: router(pds: pds),
            server: .http1WebSocketUpgrade(
                configuration: .init(ws: .init(maxFrameSize: 1 << 16, autoPing: .enabled(timePeriod: .seconds(30)))),
                shouldUpgrade: FirehoseRoutes.shouldUpgrade(pds: pds)),
            configuration: .init(address: .hostname(pds.config.bindAddress, port: pds.config.port), serverName: "swift-pds"),
            logger: pds.logger)
        app.addServices(PDSShutdown(pds: pds), BlobSweeper(pds: pds), SequencerService(pds: pds), Crawlers(pds: pds),
            AccountDeletionService(pds: pds))
        return app
    }
}

/// Closes the stores when the service group shuts down.
struct PDSShutdown: Service {
    let pds: PDS

    func run() async throws {
        try? await gracefulShutdown()
        await pds.close()
    }
}
