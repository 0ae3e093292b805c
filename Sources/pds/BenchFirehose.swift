// BenchFirehose.swift: `pds bench firehose`: fan-out to many WebSocket subscribers while writers commit.
// Book: docs/25-performance.md ("Firehose fan-out").
import ArgumentParser
import Engine
import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import NIOPosix
import Synchronization

extension Bench {
    /// Subscribers on loopback, writers over HTTP, and a replay of the whole log.
    struct Firehose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "firehose",
            abstract: "Firehose fan-out: N live subscribers while writers commit; then a full replay.",
            discussion: """
                For each --subscribers level, connects that many subscribeRepos WebSockets (no cursor: \
                live), then runs --writers createRecord loops over HTTP for --seconds. Reports events \
                written, events delivered per subscriber per second (lowest and median), latency from \
                the createRecord reply to the frame's arrival at --probes subscribers that decode every \
                frame (the others only count), and the server's CPU and memory with --server-pid. With \
                --replay, one subscriber then reads the whole log from cursor 0 and reports events/s.
                """)
        @Option(help: "Server base URL (loopback).") var url = "http://127.0.0.1:3000"
        @Option(help: "Admin password (default: $PDS_ADMIN_PASSWORD).") var adminPassword: String?
        @Option(help: "Comma-separated subscriber counts.") var subscribers = "1,100,1000"
        @Option(help: "Writer threads (createRecord loops).") var writers = 16
        @Option(help: "Accounts the writers write into.") var accounts = 16
        @Option(help: "Seconds of writing per level.") var seconds: Double = 10
        @Option(help: "Subscribers that decode frames to time them.") var probes = 8
        @Option(help: "The server's process id, to report its CPU and memory.") var serverPID: Int32?
        @Flag(help: "After the levels, replay the whole log from cursor 0 to one subscriber.") var replay = false
        @Flag(help: "Only replay (skip the fan-out levels).") var replayOnly = false

        func run() async throws {
            guard let parsed = URL(string: url), let host = parsed.host, let port = parsed.port.map(UInt16.init) else {
                throw ValidationError("--url must be http://HOST:PORT")
            }
            let levels = subscribers.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
            let ws = "ws://\(host):\(port)/xrpc/com.atproto.sync.subscribeRepos"
            if !replayOnly {
                let admin = adminPassword ?? ProcessInfo.processInfo.environment["PDS_ADMIN_PASSWORD"] ?? ""
                let http = HTTPBenchRun(host: host, port: port, admin: admin)
                let users = try http.createAccounts(accounts)
                var rows: [FanOutRow] = []
                for n in levels {
                    rows.append(try await FanOutRun(ws: ws, http: http, users: users, serverPID: serverPID)
                        .level(subscribers: n, writers: writers, seconds: seconds, probes: probes))
                }
                FanOutRow.print(rows)
            }
            if replay || replayOnly { try await FanOutRun.replay(ws: ws, serverPID: serverPID) }
        }
    }
}

/// One level's figures.
struct FanOutRow {
    var subscribers: Int
    var written: Int
    var seconds: Double
    var minPerSub: Double
    var medianPerSub: Double
    var p50: Double
    var p99: Double
    var serverCPU: Double?
    var serverRSS: Double?
    var benchCPU: Double

    static func print(_ rows: [FanOutRow]) {
        Swift.print("")
        Swift.print("subscribers  written/s  delivered/s per sub (min / median)  latency p50 / p99 ms  server CPU  server RSS  bench CPU")
        for r in rows {
            let cpu = r.serverCPU.map { String(format: "%.0f%%", $0 * 100) } ?? "-"
            let rss = r.serverRSS.map { String(format: "%.0f MiB", $0) } ?? "-"
            Swift.print(String(
                format: "%11d  %9.0f  %14.0f / %-14.0f        %7.1f / %-7.1f   %9@  %10@  %8.0f%%", r.subscribers,
                Double(r.written) / r.seconds, r.minPerSub, r.medianPerSub, r.p50, r.p99, cpu as NSString, rss as NSString,
                r.benchCPU * 100))
        }
    }
}

