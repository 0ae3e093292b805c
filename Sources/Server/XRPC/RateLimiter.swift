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
    /// The reference's repo-write limits per account, in points (a create costs 3, an update 2, a
    /// delete 1): 5,000 an hour and 35,000 a day.
    public static let writesPerHour = RateLimit(5000, per: 3600)
    /// See `writesPerHour`.
    public static let writesPerDay = RateLimit(35_000, per: 86_400)
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
        consume(key, limit, points: 1, now: now).allowed
    }

    /// The outcome of a `consume`: whether it fit, and the figures for `RateLimit-*` headers.
    public struct Decision: Sendable, Equatable {
        /// Whether the points fit in the window.
        public let allowed: Bool
        /// The window's capacity.
        public let limit: RateLimit
        /// Points left in the window (0 when refused).
        public let remaining: Int
        /// When the window ends (seconds since the epoch).
        public let resetAt: Int64

        /// `RateLimit-Limit`, `-Remaining`, `-Reset` and `-Policy`, as the reference sends them.
        public var headers: [(String, String)] {
            [
                ("RateLimit-Limit", "\(limit.count)"), ("RateLimit-Remaining", "\(remaining)"),
                ("RateLimit-Reset", "\(resetAt)"), ("RateLimit-Policy", "\(limit.count);w=\(limit.window)"),
            ]
        }
    }

    /// Counts `points` for `key` under `limit` at `now` (seconds). Points that do not fit are not
    /// counted, so a refused write does not use up the window.
    public func consume(_ key: String, _ limit: RateLimit, points: Int, now: Int64) -> Decision {
        windows.withLock { w in
            // Bounded: prune expired windows when large, and if that is not enough (a flood of
            // distinct clients), start over rather than grow or filter on every call.
            if w.count >= pruneAt {
                w = w.filter { now - $0.value.start < limit.window }
                if w.count >= pruneAt / 2 { w.removeAll(keepingCapacity: true) }
            }
            var entry = w[key] ?? Window(start: now, count: 0)
            if now - entry.start >= limit.window { entry = Window(start: now, count: 0) }
            let allowed = entry.count + points <= limit.count
            if allowed { entry.count += points }
            w[key] = entry
            return Decision(
                allowed: allowed, limit: limit, remaining: allowed ? limit.count - entry.count : 0,
                resetAt: entry.start + limit.window)
        }
    }
}
