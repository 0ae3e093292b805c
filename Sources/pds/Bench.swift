// Bench.swift: `pds bench`: load generators for measuring this machine. Book: docs/25-performance.md.
import ArgumentParser
import Engine
import Foundation
import Synchronization

/// `pds bench`: measures the engine in-process on this machine.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the engine on this machine.",
        subcommands: [Commits.self, CARMake.self, CARImport.self, CARExport.self, HTTP.self, Firehose.self])

    /// Single-record commits into many RocksDB repos from several writer threads.
    struct Commits: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Single-record commits/s into N repos (RocksDB in a temporary directory).",
            discussion: """
                Each writer thread owns a slice of the repos and writes one record per commit to them \
                in turn (so with one repo, every writer queues on the same repo lock). Repos are \
                created first and pre-filled with --prefill records each; the timed part is \
                --seconds of commits through RepoService: MST update, signature, one WriteBatch.
                """)
        @Option(help: "Number of repos.") var repos: Int = 100
        @Option(help: "Writer threads.") var writers: Int = 4
        @Option(help: "Seconds to run.") var seconds: Double = 5
        @Option(help: "Records put into each repo before timing.") var prefill: Int = 0
        @Flag(inversion: .prefixedNo, help: "fsync the WAL on every commit (group commit across writers).")
        var fsync: Bool = true
        @Option(help: "Data directory (default: a new temporary directory, removed afterwards).") var path: String?

        func run() throws {
            guard repos > 0, writers > 0, seconds > 0 else { throw ValidationError("repos, writers, seconds must be > 0") }
            let dir = path ?? NSTemporaryDirectory() + "pds-bench-\(UUID().uuidString)"
            defer { if path == nil { try? FileManager.default.removeItem(atPath: dir) } }
            let storage = try RocksRepoStorage(options: StorageOptions(path: dir, sync: fsync))
            let service = RepoService(storage: storage)
            let key = AnyPrivateKey.generate(.k256)
            let dids = (0..<repos).map { "did:plc:bench\(String(format: "%019d", $0))" }
            let record = try IPLDMap([
                ("$type", "app.bsky.feed.post"), ("text", "a benchmark post of ordinary length, about sixty bytes"),
                ("createdAt", "2026-01-01T00:00:00.000Z"),
            ])
            let clock = TIDClock.shared
            for did in dids {
                let writes = (0..<prefill).map { _ in
                    RepoWrite.create(collection: "app.bsky.feed.post", rkey: clock.next().description, record: record)
                }
                try service.createRepo(did: did, key: key, writes: writes)
            }
            let total = Atomic<Int>(0)
            let failures = Atomic<Int>(0)
            let deadline = Date().addingTimeInterval(seconds)
            let start = Date()
            onThreads(writers) { w in
                let mine = stride(from: w % repos, to: repos, by: max(1, min(writers, repos))).map { dids[$0] }
                var i = 0
                while Date() < deadline {
                    for _ in 0..<16 {
                        let write = RepoWrite.create(
                            collection: "app.bsky.feed.post", rkey: clock.next().description, record: record)
                        do {
                            try service.write(did: mine[i % mine.count], key: key, [write])
                            total.add(1, ordering: .relaxed)
                        } catch {
                            failures.add(1, ordering: .relaxed)
                        }
                        i += 1
                    }
                }
            }
            let elapsed = Date().timeIntervalSince(start)
            let n = total.load(ordering: .relaxed)
            print(
                "repos=\(repos) writers=\(writers) prefill=\(prefill) fsync=\(fsync) commits=\(n) "
                    + "failures=\(failures.load(ordering: .relaxed)) seconds=\(String(format: "%.2f", elapsed)) "
                    + "commits/s=\(Int(Double(n) / elapsed)) µs/commit=\(String(format: "%.1f", elapsed * 1e6 / Double(max(n, 1))))")
        }
    }
}

/// Runs `body(i)` for `i` in `0..<count` on `count` threads of its own and waits for all of them.
/// (`DispatchQueue.concurrentPerform` would cap the concurrency at the core count, which is not what a
/// load generator's "64 clients" means.)
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for i in 0..<count {
        group.enter()
        let thread = Thread {
            body(i)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}