/// Counters one subscriber updates and the run reads.
final class SubscriberTally: Sendable {
    let frames = Atomic<Int>(0)
    let connected = Atomic<Bool>(false)
}

/// The steps of one fan-out run.
struct FanOutRun: Sendable {
    let ws: String
    let http: HTTPBenchRun
    let users: [HTTPBenchRun.User]
    let serverPID: Int32?

    /// Arrival times of `repo rev` at the probes, and reply times of the writes.
    final class Clocks: Sendable {
        let arrived = Mutex<[String: [ContinuousClock.Instant]]>([:])
        let acked = Mutex<[String: ContinuousClock.Instant]>([:])
    }

    func level(subscribers n: Int, writers: Int, seconds: Double, probes: Int) async throws -> FanOutRow {
        let tallies = (0..<n).map { _ in SubscriberTally() }
        let clocks = Clocks()
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let clients = Task {
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<n {
                    group.addTask { [logger] in
                        _ = try? await WebSocketClient.connect(url: ws, configuration: .init(maxFrameSize: 1 << 22), logger: logger) {
                            inbound, _, _ in
                            let tally = tallies[i]
                            tally.connected.store(true, ordering: .relaxed)
                            for try await frame in inbound {
                                tally.frames.add(1, ordering: .relaxed)
                                if i < probes, let key = Self.commitKey(frame.data) {
                                    let now = ContinuousClock.now
                                    clocks.arrived.withLock { $0[key, default: []].append(now) }
                                }
                            }
                        }
                    }
                }
            }
        }
        defer { clients.cancel() }
        let deadline = ContinuousClock.now + .seconds(60)
        while tallies.contains(where: { !$0.connected.load(ordering: .relaxed) }) {
            guard ContinuousClock.now < deadline else { throw ValidationError("subscribers did not all connect") }
            try await Task.sleep(for: .milliseconds(20))
        }
        FileHandle.standardError.write(Data("  \(n) subscribers connected; writing for \(seconds)s\n".utf8))
        let cpuBefore = serverPID.flatMap(Self.cpuSeconds)
        let ownBefore = Self.cpuSeconds(getpid()) ?? 0
        let started = ContinuousClock.now
        let written = try await writeLoad(writers: writers, seconds: seconds, clocks: clocks)
        let elapsed = ContinuousClock.now - started
        let cpuAfter = serverPID.flatMap(Self.cpuSeconds)
        let ownAfter = Self.cpuSeconds(getpid()) ?? 0
        let rss = serverPID.flatMap(HTTPBenchRun.residentMiB)
        // Let delivery finish: wait until the counts stop moving (at most 20 s).
        var last = -1
        for _ in 0..<40 {
            let total = tallies.reduce(0) { $0 + $1.frames.load(ordering: .relaxed) }
            if total == last { break }
            last = total
            try await Task.sleep(for: .milliseconds(500))
        }
        let window = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perSub = tallies.map { Double($0.frames.load(ordering: .relaxed)) / window }.sorted()
        let acked = clocks.acked.withLock { $0 }
        var latencies: [Double] = []
        for (key, arrivals) in clocks.arrived.withLock({ $0 }) {
            guard let ack = acked[key] else { continue }
            for t in arrivals {
                let d = t - ack
                latencies.append(max(0, Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15))
            }
        }
        latencies.sort()
        func pct(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let cpu = cpuBefore.flatMap { b in cpuAfter.map { ($0 - b) / window } }
        return FanOutRow(
            subscribers: n, written: written, seconds: window, minPerSub: perSub.first ?? 0,
            medianPerSub: perSub[perSub.count / 2], p50: pct(0.5), p99: pct(0.99), serverCPU: cpu, serverRSS: rss,
            benchCPU: (ownAfter - ownBefore) / window)
    }

