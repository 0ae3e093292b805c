// RocksRepoStorage+Events.swift: the event log in the `events` column family, keyed by sequence number.
// Book: docs/16-sequencer-and-firehose.md ("The event log", "Retention").

extension RocksRepoStorage {
    /// Takes the next sequence number and puts the event, built by `frame`, into `batch` under it.
    ///
    /// The number is taken under a short lock, but the batch is written after the lock is released,
    /// so concurrent commits keep their group commit; batches can therefore land slightly out of
    /// sequence order, and a failed write leaves a gap. The caller hands the result to `written`
    /// once the batch's write returns, which publishes the event (or its gap) in sequence order.
    func addEvent(to batch: RocksWriteBatch, _ frame: (EventStamp) -> [UInt8]) -> (EventStamp, [UInt8]) {
        let (stamp, bytes) = nextSeq.withLock { next in
            let stamp = EventStamp(seq: next, time: .now())
            next += 1
            return (stamp, frame(stamp))
        }
        batch.put(eventsFamily, StorageKey.repo(stamp.seq), Self.eventValue(stamp, bytes))
        return (stamp, bytes)
    }

    /// Publishes an event whose batch write succeeded, or marks its number as a gap.
    func written(_ event: (EventStamp, [UInt8])?, ok: Bool) {
        guard let (stamp, bytes) = event else { return }
        if ok { sequencer.publish(stamp, bytes: bytes) } else { sequencer.skip(stamp) }
    }

    /// Writes a batch that may carry an event, then publishes the event or its gap.
    func write(_ batch: RocksWriteBatch, event: (EventStamp, [UInt8])?) throws(StorageError) {
        do {
            try db.write(batch)
        } catch {
            written(event, ok: false)
            throw error
        }
        written(event, ok: true)
    }

    /// `millis (8 bytes big-endian) ‖ frame`.
    static func eventValue(_ stamp: EventStamp, _ frame: [UInt8]) -> [UInt8] {
        var value: [UInt8] = []
        value.reserveCapacity(8 + frame.count)
        StorageKey.appendID(UInt64(bitPattern: stamp.millis), to: &value)
        value.append(contentsOf: frame)
        return value
    }

    /// Writes a non-commit event at the next sequence number.
    public func appendEvent(_ event: RepoEvent) throws(StorageError) -> UInt64 {
        let batch = RocksWriteBatch()
        let added = addEvent(to: batch) { event.frame(seq: $0.seq, time: $0.time.string) }
        try write(batch, event: added)
        return added.0.seq
    }

    /// Up to `limit` published events after `after`, in sequence order.
    public func events(after: UInt64, limit: Int) throws(StorageError) -> [SequencedFrame] {
        let head = sequencer.head
        guard limit > 0, after < head else { return [] }
        let cursor = db.iterator(eventsFamily, lower: StorageKey.repo(after + 1), upper: StorageKey.repo(head + 1))
        cursor.seek(StorageKey.repo(after + 1))
        var out: [SequencedFrame] = []
        while cursor.isValid, out.count < limit {
            let event = cursor.withKey { key in cursor.withValue { value in Self.decodeEvent(key, value) } }
            guard let event else {
                throw .corruptValue(family: "events", reason: "key is not an 8-byte sequence number or value has no time")
            }
            out.append(event)
            cursor.next()
        }
        try cursor.check()
        return out
    }

    private static func decodeEvent(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> SequencedFrame? {
        guard key.count == 8, let seq = StorageKey.readID(key), let millis = StorageKey.readID(value) else { return nil }
        return SequencedFrame(seq: seq, millis: Int64(bitPattern: millis), bytes: Array(value[8...]))
    }

    /// The highest sequence number handed out.
    public func lastSequence() throws(StorageError) -> UInt64 { nextSeq.withLock { $0 - 1 } }

    /// The oldest event still in the log, or nil if it is empty.
    public func firstEvent() throws(StorageError) -> SequencedFrame? {
        try events(after: 0, limit: 1).first
    }

    /// Deletes every event sequenced before `millis` (but never a number the sequencer has not
    /// published) and returns how many went. The numbering continues after them across reopens:
    /// the highest deleted number is kept in `meta`.
    @discardableResult
    public func trimEvents(before millis: Int64) throws(StorageError) -> Int {
        let head = sequencer.head
        let cursor = db.iterator(eventsFamily, upper: StorageKey.repo(head + 1))
        cursor.seekToFirst()
        var first: UInt64?
        var last: UInt64?
        var count = 0
        while cursor.isValid {
            guard let (seq, at) = cursor.withKey({ key in
                cursor.withValue { value -> (UInt64, Int64)? in
                    guard key.count == 8, let seq = StorageKey.readID(key), let at = StorageKey.readID(value) else { return nil }
                    return (seq, Int64(bitPattern: at))
                }
            }) else { throw .corruptValue(family: "events", reason: "bad event key or value") }
            if at >= millis { break }
            if first == nil { first = seq }
            last = seq
            count += 1
            cursor.next()
        }
        try cursor.check()
        guard let first, let last else { return 0 }
        let batch = RocksWriteBatch()
        batch.deleteRange(eventsFamily, from: StorageKey.repo(first), to: StorageKey.repo(last + 1))
        batch.put(metaFamily, StorageKey.trimmedEvents, StorageKey.repo(last))
        try db.write(batch)
        return count
    }

    /// The next sequence number on open: one past the highest stored or trimmed event.
    static func nextSequence(_ db: RocksDB, events: RocksFamily, meta: RocksFamily) throws(StorageError) -> UInt64 {
        let lastEvent = db.iterator(events)
        lastEvent.seekToLast()
        let last = lastEvent.isValid ? lastEvent.withKey { StorageKey.readID($0) } ?? 0 : 0
        try lastEvent.check()
        var trimmed: UInt64 = 0
        if let stored = try db.get(meta, StorageKey.trimmedEvents) {
            guard stored.count == 8, let value = stored.withUnsafeBytes({ StorageKey.readID($0) }) else {
                throw .corruptValue(family: "meta", reason: "trimmed_events")
            }
            trimmed = value
        }
        return max(last, trimmed) + 1
    }
}
