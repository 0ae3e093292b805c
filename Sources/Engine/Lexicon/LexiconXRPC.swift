// LexiconXRPC.swift: the schemas of XRPC methods: query, procedure, subscription, params, bodies.
// Book: docs/09-lexicons.md ("The schema model").

/// Query-string parameters of an XRPC method. Types are limited to boolean, integer, string,
/// unknown, and arrays of those: everything arrives as text.
public struct LexiconParams: Sendable, Equatable {
    /// The parameters, in canonical key order.
    public var properties: [LexiconProperty]

    /// A parameter list.
    public init(properties: [LexiconProperty]) { self.properties = properties }
}

/// A request or response body.
public struct LexiconBody: Sendable, Equatable {
    /// The MIME type (`application/json`, `*/*`, `application/vnd.ipld.car`…).
    public var encoding: String
    /// The JSON schema of the body: an object, a ref or a union; nil when not JSON or unchecked.
    public var schema: LexiconType?

    /// A body.
    public init(encoding: String, schema: LexiconType? = nil) {
        self.encoding = encoding
        self.schema = schema
    }
}

/// An XRPC query (GET).
public struct LexiconQuery: Sendable, Equatable {
    /// Query-string parameters.
    public var parameters: LexiconParams?
    /// The response body.
    public var output: LexiconBody?
    /// Names of the errors the method may answer with.
    public var errors: [String]

    /// A query.
    public init(parameters: LexiconParams? = nil, output: LexiconBody? = nil, errors: [String] = []) {
        self.parameters = parameters
        self.output = output
        self.errors = errors
    }
}

/// An XRPC procedure (POST).
public struct LexiconProcedure: Sendable, Equatable {
    /// Query-string parameters.
    public var parameters: LexiconParams?
    /// The request body.
    public var input: LexiconBody?
    /// The response body.
    public var output: LexiconBody?
    /// Names of the errors the method may answer with.
    public var errors: [String]

    /// A procedure.
    public init(
        parameters: LexiconParams? = nil, input: LexiconBody? = nil, output: LexiconBody? = nil, errors: [String] = []
    ) {
        self.parameters = parameters
        self.input = input
        self.output = output
        self.errors = errors
    }
}

/// An XRPC subscription (WebSocket stream of messages).
public struct LexiconSubscription: Sendable, Equatable {
    /// Query-string parameters.
    public var parameters: LexiconParams?
    /// The schema of each message: a union.
    public var message: LexiconType?
    /// Names of the errors the stream may end with.
    public var errors: [String]

    /// A subscription.
    public init(parameters: LexiconParams? = nil, message: LexiconType? = nil, errors: [String] = []) {
        self.parameters = parameters
        self.message = message
        self.errors = errors
    }
}
