// PDSRequestContext.swift: the per-request context: Hummingbird's core plus the peer address.
// Book: docs/10-xrpc.md ("Rate limits").
import Hummingbird
import NIOCore

/// The request context every route gets: Hummingbird's core context and the connection's peer,
/// which rate limiting keys on (and trusts `X-Forwarded-For` only from a loopback or private peer).
public struct PDSRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection (nil in in-process tests).
    public let remoteAddress: SocketAddress?

    /// A context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
