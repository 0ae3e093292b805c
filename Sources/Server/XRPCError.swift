// XRPCError.swift: the one error type the HTTP edge turns into `{"error","message"}`.
// Book: docs/10-xrpc.md.
import Engine
import Hummingbird

/// An XRPC error: the HTTP status, the error name clients switch on, and a message.
public struct XRPCError: Error, Sendable, HTTPResponseError {
    /// HTTP status.
    public let status: HTTPResponse.Status
    /// The XRPC error name, e.g. `InvalidRequest`.
    public let name: String
    /// Human-readable text; never holds secrets.
    public let message: String

    /// An error.
    public init(_ status: HTTPResponse.Status, _ name: String, _ message: String) {
        self.status = status
        self.name = name
        self.message = message
    }

    /// 501 for an NSID this server does not implement.
    public static func notImplemented(_ nsid: String) -> XRPCError {
        XRPCError(.notImplemented, "MethodNotImplemented", "Method not implemented: \(nsid.prefix(100))")
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = AtprotoJSON.encode(["error": .string(name), "message": .string(message)])
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
