// XRPCCall.swift: one XRPC request as a handler sees it: parameters, body, headers and the server.
// Book: docs/10-xrpc.md ("Calls").
import Engine
import Hummingbird
import Logging

/// One XRPC request.
public struct XRPCCall: Sendable {
    /// The method.
    public let nsid: String
    /// The HTTP request (headers; the body is in `body` unless the method streams it).
    public let request: Request
    /// Query parameters, each name with every value given.
    public let params: [String: [String]]
    /// The collected body of a procedure (nil for queries and streamed bodies).
    public let body: ByteBuffer?
    /// The server.
    public let pds: PDS
    /// The request's logger (carries its id).
    public let logger: Logger
    /// The body as a JSON object, parsed once at dispatch (nil if absent or not an object).
    let json: IPLDMap?

    /// A call; the body, when there is one, is parsed here, once, for the lexicon check and the handler.
    init(nsid: String, request: Request, params: [String: [String]], body: ByteBuffer?, pds: PDS, logger: Logger) {
        self.nsid = nsid
        self.request = request
        self.params = params
        self.body = body
        self.pds = pds
        self.logger = logger
        json = body.flatMap { b in
            b.readableBytes == 0 ? nil : b.withUnsafeReadableBytes { try? AtprotoJSON.decodeObject(Array($0)) }
        }
    }

    /// One string parameter (the last if repeated), or nil.
    public func string(_ name: String) -> String? { params[name]?.last }

    /// A string parameter that must be present.
    public func requiredString(_ name: String) throws(XRPCError) -> String {
        guard let v = string(name), !v.isEmpty else { throw .invalidRequest("Error: Params must have the property \"\(name)\"") }
        return v
    }

    /// An integer parameter within `range`, or `fallback` when absent.
    public func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(XRPCError) -> Int {
        guard let text = string(name) else { return fallback }
        guard let v = Int(text), range.contains(v) else {
            throw .invalidRequest("Error: \(name) must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }

    /// A boolean parameter, or `fallback` when absent.
    public func bool(_ name: String, default fallback: Bool) throws(XRPCError) -> Bool {
        switch string(name) {
        case nil: return fallback
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidRequest("Error: \(name) must be a boolean")
        }
    }

    /// The body parsed as an atproto JSON object.
    public func jsonBody() throws(XRPCError) -> IPLDMap {
        if let json { return json }
        guard let body, body.readableBytes > 0 else { throw .invalidRequest("Request body is empty") }
        // Not an object: parse again only to say why.
        do {
            return try body.withUnsafeReadableBytes { raw in
                try AtprotoJSON.decodeObject(Array(raw))
            }
        } catch let e as JSONError {
            throw e.xrpcError!
        } catch {
            throw .invalidRequest("Invalid JSON body")
        }
    }
}

/// What a handler answers.
public enum XRPCOutput: Sendable {
    /// A JSON body (status 200).
    case json(IPLD)
    /// 200 with no body.
    case empty
    /// Bytes with a content type and extra headers.
    case bytes(ByteBuffer, contentType: String, headers: HTTPFields = [:])
    /// A response built by the handler (streams).
    case response(Response)
}
