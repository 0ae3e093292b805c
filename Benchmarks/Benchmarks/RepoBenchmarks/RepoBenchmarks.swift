// RepoBenchmarks.swift: MST build, single-record updates and change-set cost against repo size.
// Book: docs/25-performance.md ("Repo engine").
import BenchCorpus
import Benchmark
import Engine

/// `n` sorted post keys with record CIDs.
func entries(_ n: Int) -> [(key: [UInt8], value: CID)] {
    var rng = SplitMix(seed: UInt64(n))
    var out: [(key: [UInt8], value: CID)] = []
    out.reserveCapacity(n)
    let clock = TIDClock(clockID: 1, wallClock: { 1_700_000_000_000_000 })
    for i in 0..<n {
        let key = Array("app.bsky.feed.post/\(clock.next())".utf8)
        out.append((key, DagCBOR.encodeWithCID(["i": .int(Int64(i)), "r": .int(Int64(rng.next() >> 1))]).cid))
    }
    return out
}

/// A stored tree of `n` records: its blocks and root.
func storedTree(_ n: Int) -> (MemoryBlockSource, CID) {
    let mst = MST.build(sortedEntries: entries(n))
    var store = MemoryBlockSource()
    for (cid, bytes) in mst.changes().newNodes { store.blocks[cid] = bytes }
    return (store, mst.root)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(4), maxIterations: 100)

    Benchmark("MST bulk build 1M records", configuration: .init(maxIterations: 3)) { b in
        let e = entries(1_000_000)
        b.startMeasurement()
        for _ in b.scaledIterations { blackHole(MST.build(sortedEntries: e).root) }
    }
    Benchmark("MST incremental build 20k records", configuration: .init(maxIterations: 10)) { b in
        let e = entries(20_000)
        b.startMeasurement()
        for _ in b.scaledIterations {
            let mst = MST(emptyWith: MemoryBlockSource())
            for (k, v) in e { try mst.put(k, v) }
            blackHole(mst.changes())
        }
    }
    for n in [1_000, 100_000, 1_000_000] {
        Benchmark("MST single update + change set, \(n) records", configuration: .init(scalingFactor: .kilo)) { b in
            let (store, root) = storedTree(n)
            let keys = entries(n).map(\.key)
            let value = DagCBOR.encodeWithCID(["updated": true]).cid
            var i = 0
            b.startMeasurement()
            for _ in b.scaledIterations {
                let mst = MST(source: store, root: root)
                try mst.put(keys[i % keys.count], value)
                blackHole(mst.changes())
                i &+= 7919
            }
        }
        // As RepoService runs it: decoded nodes shared across commits in an MSTNodeCache.
        Benchmark("MST single update + change set, node cache, \(n) records", configuration: .init(scalingFactor: .kilo)) { b in
            let (store, root) = storedTree(n)
            let keys = entries(n).map(\.key)
            let value = DagCBOR.encodeWithCID(["updated": true]).cid
            let cache = MSTNodeCache()
            var i = 0
            b.startMeasurement()
            for _ in b.scaledIterations {
                let mst = MST(source: store, root: root, cache: cache)
                try mst.put(keys[i % keys.count], value)
                blackHole(mst.changes())
                i &+= 7919
            }
        }
    }
}
