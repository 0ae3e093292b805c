// PDSApplication.swift: builds the Hummingbird application and its routes.
// Book: docs/10-xrpc.md.
import Engine
import Hummingbird
import Logging

/// The version this server reports.
public let serverVersion = "0.1.0"

/// Builds the HTTP application for a configuration.
public enum PDSApplication {
    /// The router with every route this server answers.
    public static func router(config: ServerConfig) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/xrpc/_health") { _, _ in json(["version": .string(serverVersion)]) }
        router.get("/xrpc/com.atproto.server.describeServer") { _, _ in
            json([
                "did": .string("did:web:\(config.hostname)"),
                "availableUserDomains": .list(config.handleDomains.map { .string($0) }),
                "inviteCodeRequired": .bool(config.inviteRequired),
                "links": .map(IPLDMap()),
                "contact": .map(IPLDMap()),
            ])
        }
        router.on("/xrpc/{nsid}", method: .get) { _, ctx -> Response in
            throw XRPCError.notImplemented(ctx.parameters.get("nsid") ?? "")
        }
        router.on("/xrpc/{nsid}", method: .post) { _, ctx -> Response in
            throw XRPCError.notImplemented(ctx.parameters.get("nsid") ?? "")
        }
        return router
    }

    /// The application, ready to run.
    public static func make(config: ServerConfig, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(config: config),
            configuration: .init(address: .hostname(config.bindAddress, port: config.port), serverName: "swift-pds"),
            logger: logger)
    }

    /// A JSON response with status 200.
    static func json(_ value: IPLD) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: AtprotoJSON.encode(value))))
    }
}
