// SequencerTests.swift: waiting subscribers wake when events are published; retention trims the log.
import Testing

@testable import Engine

@Suite struct SequencerTests {
    @Test func waitersWakeOnPublish() async throws {
        let sequencer = Sequencer(head: 5)
        let waker = Task { await sequencer.runWaker() }
        defer { waker.cancel() }
        let waiter = Task { () -> UInt64 in
            await sequencer.waitForEvents(after: 5)
            return sequencer.head
        }
        try await Task.sleep(for: .milliseconds(20))
        sequencer.publish(EventStamp(seq: 6, time: .now()), bytes: [1])
        #expect(await waiter.value == 6)
        // Already past the cursor: returns at once.
        await sequencer.waitForEvents(after: 5)
        sequencer.close()
        #expect(sequencer.isClosed)
    }

    @Test func cancelledAndClosedWaitsReturn() async throws {
        let sequencer = Sequencer(head: 0)
        let waiter = Task { await sequencer.waitForEvents(after: 0) }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await waiter.value
        let second = Task { await sequencer.waitForEvents(after: 0) }
        try await Task.sleep(for: .milliseconds(20))
        sequencer.close()
        await second.value
        await sequencer.waitForEvents(after: 0)
        #expect(sequencer.head == 0)
    }

    @Test func statsCountSubscribers() {
        let sequencer = Sequencer(head: 3)
        sequencer.subscriberJoined()
        sequencer.subscriberJoined()
        sequencer.subscriberLeft()
        let stats = sequencer.stats()
        #expect(stats.seq == 3 && stats.subscribers == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func trimmingKeepsNumbering(_ kind: StoreKind) throws {
        try kind.with { store in
            let did = "did:plc:trimtrimtrimtrimtrimtrimtr"
            for _ in 0..<5 { _ = try store.appendEvent(.identity(did: did, handle: nil)) }
            #expect(store.sequencer.head == 5)
            #expect(try store.trimEvents(before: 0) == 0)
            #expect(try store.trimEvents(before: Datetime.now().microsecondsSinceEpoch / 1000 + 1) == 5)
            #expect(try store.events(after: 0, limit: 10).isEmpty)
            #expect(try store.firstEvent() == nil)
            #expect(try store.appendEvent(.identity(did: did, handle: nil)) == 6)
            #expect(try store.firstEvent()?.seq == 6)
        }
    }

    /// With every event trimmed, a reopened store still continues the numbering.
    @Test func trimmedNumberingSurvivesReopen() throws {
        try TemporaryDirectory.with { dir in
            let path = dir.sub("db")
            do {
                let store = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
                for _ in 0..<4 { _ = try store.appendEvent(.identity(did: "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", handle: nil)) }
                try store.trimEvents(before: Int64.max)
            }
            let store = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
            #expect(try store.lastSequence() == 4 && store.sequencer.head == 4)
            let event = try store.events(after: 3, limit: 1)
            #expect(event.isEmpty)
        }
    }
}

/// A store written by format 1 (frames without times) loses its event log on open, keeps its
/// numbering, and is format 2 from then on.
@Suite struct EventLogFormatTests {
    @Test func version1LogIsDroppedKeepingNumbering() throws {
        try TemporaryDirectory.with { dir in
            let path = dir.sub("db")
            do {
                let store = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
                for _ in 0..<3 { _ = try store.appendEvent(.identity(did: "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", handle: nil)) }
                let batch = RocksWriteBatch()
                batch.put(store.metaFamily, StorageKey.formatVersion, [1])
                try store.db.write(batch)
            }
            let store = try RocksRepoStorage(options: StoreKind.rocksOptions(path))
            #expect(try store.events(after: 0, limit: 10).isEmpty)
            #expect(try store.lastSequence() == 3)
            #expect(try store.appendEvent(.identity(did: "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", handle: nil)) == 4)
            #expect(try store.db.get(store.metaFamily, StorageKey.formatVersion) == [RocksRepoStorage.formatVersion])
        }
    }
}
