// SequencedFrame.swift: one event as the firehose sends it: its number, time and wire bytes.
// Book: docs/16-sequencer-and-firehose.md.
import Atomics

/// An event at its sequence number: immutable once made, shared by the ring and every subscriber.
public final class SequencedFrame: AtomicReference, Sendable {
    /// The event's sequence number.
    public let seq: UInt64
    /// When it was sequenced, in milliseconds since the Unix epoch.
    public let millis: Int64
    /// The wire frame (header + body), or nil for a gap: a number taken by a write that failed.
    public let bytes: [UInt8]?
    /// The transport's ready-to-send form of `bytes` (a WebSocket message with its header), made
    /// by the first subscriber that sends this frame and shared by every other one.
    public let encoding = ManagedAtomicLazyReference<FrameEncoding>()

    /// The frame's bytes (empty for a gap).
    public var frame: [UInt8] { bytes ?? [] }

    /// An event, or a gap when `bytes` is nil.
    public init(seq: UInt64, millis: Int64, bytes: [UInt8]?) {
        self.seq = seq
        self.millis = millis
        self.bytes = bytes
    }
}

/// The number and time an event is written under, handed to the code that builds its frame.
public struct EventStamp: Sendable {
    /// The sequence number.
    public let seq: UInt64
    /// The time, with millisecond precision.
    public let time: Datetime

    /// A stamp.
    public init(seq: UInt64, time: Datetime) {
        self.seq = seq
        self.time = time
    }

    /// Milliseconds since the Unix epoch.
    public var millis: Int64 { time.microsecondsSinceEpoch / 1000 }
}

/// A transport's encoding of a frame, held by `SequencedFrame.encoding`.
public final class FrameEncoding: Sendable {
    /// The encoded form (for the WebSocket endpoint, a `ByteBuffer`).
    public let value: any Sendable

    /// An encoding.
    public init(_ value: any Sendable) { self.value = value }
}
