// EventRing.swift: the lock-free ring of recent frames that every live subscriber reads.
// Book: docs/16-sequencer-and-firehose.md ("The ring").
import Atomics

/// A fixed ring of the most recent events, indexed by `seq mod capacity`.
///
/// Writers (one per commit, many at once, finishing in any order) `publish` their event; `head` is
/// the highest sequence number below which every event is published (or known to be a gap), and
/// it only moves forward. Readers take `head`, then read slots up to it without locks: a slot holds
/// a strong reference to an immutable `SequencedFrame`, swapped atomically, so a reader either gets
/// the event it asked for or sees a higher number (the slot was reused: the reader fell behind).
///
/// Memory ordering: slot stores, slot loads and the `head` compare-exchange are all sequentially
/// consistent. A writer stores its slot, then tries to move `head` over every consecutive published
/// slot. If two writers finish together (seq 7 and 8), at least one of them sees the other's slot:
/// in the single total order of these operations, whichever of "7 stores" and "8 stores" comes
/// second is followed by that writer's own loads, which then see both. So `head` never stalls
/// behind a published event. A reader's load of `head` (sequentially consistent, so an acquire)
/// makes every slot at or below it visible.
///
/// Capacity must exceed the number of events taken but not yet published at any moment (bounded by
/// the number of concurrent writers); a slot is never overwritten before its event is published.
public final class EventRing: Sendable {
    private let slots: [ManagedAtomic<SequencedFrame?>]
    private let mask: UInt64
    private let published: ManagedAtomic<UInt64>

    /// A ring of `capacity` slots (rounded up to a power of two) whose head starts at `head`.
    public init(capacity: Int, head: UInt64) {
        var size = 1
        while size < max(2, capacity) { size <<= 1 }
        slots = (0..<size).map { _ in ManagedAtomic<SequencedFrame?>(nil) }
        mask = UInt64(size - 1)
        published = ManagedAtomic(head)
    }

    /// How many events the ring holds.
    public var capacity: Int { slots.count }

    /// The highest sequence number at or below which every event is published. Sequentially
    /// consistent (it includes acquire): `Sequencer.waitForEvents` relies on it for its wake-up
    /// argument. On x86-64 it is a plain load either way.
    public var head: UInt64 { published.load(ordering: .sequentiallyConsistent) }

    /// Makes `frame` readable and moves `head` as far as the published events allow. Returns the
    /// head after this call's moves (a concurrent writer may have moved it further).
    @discardableResult
    public func publish(_ frame: SequencedFrame) -> UInt64 {
        slots[Int(frame.seq & mask)].store(frame, ordering: .sequentiallyConsistent)
        var head = published.load(ordering: .sequentiallyConsistent)
        while let next = slots[Int((head &+ 1) & mask)].load(ordering: .sequentiallyConsistent), next.seq == head &+ 1 {
            let (moved, found) = published.compareExchange(
                expected: head, desired: head &+ 1, ordering: .sequentiallyConsistent)
            head = moved ? head &+ 1 : found
        }
        return head
    }

    /// Reads the events after `cursor` up to `limit` sequence numbers or the head, appending the
    /// non-gap ones to `out`. Returns the last sequence number read (`cursor` if there was nothing),
    /// or nil if the ring no longer holds `cursor + 1`: the reader must go to the event log. (If
    /// writers overtake the reader mid-read, it returns what it read before the overwritten slot.)
    public func read(after cursor: UInt64, limit: Int, into out: inout [SequencedFrame]) -> UInt64? {
        let head = self.head
        var seq = cursor
        while seq < head, seq - cursor < UInt64(limit) {
            guard let frame = slots[Int((seq + 1) & mask)].load(ordering: .acquiring), frame.seq == seq + 1 else {
                return seq == cursor ? nil : seq
            }
            if frame.bytes != nil { out.append(frame) }
            seq += 1
        }
        return seq
    }
}
