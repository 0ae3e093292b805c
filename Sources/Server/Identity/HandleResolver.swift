// HandleResolver.swift: a handle to a DID over the network, with a timeout and a small TTL cache.
// Book: docs/12-accounts-and-dids.md ("Resolving handles").
import Engine
import Foundation
import Synchronization

/// Resolves handles that are not this server's: the DNS TXT record `_atproto.<handle>` (`did=…`)
/// first, then `https://<handle>/.well-known/atproto-did`, with answers (and failures) cached for
/// a few minutes.
public final class HandleResolver: Sendable {
    /// How long an answer is kept.
    public let ttl: Duration
    /// How long a failure is kept.
    public let negativeTTL: Duration
    /// The most entries kept; the cache is emptied when it fills.
    public let capacity: Int
    /// Timeout of each HTTP attempt, in seconds.
    public let timeout: TimeInterval
    /// The DNS server asked for TXT records (nil: skip DNS).
    let nameserver: (host: String, port: UInt16)?
    private let cache = Mutex<[String: (did: String?, expires: ContinuousClock.Instant)]>([:])

    /// The resolver the handlers share.
    public static let shared = HandleResolver()

    /// A resolver.
    public init(
        ttl: Duration = .seconds(600), negativeTTL: Duration = .seconds(60), capacity: Int = 10_000,
        timeout: TimeInterval = 3, nameserver: (host: String, port: UInt16)?? = nil
    ) {
        // nil: the system's (or PDS_DNS_NAMESERVER's); .some(nil): no DNS lookups.
        self.nameserver = nameserver ?? DNSTXTLookup.nameserver()
        self.ttl = ttl
        self.negativeTTL = negativeTTL
        self.capacity = capacity
        self.timeout = timeout
    }

    /// The DID `handle` (already validated, lower case) claims, or nil.
    public func resolve(_ handle: String) async -> String? {
        let now = ContinuousClock.now
        if let hit = cache.withLock({ $0[handle] }), hit.expires > now { return hit.did }
        var did = await resolveDNS(handle)
        if did == nil { did = await resolveHTTPS(handle) }
        cache.withLock { c in
            if c.count >= capacity { c.removeAll(keepingCapacity: true) }
            c[handle] = (did, now + (did == nil ? negativeTTL : ttl))
        }
        return did
    }

    /// Forgets a cached answer (after this server changed the handle).
    public func forget(_ handle: String) { _ = cache.withLock { $0.removeValue(forKey: handle) } }

    /// `_atproto.<handle>` TXT: the DID of the one `did=` record (none, or several that disagree: nil).
    func resolveDNS(_ handle: String) async -> String? {
        guard let nameserver, let records = await DNSTXTLookup.lookup("_atproto." + handle, server: nameserver, timeout: timeout)
        else { return nil }
        let dids = Set(records.compactMap { r in r.hasPrefix("did=") ? (try? DID(String(r.dropFirst(4))))?.string : nil })
        return dids.count == 1 ? dids.first : nil
    }

    /// `https://<handle>/.well-known/atproto-did`: the first line of the body, if it is a DID.
    func resolveHTTPS(_ handle: String) async -> String? {
        guard let reply = try? await HTTPFetch.send(
            "GET", "https://\(handle)/.well-known/atproto-did", timeout: timeout, maxBytes: 2048),
            reply.status == 200
        else { return nil }
        let text = String(decoding: reply.body, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard line.hasPrefix("did:"), let did = try? DID(line) else { return nil }
        return did.string
    }
}
