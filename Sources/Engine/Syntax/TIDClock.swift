// TIDClock.swift: a thread-safe, strictly increasing source of TIDs for this process. Book: docs/01-atproto.md.

import Synchronization

/// Hands out TIDs that strictly increase within the process, even if the wall clock steps backwards.
public final class TIDClock: Sendable {
    /// The process-wide clock, with a random clock id.
    public static let shared = TIDClock()

    /// The clock id stamped into every TID from this clock.
    public let clockID: UInt16
    private let wallClock: @Sendable () -> UInt64
    private let last: Mutex<UInt64>

    /// Creates a clock; `wallClock` (microseconds since the epoch) defaults to the system real-time clock.
    public init(
        clockID: UInt16 = UInt16.random(in: 0..<TID.clockIDLimit),
        wallClock: (@Sendable () -> UInt64)? = nil
    ) {
        precondition(clockID < TID.clockIDLimit, "TID clock id out of range")
        self.clockID = clockID
        self.wallClock = wallClock ?? { UInt64(clamping: RealtimeClock.microsecondsSinceEpoch()) }
        self.last = Mutex(0)
    }

    /// The next TID: the current time in microseconds, or one past the previous TID if time has not moved on.
    public func next() -> TID {
        let now = wallClock()
        let micros = last.withLock { last in
            // Saturates at the largest TID instead of trapping (only reachable after observing a TID
            // from the far future; the repo layer never feeds stored revisions to the shared clock).
            let value = min(max(now, last &+ 1), TID.microsecondsLimit - 1)
            last = value
            return value
        }
        return TID(microseconds: micros, clockID: clockID)
    }

    /// Makes every later TID from this clock have a larger timestamp than `tid` (e.g. a repo's last revision).
    public func observe(_ tid: TID) {
        let seen = tid.microseconds
        last.withLock { last in last = max(last, seen) }
    }
}
