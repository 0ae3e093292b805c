// TIDTests.swift: TID encoding round trips and the monotonic TID clock. Book: docs/01-atproto.md.

import Dispatch
import Engine
import Synchronization
import Testing

@Suite("TID")
struct TIDTests {
    @Test("string round trip")
    func stringRoundTrip() throws {
        for string in ["3jzfcijpj2z2a", "7777777777777", "3zzzzzzzzzzzz", "2222222222222", "jzzzzzzzzzzzz"] {
            let tid = try TID(string)
            #expect(tid.description == string)
            #expect(try TID(tid.description) == tid)
            #expect(TID(rawValue: tid.rawValue) == tid)
            if tid.microseconds < TID.microsecondsLimit {
                #expect(TID(microseconds: tid.microseconds, clockID: tid.clockID) == tid)
            }
        }
    }

    @Test("parts round trip")
    func partsRoundTrip() throws {
        let cases: [(UInt64, UInt16)] = [(0, 0), (1, 1), (1_700_000_000_000_000, 1023), ((1 << 53) - 1, 512)]
        for (micros, clock) in cases {
            let tid = TID(microseconds: micros, clockID: clock)
            #expect(tid.microseconds == micros)
            #expect(tid.clockID == clock)
            #expect(tid.description.utf8.count == 13)
            #expect(try TID(tid.description) == tid)
        }
        #expect(TID(microseconds: 0, clockID: 0).description == "2222222222222")
        #expect(TID(microseconds: 0, clockID: 1).description == "2222222222223")
        #expect(TID(microseconds: 1, clockID: 0).description == "2222222222322")
    }

    @Test("string order is value order")
    func ordering() {
        var generator = SystemRandomNumberGenerator()
        let tids = (0..<500).map { _ in
            TID(microseconds: generator.next() >> 11, clockID: UInt16(generator.next() % 1024))
        }
        #expect(tids.sorted().map(\.description) == tids.map(\.description).sorted())
    }

    @Test("clock is strictly increasing across threads")
    func clockConcurrent() {
        let clock = TIDClock()
        let threads = 4
        let perThread = 5_000
        let results = Mutex<[[TID]]>(Array(repeating: [], count: threads))
        DispatchQueue.concurrentPerform(iterations: threads) { index in
            var mine: [TID] = []
            mine.reserveCapacity(perThread)
            for _ in 0..<perThread { mine.append(clock.next()) }
            results.withLock { $0[index] = mine }
        }
        let all = results.withLock { $0 }
        for sequence in all {
            #expect(sequence.count == perThread)
            #expect(zip(sequence, sequence.dropFirst()).allSatisfy { $0 < $1 })
            #expect(sequence.allSatisfy { $0.clockID == clock.clockID })
        }
        #expect(Set(all.joined()).count == threads * perThread)
    }

    @Test("clock keeps increasing when the wall clock goes backwards")
    func clockBackwards() {
        let readings = Mutex<[UInt64]>([5_000, 5_000, 4_000, 1_000, 9_000, 8_999])
        let clock = TIDClock(clockID: 7) { readings.withLock { $0.removeFirst() } }
        let tids = (0..<6).map { _ in clock.next() }
        #expect(tids.map(\.microseconds) == [5_000, 5_001, 5_002, 5_003, 9_000, 9_001])
        #expect(tids.allSatisfy { $0.clockID == 7 })
    }

    @Test("clock moves past an observed TID")
    func clockObserve() {
        let clock = TIDClock(clockID: 1) { 100 }
        clock.observe(TID(microseconds: 1_000, clockID: 3))
        #expect(clock.next().microseconds == 1_001)
        #expect(clock.next().microseconds == 1_002)
    }

    @Test("shared clock tracks the wall clock")
    func sharedClock() throws {
        let tid = TIDClock.shared.next()
        let now = Datetime.now().microsecondsSinceEpoch
        #expect(abs(Int64(tid.microseconds) - now) < 60_000_000)
        #expect(tid.clockID < 1024)
        #expect(try TID(tid.description) == tid)
    }
}

/// A hostile revision from the far future must not be able to trap the clock.
@Suite struct TIDClockSaturationTests {
    @Test func observingTheLargestTIDThenTakingMoreDoesNotTrap() throws {
        let clock = TIDClock(clockID: 1, wallClock: { 1_700_000_000_000_000 })
        let far = try TID("jzzzzzzzzzzzz")
        clock.observe(far)
        let a = clock.next(), b = clock.next()
        #expect(a.microseconds == TID.microsecondsLimit - 1)
        #expect(b.microseconds == TID.microsecondsLimit - 1)
        #expect(try TID(a.description) == a)
    }
}
