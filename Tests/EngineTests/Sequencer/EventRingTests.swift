// EventRingTests.swift: the ring publishes in sequence order whatever order writers finish in.
import Synchronization
import Testing

@testable import Engine

@Suite struct EventRingTests {
    static func frame(_ seq: UInt64, gap: Bool = false) -> SequencedFrame {
        SequencedFrame(seq: seq, millis: 0, bytes: gap ? nil : [UInt8(seq & 0xFF)])
    }

    @Test func headWaitsForEveryLowerNumber() {
        let ring = EventRing(capacity: 8, head: 10)
        #expect(ring.publish(Self.frame(12)) == 10)
        #expect(ring.publish(Self.frame(13)) == 10)
        var out: [SequencedFrame] = []
        #expect(ring.read(after: 10, limit: 100, into: &out) == 10 && out.isEmpty)
        #expect(ring.publish(Self.frame(11)) == 13)
        #expect(ring.read(after: 10, limit: 100, into: &out) == 13)
        #expect(out.map(\.seq) == [11, 12, 13])
    }

    @Test func gapsMoveTheHeadButAreNotRead() {
        let ring = EventRing(capacity: 8, head: 0)
        ring.publish(Self.frame(1))
        ring.publish(Self.frame(2, gap: true))
        ring.publish(Self.frame(3))
        var out: [SequencedFrame] = []
        #expect(ring.read(after: 0, limit: 10, into: &out) == 3)
        #expect(out.map(\.seq) == [1, 3])
    }

    @Test func aReaderThatFellBehindIsToldSo() {
        let ring = EventRing(capacity: 4, head: 0)
        #expect(ring.capacity == 4)
        for seq in UInt64(1)...10 { ring.publish(Self.frame(seq)) }
        var out: [SequencedFrame] = []
        #expect(ring.read(after: 2, limit: 10, into: &out) == nil)
        #expect(out.isEmpty)
        #expect(ring.read(after: 6, limit: 2, into: &out) == 8)
        #expect(out.map(\.seq) == [7, 8])
    }

    /// Writers on several threads take numbers in order but publish in whatever order they finish;
    /// a reader polling the head sees every number exactly once, in order.
    @Test func concurrentWritersPublishInOrder() async {
        // Larger than the run, so the reader (which may be descheduled for a while on a busy
        // machine) never falls behind the ring: this test is about order, not eviction.
        let ring = EventRing(capacity: 1 << 16, head: 0)
        final class Counter: Sendable {
            let value = Mutex<UInt64>(1)
        }
        let next = Counter()
        let total: UInt64 = 40_000
        let reader = Task.detached { () -> [UInt64] in
            var seen: [UInt64] = []
            var cursor: UInt64 = 0
            var out: [SequencedFrame] = []
            while cursor < total {
                out.removeAll(keepingCapacity: true)
                guard let last = ring.read(after: cursor, limit: 256, into: &out) else { return seen + [0] }
                seen += out.map(\.seq)
                cursor = last
                if out.isEmpty { await Task.yield() }
            }
            return seen
        }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while true {
                        let seq = next.value.withLock { n -> UInt64 in
                            defer { n += 1 }
                            return n
                        }
                        guard seq <= total else { return }
                        if seq % 97 == 0 { await Task.yield() }
                        ring.publish(Self.frame(seq, gap: seq % 1000 == 0))
                    }
                }
            }
        }
        let seen = await reader.value
        let expected = (UInt64(1)...total).filter { $0 % 1000 != 0 }
        #expect(ring.head == total)
        let firstDifference = zip(seen, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(seen.count, expected.count)
        #expect(seen == expected, "\(seen.count) events seen; first difference at index \(firstDifference)")
    }
}
