// RateLimiter.swift: fixed-window request limits per client and route (PDS_RATE_LIMITS_ENABLED).
// Book: docs/10-xrpc.md ("Rate limits").
import Foundation
import Synchronization

/// A limit: at most `count` calls per `window` seconds.
public struct RateLimit: Sendable, Hashable {
    /// Calls allowed per window.
    public let count: Int
    /// Window length, seconds.
    public let window: Int64

    /// A limit.
    public init(_ count: Int, per window: Int64) {
        self.count = count
        self.window = window
    }

    /// The reference's global limit: 3,000 calls per five minutes per client.
    public static let global = RateLimit(3000, per: 300)
}

/// Counts calls per key in fixed windows. A window's counter resets when the window ends, so a
/// burst at a window boundary can reach twice the limit: the simple trade the reference makes too.
public final class RateLimiter: Sendable {
    private struct Window {
        var start: Int64
        var count: Int
    }

    private let windows = Mutex<[String: Window]>([:])
    /// Keys kept before expired windows are pruned.
    private let pruneAt = 100_000

    /// An empty limiter.
    public init() {}

    /// Counts one call for `key` under `limit` at `now` (seconds); false if over the limit.
    public func allow(_ key: String, _ limit: RateLimit, now: Int64) -> Bool {
        windows.withLock { w in
            // Bounded: prune expired windows when large, and if that is not enough (a flood of
            // distinct clients), start over rather than grow or filter on every call.
            if w.count >= pruneAt {
                w = w.filter { now - $0.value.start < limit.window }
                if w.count >= pruneAt / 2 { w.removeAll(keepingCapacity: true) }
            }
            var entry = w[key] ?? Window(start: now, count: 0)
            if now - entry.start >= limit.window { entry = Window(start: now, count: 0) }
            entry.count += 1
            w[key] = entry
            return entry.count <= limit.count
        }
    }
}
