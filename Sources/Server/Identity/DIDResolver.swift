// DIDResolver.swift: any DID to its document (did:plc through the PLC service, did:web over HTTPS), cached.
// Book: docs/13-sessions-and-auth.md ("Verifying service tokens").
import Engine
import Foundation
import Synchronization

/// Resolves the DIDs of other accounts and services, to check what they sign: did:plc through
/// this server's PLC service (its local directory, or `PDS_DID_PLC_URL`), did:web from
/// `https://<host>/.well-known/did.json`. Documents are cached for `ttl`; a caller that finds a
/// signature not matching the cached key asks again with `fresh: true`, which skips the cache (the
/// key may just have been rotated). Failures are not cached.
public final class DIDResolver: Sendable {
    /// How long a document is kept.
    public let ttl: Duration
    /// The most documents kept; the cache is emptied when it fills.
    public let capacity: Int
    /// Timeout of each did:web request, in seconds.
    public let timeout: TimeInterval
    private let cache = Mutex<[String: (document: DIDDocument, expires: ContinuousClock.Instant)]>([:])

    /// A resolver.
    public init(ttl: Duration = .seconds(600), capacity: Int = 10_000, timeout: TimeInterval = 3) {
        self.ttl = ttl
        self.capacity = capacity
        self.timeout = timeout
    }

    /// The document of `did`, or nil when it cannot be found, fetched or read, or names another DID.
    public func resolve(_ did: DID, plc: PLCService, fresh: Bool = false) async -> DIDDocument? {
        let now = ContinuousClock.now
        if !fresh, let hit = cache.withLock({ $0[did.string] }), hit.expires > now { return hit.document }
        let found: DIDDocument?
        if did.isPLC {
            found = try? await plc.document(did: did)
        } else if did.isWeb {
            found = await resolveWeb(did)
        } else {
            found = nil
        }
        guard let document = found, document.id == did else { return nil }
        cache.withLock { c in
            if c.count >= capacity { c.removeAll(keepingCapacity: true) }
            c[did.string] = (document, now + ttl)
        }
        return document
    }

    /// Forgets every cached document.
    public func clear() { cache.withLock { $0.removeAll() } }

    /// `did:web:<host>` from `/.well-known/did.json`; DIDs with a path (`did:web:host:path`) are
    /// not supported, as in the reference.
    func resolveWeb(_ did: DID) async -> DIDDocument? {
        guard let url = Self.webURL(did),
            let reply = try? await HTTPFetch.send(
                "GET", url, timeout: timeout, maxBytes: DIDDocument.Limits.default.maxBytes),
            reply.status == 200
        else { return nil }
        return try? DIDDocument(json: reply.body)
    }

    /// The document URL of a did:web: the percent-decoded host (a port is written `%3A`), https
    /// except for `localhost`, which is http, as the reference allows for development.
    static func webURL(_ did: DID) -> String? {
        let id = did.identifier
        guard !id.contains(":"), let host = id.removingPercentEncoding, !host.isEmpty, host.utf8.count <= 253 + 6
        else { return nil }
        // A host name with an optional port: nothing that could change the URL's meaning.
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:".utf8)
        guard host.utf8.allSatisfy(allowed.contains), host.utf8.filter({ $0 == UInt8(ascii: ":") }).count <= 1 else {
            return nil
        }
        let name = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? host
        let scheme = name.lowercased() == "localhost" ? "http" : "https"
        return "\(scheme)://\(host)/.well-known/did.json"
    }
}