    /// `repo rev` of a `#commit` frame, or nil.
    static func commitKey(_ buffer: ByteBuffer) -> String? {
        let bytes = Array(buffer: buffer)
        guard let split = try? bytes.withUnsafeBytes({ try DagCBOR.scan($0) }),
            let header = try? DagCBOR.decode(Array(bytes[..<split])), header["t"] == "#commit",
            let body = try? DagCBOR.decode(Array(bytes[split...])),
            let repo = body["repo"]?.stringValue, let rev = body["rev"]?.stringValue
        else { return nil }
        return repo + " " + rev
    }

    /// createRecord from `writers` threads for `seconds`; returns how many succeeded. The writers
    /// block on their sockets, so they get threads of their own: on the concurrency pool they would
    /// starve the subscribers' tasks.
    func writeLoad(writers: Int, seconds: Double, clocks: Clocks) async throws -> Int {
        final class Totals: Sendable {
            let done = Atomic<Int>(0)
            let failure = Mutex<String?>(nil)
        }
        let totals = Totals()
        let stop = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            Thread {
                onThreads(writers) { w in
                    let client = LoopbackHTTP(host: http.host, port: http.port)
                    var n = 0
                    while ContinuousClock.now < stop {
                        let user = users[(w + n * writers) % users.count]
                        do {
                            let r = try http.json(http.post(client, "com.atproto.repo.createRecord", [
                                "repo": .string(user.did), "collection": "app.bsky.feed.post",
                                "record": HTTPBenchRun.post("fanout-\(w)-\(n)"),
                            ], auth: user.access))
                            let now = ContinuousClock.now
                            if let rev = r["commit"]?["rev"]?.stringValue {
                                clocks.acked.withLock { $0[user.did + " " + rev] = now }
                            }
                            n += 1
                        } catch {
                            totals.failure.withLock { $0 = "\(error)" }
                            break
                        }
                    }
                    totals.done.add(n, ordering: .relaxed)
                }
                finished.resume()
            }.start()
        }
        if let failure = totals.failure.withLock({ $0 }) { throw ValidationError("a writer failed: \(failure)") }
        return totals.done.load(ordering: .relaxed)
    }

    /// One subscriber reads the whole log from cursor 0 until it reaches the head it saw first.
    static func replay(ws: String, serverPID: Int32?) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let count = Atomic<Int>(0)
        let bytes = Atomic<Int>(0)
        let started = ContinuousClock.now
        let cpuBefore = serverPID.flatMap(cpuSeconds)
        // The stream never ends by itself: stop once no frame arrived for a second.
        let reader = Task {
            try await WebSocketClient.connect(url: ws + "?cursor=0", configuration: .init(maxFrameSize: 1 << 22), logger: logger) {
                inbound, _, _ in
                for try await frame in inbound {
                    count.add(1, ordering: .relaxed)
                    bytes.add(frame.data.readableBytes, ordering: .relaxed)
                }
            }
        }
        var last = -1
        var lastChange = ContinuousClock.now
        while true {
            try await Task.sleep(for: .milliseconds(200))
            let n = count.load(ordering: .relaxed)
            if n != last {
                last = n
                lastChange = .now
                FileHandle.standardError.write(Data("\r  replayed \(n) events".utf8))
            } else if ContinuousClock.now - lastChange > .seconds(1) {
                break
            }
        }
        reader.cancel()
        let d = lastChange - started
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        let cpu = cpuBefore.flatMap { b in serverPID.flatMap(cpuSeconds).map { ($0 - b) / seconds } }
        print(String(
            format: "\nreplay from cursor 0: %d events, %.1f MB in %.2f s: %.0f events/s, %.0f MB/s%@", last,
            Double(bytes.load(ordering: .relaxed)) / 1e6, seconds, Double(last) / seconds,
            Double(bytes.load(ordering: .relaxed)) / 1e6 / seconds,
            (cpu.map { String(format: ", server CPU %.0f%%", $0 * 100) } ?? "") as NSString))
    }

    /// A process's user + system CPU time from /proc, in seconds.
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based) → 11 and 12 here.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
