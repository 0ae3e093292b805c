// ServiceJWTReplayCache.swift: which service tokens were already used, until they expire.
// Book: docs/13-sessions-and-auth.md ("Verifying service tokens").
import Synchronization

/// The service tokens this server has accepted, each kept until its `exp`, so the same token is
/// accepted once. Bounded: when full, lapsed entries are dropped, and if that is not enough the
/// quarter that expires soonest goes (those tokens are the nearest to being refused by `exp`
/// anyway, so a flood of tokens opens the smallest replay window it can).
public final class ServiceJWTReplayCache: Sendable {
    /// The most tokens remembered.
    public let capacity: Int
    private let seen = Mutex<[String: Int64]>([:])

    /// A cache of `capacity` tokens.
    public init(capacity: Int = 50_000) {
        precondition(capacity >= 4, "a replay cache needs room")
        self.capacity = capacity
    }

    /// Records `key` as used until `expires` (seconds); false if it was already used and has not
    /// lapsed.
    public func firstUse(_ key: String, expires: Int64, now: Int64) -> Bool {
        seen.withLock { s in
            if let until = s[key], until >= now { return false }
            if s.count >= capacity {
                s = s.filter { $0.value >= now }
                if s.count >= capacity {
                    for (old, _) in s.sorted(by: { $0.value < $1.value }).prefix(capacity / 4) {
                        s.removeValue(forKey: old)
                    }
                }
            }
            s[key] = expires
            return true
        }
    }

    /// How many tokens are remembered.
    public var count: Int { seen.withLock { $0.count } }
}
