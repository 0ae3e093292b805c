// RealtimeClock.swift: the wall clock read by TIDClock and Datetime.now(). Book: docs/01-atproto.md.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the real-time (wall) clock without Foundation.
enum RealtimeClock {
    /// Microseconds since the Unix epoch, from `CLOCK_REALTIME`.
    static func microsecondsSinceEpoch() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1_000
    }
}
