// XRPCError.swift: the one error type the HTTP edge turns into `{"error","message"}`.
// Book: docs/10-xrpc.md ("Errors").
import Engine
import HTTPTypes
import Hummingbird

/// An XRPC error: the HTTP status, the error name clients switch on, and a message.
public struct XRPCError: Error, Sendable, Equatable, HTTPResponseError {
    /// HTTP status.
    public let status: HTTPResponse.Status
    /// The XRPC error name, e.g. `InvalidRequest`.
    public let name: String
    /// Human-readable text; never holds secrets, tokens or record bytes.
    public let message: String
    /// Extra response headers (the `RateLimit-*` figures of a 429).
    public var headers: HTTPFields = [:]

    /// An error.
    public init(_ status: HTTPResponse.Status, _ name: String, _ message: String) {
        self.status = status
        self.name = name
        self.message = message
    }

    /// 429 with the refused limit's `RateLimit-*` headers.
    public static func rateLimited(_ decision: RateLimiter.Decision) -> XRPCError {
        var error = XRPCError.rateLimited
        for (name, value) in decision.headers {
            if let field = HTTPField.Name(name) { error.headers[field] = value }
        }
        return error
    }

    /// 400 with a lexicon-declared error name (or `InvalidRequest`).
    public static func invalidRequest(_ message: String, name: String = "InvalidRequest") -> XRPCError {
        XRPCError(.badRequest, name, message)
    }

    /// 401: no credentials where they are required.
    public static let authMissing = XRPCError(.unauthorized, "AuthMissing", "Authentication Required")

    /// 401 with a specific name (e.g. `AccountTakedown`) or `AuthenticationRequired`.
    public static func unauthorized(_ message: String, name: String = "AuthenticationRequired") -> XRPCError {
        XRPCError(.unauthorized, name, message)
    }

    /// 400 `ExpiredToken`: clients refresh on this name.
    public static func expiredToken(_ message: String = "Token has expired") -> XRPCError {
        XRPCError(.badRequest, "ExpiredToken", message)
    }

    /// 400 `InvalidToken`.
    public static func invalidToken(_ message: String = "Token could not be verified") -> XRPCError {
        XRPCError(.badRequest, "InvalidToken", message)
    }

    /// 403.
    public static func forbidden(_ message: String, name: String = "Forbidden") -> XRPCError {
        XRPCError(.forbidden, name, message)
    }

    /// 413.
    public static func payloadTooLarge(_ message: String = "Request entity too large") -> XRPCError {
        XRPCError(.contentTooLarge, "PayloadTooLarge", message)
    }

    /// 415.
    public static func unsupportedMediaType(_ message: String) -> XRPCError {
        XRPCError(.unsupportedMediaType, "UnsupportedMediaType", message)
    }

    /// 429.
    public static let rateLimited = XRPCError(.tooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded")

    /// 500, with nothing about the cause.
    public static let internalError = XRPCError(.internalServerError, "InternalServerError", "Internal Server Error")

    /// 501 for an NSID this server does not implement.
    public static func notImplemented(_ nsid: String) -> XRPCError {
        XRPCError(.notImplemented, "MethodNotImplemented", "Method not implemented: \(nsid.prefix(100))")
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = AtprotoJSON.encode(["error": .string(name), "message": .string(message)])
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Errors of lower layers that know which XRPC error they are: the one mapping at the edge.
public protocol XRPCErrorConvertible: Error {
    /// The XRPC error to answer with, or nil for an internal error (500).
    var xrpcError: XRPCError? { get }
}

extension CommitError: XRPCErrorConvertible {
    public var xrpcError: XRPCError? {
        switch self {
        case .invalidSwap(let why): .invalidRequest(why, name: "InvalidSwap")
        case .recordConflict(let why), .invalidWrite(let why): .invalidRequest(why)
        case .storage(let e) where e.xrpcError != nil: e.xrpcError
        case .storage, .mst, .malformedCommit, .badSignature, .wrongDID, .badRev: nil
        }
    }
}

extension StorageError: XRPCErrorConvertible {
    public var xrpcError: XRPCError? {
        switch self {
        case .unknownRepo(let did): return .invalidRequest("Could not find repo: \(did)", name: "RepoNotFound")
        case .missingBlob(let cid): return .invalidRequest("Could not find blob: \(cid)", name: "BlobNotFound")
        default: return nil
        }
    }
}

extension SyntaxError: XRPCErrorConvertible {
    public var xrpcError: XRPCError? { .invalidRequest("\(self)") }
}

extension JSONError: XRPCErrorConvertible {
    public var xrpcError: XRPCError? { .invalidRequest("Invalid JSON: \(self)") }
}
