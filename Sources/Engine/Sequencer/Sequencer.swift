// Sequencer.swift: publishes written events in sequence order and wakes the subscribers waiting on them.
// Book: docs/16-sequencer-and-firehose.md ("The ring", "Waking subscribers", "Live stats").
import Atomics
import Synchronization

/// The live side of the event log: the ring of recent frames, the subscribers waiting for the
/// next one, and counters for the dashboard.
///
/// Storage calls `publish` (or `skip`, for a number whose write failed) after each event's batch is
/// durable. Subscribers read the ring at their own cursor and call `waitForEvents(after:)` when
/// they have caught up. Waking is batched: `runWaker` resumes every waiting subscriber at most once
/// per `wakeInterval`, so a burst of commits costs each subscriber one wake-up, not one per event.
public final class Sequencer: Sendable {
    /// The recent frames.
    public let ring: EventRing
    /// The minimum time between two rounds of waking subscribers.
    public let wakeInterval: Duration

    private struct Waiters {
        var next: UInt64 = 0
        var parked: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var closed = false
    }
    private let waiters = Mutex(Waiters())
    /// How many subscribers are parked (read without the lock by publishers).
    private let parked = ManagedAtomic<Int>(0)
    /// Set by a publisher when parked subscribers need waking; cleared by the waker.
    private let pending = ManagedAtomic<Bool>(false)
    private let signal: AsyncStream<Void>.Continuation
    private let signals: AsyncStream<Void>
    private let published = ManagedAtomic<UInt64>(0)
    private let subscriberCount = ManagedAtomic<Int>(0)
    private let rate = Mutex(RateSample())

    /// A sequencer whose ring holds `capacity` events and whose head starts at `head` (the last
    /// event already in the log).
    public init(head: UInt64, capacity: Int = 16_384, wakeInterval: Duration = .milliseconds(1)) {
        ring = EventRing(capacity: capacity, head: head)
        self.wakeInterval = wakeInterval
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// The highest sequence number at or below which every event is readable.
    public var head: UInt64 { ring.head }

    /// Makes a durable event readable.
    public func publish(_ stamp: EventStamp, bytes: [UInt8]) {
        ring.publish(SequencedFrame(seq: stamp.seq, millis: stamp.millis, bytes: bytes))
        published.wrappingIncrement(ordering: .relaxed)
        wake()
    }

    /// Marks a sequence number whose write failed as a gap, so later events can become readable.
    public func skip(_ stamp: EventStamp) {
        ring.publish(SequencedFrame(seq: stamp.seq, millis: stamp.millis, bytes: nil))
        wake()
    }

    private func wake() {
        // Sequentially consistent with `waitForEvents`' increment of `parked` and load of the head:
        // either this load sees the subscriber parked, or the subscriber sees the new head.
        guard parked.load(ordering: .sequentiallyConsistent) > 0 else { return }
        if !pending.exchange(true, ordering: .acquiringAndReleasing) { signal.yield() }
    }

    /// Returns once the head is past `cursor`, the task is cancelled, or the sequencer is closed.
    public func waitForEvents(after cursor: UInt64) async {
        if head > cursor { return }
        let id = waiters.withLock { w -> UInt64 in
            w.next += 1
            return w.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = waiters.withLock { w -> Bool in
                    if w.closed || Task.isCancelled { return true }
                    w.parked[id] = continuation
                    parked.wrappingIncrement(ordering: .sequentiallyConsistent)
                    return false
                }
                if resumeNow { return continuation.resume() }
                if ring.head > cursor { resume(id) }
            }
        } onCancel: {
            resume(id)
        }
    }

    private func resume(_ id: UInt64) {
        let continuation = waiters.withLock { w -> CheckedContinuation<Void, Never>? in
            guard let c = w.parked.removeValue(forKey: id) else { return nil }
            parked.wrappingDecrement(ordering: .sequentiallyConsistent)
            return c
        }
        continuation?.resume()
    }

    private func resumeAll() {
        let all = waiters.withLock { w -> [CheckedContinuation<Void, Never>] in
            let all = Array(w.parked.values)
            w.parked.removeAll(keepingCapacity: true)
            parked.wrappingDecrement(by: all.count, ordering: .sequentiallyConsistent)
            return all
        }
        for c in all { c.resume() }
    }

    /// Wakes parked subscribers whenever events are published, at most once per `wakeInterval`,
    /// until `close` is called. Run it for as long as the sequencer is in use.
    public func runWaker() async {
        for await _ in signals {
            pending.store(false, ordering: .sequentiallyConsistent)
            resumeAll()
            try? await Task.sleep(for: wakeInterval)
        }
        resumeAll()
    }

    /// Stops the waker and releases every waiting subscriber; later waits return at once.
    public func close() {
        waiters.withLock { $0.closed = true }
        signal.finish()
        resumeAll()
    }

    /// True once `close` was called.
    public var isClosed: Bool { waiters.withLock { $0.closed } }

    // MARK: - Live stats

    /// Counts a subscriber in (`subscriberJoined`) or out (`subscriberLeft`) of `stats`.
    public func subscriberJoined() { subscriberCount.wrappingIncrement(ordering: .relaxed) }
    /// See `subscriberJoined`.
    public func subscriberLeft() { subscriberCount.wrappingDecrement(ordering: .relaxed) }

    /// What the dashboard shows about the firehose.
    public struct Stats: Sendable, Equatable {
        /// The last readable sequence number.
        public var seq: UInt64
        /// Events published per second, averaged since the previous `stats` call at least a second ago.
        public var eventsPerSecond: Double
        /// Connected firehose subscribers.
        public var subscribers: Int
    }

    private struct RateSample {
        var at: ContinuousClock.Instant = .now
        var count: UInt64 = 0
        var rate: Double = 0
    }

    /// The current figures.
    public func stats() -> Stats {
        let count = published.load(ordering: .relaxed)
        let perSecond = rate.withLock { r -> Double in
            let elapsed = ContinuousClock.now - r.at
            if elapsed >= .seconds(1) {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                r.rate = Double(count &- r.count) / seconds
                r = RateSample(at: .now, count: count, rate: r.rate)
            }
            return r.rate
        }
        return Stats(seq: head, eventsPerSecond: perSecond, subscribers: subscriberCount.load(ordering: .relaxed))
    }
}
