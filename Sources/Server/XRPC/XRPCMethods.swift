// XRPCMethods.swift: the table of XRPC methods and the one dispatcher that serves them.
// Book: docs/10-xrpc.md ("Dispatch").
import Engine
import Foundation
import Hummingbird

/// A handler for one method.
public typealias XRPCHandler = @Sendable (XRPCCall) async throws -> XRPCOutput

/// Every XRPC method this server serves, by NSID.
public struct XRPCMethods: Sendable {
    /// Query (GET) or procedure (POST).
    public enum Kind: Sendable { case query, procedure }

    /// How a procedure's body is taken.
    public enum Body: Sendable {
        /// Collected up to this many bytes, then handed over in `XRPCCall.body`.
        case collect(limit: Int)
        /// Left in `XRPCCall.request.body` for the handler to stream.
        case stream
    }

    struct Method: Sendable {
        let kind: Kind
        let body: Body
        let limit: RateLimit?
        let handler: XRPCHandler
    }

    /// The default JSON body limit (the reference's 150 KiB).
    public static let jsonLimit = 150 * 1024
    /// The limit for record writes (the reference's 1,000,000 bytes).
    public static let recordLimit = 1_000_000

    private(set) var methods: [String: Method] = [:]

    /// An empty table.
    public init() {}

    /// Registers a query; `rateLimit` applies per client on top of the global limit.
    public mutating func query(_ nsid: String, rateLimit: RateLimit? = nil, _ handler: @escaping XRPCHandler) {
        precondition(methods[nsid] == nil, "\(nsid) registered twice")
        methods[nsid] = Method(kind: .query, body: .collect(limit: 0), limit: rateLimit, handler: handler)
    }

    /// Registers a procedure; `rateLimit` applies per client on top of the global limit.
    public mutating func procedure(
        _ nsid: String, body: Body = .collect(limit: jsonLimit), rateLimit: RateLimit? = nil,
        _ handler: @escaping XRPCHandler
    ) {
        precondition(methods[nsid] == nil, "\(nsid) registered twice")
        methods[nsid] = Method(kind: .procedure, body: body, limit: rateLimit, handler: handler)
    }

    /// The registered NSIDs.
    public var nsids: [String] { Array(methods.keys) }

    /// Serves one request for `/xrpc/{nsid}`.
    func dispatch(nsid: String, request: Request, context: PDSRequestContext, pds: PDS) async throws -> Response {
        guard let method = methods[nsid] else { throw XRPCError.notImplemented(nsid) }
        if pds.config.rateLimitsEnabled {
            try Self.checkRateLimits(request, client: Self.client(request, context), nsid: nsid, method.limit, pds)
        }
        let isGet = request.method == .get || request.method == .head
        switch (method.kind, isGet) {
        case (.query, false): throw XRPCError.invalidRequest("Incorrect HTTP method (\(request.method)) expected GET")
        case (.procedure, true): throw XRPCError.invalidRequest("Incorrect HTTP method (\(request.method)) expected POST")
        default: break
        }
        var body: ByteBuffer? = nil
        if method.kind == .procedure, case .collect(let limit) = method.body {
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                throw XRPCError.payloadTooLarge()
            }
            if let encoding = request.headers[.contentEncoding], encoding.lowercased() != "identity" {
                throw XRPCError.unsupportedMediaType("Unsupported content-encoding: \(encoding.prefix(40))")
            }
            do {
                body = try await request.body.collect(upTo: limit)
            } catch {
                throw XRPCError.payloadTooLarge()
            }
        } else if method.kind == .query, let length = request.headers[.contentLength].flatMap(Int.init), length > 0 {
            throw XRPCError.invalidRequest("A query takes no request body")
        }
        let call = XRPCCall(
            nsid: nsid, request: request, params: Self.params(request), body: body, pds: pds, logger: context.logger)
        try Self.checkLexicon(call, kind: method.kind)
        switch try await method.handler(call) {
        case .json(let value):
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: AtprotoJSON.encode(value))))
        case .empty:
            return Response(status: .ok)
        case .bytes(let buffer, let contentType, var headers):
            headers[.contentType] = contentType
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
        case .response(let response):
            return response
        }
    }

    /// Who is calling, for rate limits: the connection's peer address; when the peer is a proxy on
    /// this machine or a private network (how the PDS runs in production), the last
    /// `X-Forwarded-For` hop, which that proxy appended (earlier hops are the client's own claims).
    static func client(_ request: Request, _ context: PDSRequestContext) -> String {
        let peer = context.remoteAddress?.ipAddress
        let trusted = peer.map { p in
            p == "127.0.0.1" || p == "::1" || p.hasPrefix("10.") || p.hasPrefix("192.168.")
                || p.hasPrefix("fd") || (p.hasPrefix("172.") && (16...31).contains(Int(p.split(separator: ".")[1]) ?? 0))
        } ?? true  // in-process tests have no peer
        if trusted, let forwarded = request.headers[.init("X-Forwarded-For")!],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return last
        }
        return peer ?? "local"
    }

    /// The global limit, then the method's, for `client`.
    static func checkRateLimits(_ request: Request, client: String, nsid: String, _ limit: RateLimit?, _ pds: PDS)
        throws(XRPCError)
    {
        let now = Int64(Date().timeIntervalSince1970)
        let global = pds.rateLimiter.consume("global|" + client, .global, points: 1, now: now)
        guard global.allowed else { throw .rateLimited(global) }
        if let limit {
            let method = pds.rateLimiter.consume(nsid + "|" + client, limit, points: 1, now: now)
            guard method.allowed else { throw .rateLimited(method) }
        }
    }

    /// Query parameters with every value of repeated names, percent-decoded.
    static func params(_ request: Request) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters { out[String(key), default: []].append(String(value)) }
        return out
    }
}
