// BenchHTTP.swift: `pds bench http`: drives a running server over loopback HTTP and prints a summary.
// Book: docs/25-performance.md ("Driving the server over HTTP").
import ArgumentParser
import Engine
import Foundation
import Synchronization

extension Bench {
    /// createRecord, getRecord, listRecords and getRepo against a running server.
    struct HTTP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "http",
            abstract: "Load a running server over loopback HTTP: writes, reads and a whole-repo export.",
            discussion: """
                Creates --accounts accounts (with an invite from the admin password), then runs \
                createRecord at each --clients level for --seconds, getRecord and listRecords at the \
                highest level, and getRepo of one account filled to --repo-records records. Give \
                --server-pid to report the server's resident memory around the getRepo phase.
                """)
        @Option(help: "Server base URL (loopback).") var url = "http://127.0.0.1:3000"
        @Option(help: "Admin password (default: $PDS_ADMIN_PASSWORD).") var adminPassword: String?
        @Option(help: "Accounts to create and write into.") var accounts = 100
        @Option(help: "Comma-separated client counts for the createRecord phases.") var clients = "1,16,64"
        @Option(help: "Seconds per phase.") var seconds: Double = 10
        @Option(help: "Records in the account exported with getRepo (0 skips the phase).") var repoRecords = 100_000
        @Option(help: "The server's process id, to report its memory.") var serverPID: Int32?

        func run() throws {
            guard let parsed = URL(string: url), let host = parsed.host, let port = parsed.port.map(UInt16.init) else {
                throw ValidationError("--url must be http://HOST:PORT")
            }
            let levels = clients.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
            guard !levels.isEmpty, accounts > 0, seconds > 0 else { throw ValidationError("nothing to run") }
            let admin = adminPassword ?? ProcessInfo.processInfo.environment["PDS_ADMIN_PASSWORD"] ?? ""
            let bench = HTTPBenchRun(host: host, port: port, admin: admin)
            let users = try bench.createAccounts(accounts)
            var rows: [HTTPBenchRun.Row] = []
            var written: [(did: String, rkey: String)] = []
            for c in levels {
                let (row, refs) = try bench.phase("createRecord", clients: c, seconds: seconds) { worker, i, http in
                    let user = users[(worker + i * c) % users.count]
                    return try bench.createRecord(http, user, serial: "\(c)-\(worker)-\(i)")
                }
                rows.append(row)
                written += refs.compactMap { $0 }
            }
            guard !written.isEmpty else { throw ValidationError("no record was written") }
            let top = levels.max()!
            let sample = written
            rows.append(try bench.phase("getRecord", clients: top, seconds: seconds) { worker, i, http -> Bool? in
                let (did, rkey) = sample[(worker * 7919 + i) % sample.count]
                try bench.expectOK(http.request("GET", "/xrpc/com.atproto.repo.getRecord?repo=\(did)&collection=app.bsky.feed.post&rkey=\(rkey)"))
                return nil
            }.0)
            rows.append(try bench.phase("listRecords", clients: top, seconds: seconds) { worker, i, http -> Bool? in
                let user = users[(worker + i) % users.count]
                try bench.expectOK(http.request("GET", "/xrpc/com.atproto.repo.listRecords?repo=\(user.did)&collection=app.bsky.feed.post&limit=50"))
                return nil
            }.0)
            print("")
            HTTPBenchRun.printTable(rows)
            if repoRecords > 0 { try bench.getRepo(users[0], records: repoRecords, serverPID: serverPID) }
        }
    }
}

/// The state and steps of one `pds bench http` run.
struct HTTPBenchRun: Sendable {
    let host: String
    let port: UInt16
    let admin: String

    struct User: Sendable {
        let did: String
        let access: String
    }

    /// One phase's result.
    struct Row {
        var name: String
        var clients: Int
        var ops: Int
        var errors: Int
        var seconds: Double
        var p50: Double
        var p99: Double
    }

    func expectOK(_ r: LoopbackHTTP.Response) throws {
        guard (200..<300).contains(r.status) else {
            throw ValidationError("HTTP \(r.status): \(String(decoding: r.body.prefix(300), as: UTF8.self))")
        }
    }

    func json(_ r: LoopbackHTTP.Response) throws -> IPLD {
        try expectOK(r)
        return try AtprotoJSON.decode(r.body)
    }

    func post(_ http: LoopbackHTTP, _ nsid: String, _ body: IPLD, auth: String? = nil) throws -> LoopbackHTTP.Response {
        var headers = [("Content-Type", "application/json")]
        if let auth { headers.append(("Authorization", auth)) }
        return try http.request("POST", "/xrpc/\(nsid)", headers: headers, body: AtprotoJSON.encode(body))
    }

    func createAccounts(_ n: Int) throws -> [User] {
        let http = LoopbackHTTP(host: host, port: port)
        let describe = try json(http.request("GET", "/xrpc/com.atproto.server.describeServer"))
        guard case .list(let domains)? = describe["availableUserDomains"], case .string(let domain)? = domains.first else {
            throw ValidationError("describeServer lists no handle domain")
        }
        let credentials = Base64.encode(Array("admin:\(admin)".utf8))
        let basic = "Basic " + credentials + String(repeating: "=", count: (4 - credentials.count % 4) % 4)
        let invite = try json(post(http, "com.atproto.server.createInviteCode", ["useCount": .int(Int64(n))], auth: basic))
        guard case .string(let code)? = invite["code"] else { throw ValidationError("no invite code") }
        let tag = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
        var users: [User] = []
        for i in 0..<n {
            let handle = "b\(tag)x\(i)\(domain)"
            let created = try json(post(http, "com.atproto.server.createAccount", [
                "handle": .string(handle), "email": .string("\(handle)@example.com"), "password": "bench-password",
                "inviteCode": .string(code),
            ]))
            guard case .string(let did)? = created["did"], case .string(let access)? = created["accessJwt"] else {
                throw ValidationError("createAccount answered without did/accessJwt")
            }
            users.append(User(did: did, access: "Bearer " + access))
            FileHandle.standardError.write(Data("\r  accounts: \(i + 1)/\(n)".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
        return users
    }

    /// A post whose text carries `serial`, so every record is a distinct block.
    static func post(_ serial: String) -> IPLD {
        ["$type": "app.bsky.feed.post", "text": .string("benchmark post \(serial), of an ordinary length for a post"),
         "createdAt": "2026-01-01T00:00:00.000Z"]
    }

    func createRecord(_ http: LoopbackHTTP, _ user: User, serial: String) throws -> (did: String, rkey: String)? {
        let r = try json(post(http, "com.atproto.repo.createRecord", [
            "repo": .string(user.did), "collection": "app.bsky.feed.post", "record": Self.post(serial),
        ], auth: user.access))
        guard case .string(let uri)? = r["uri"] else { return nil }
        return (user.did, String(uri.split(separator: "/").last!))
    }

    /// Runs `body` from `clients` threads for `seconds`, timing each call.
    func phase<T: Sendable>(
        _ name: String, clients: Int, seconds: Double,
        _ body: @escaping @Sendable (Int, Int, LoopbackHTTP) throws -> T?
    ) throws -> (Row, [T?]) {
        let done = Atomic<Int>(0)
        let errors = Atomic<Int>(0)
        let deadline = Date().addingTimeInterval(seconds)
        let results = Mutex<(latencies: [Double], values: [T?], firstError: String?)>(([], [], nil))
        let start = Date()
        let monitor = Thread {
            while Date() < deadline {
                Thread.sleep(forTimeInterval: 0.5)
                let n = done.load(ordering: .relaxed)
                let rate = Double(n) / max(Date().timeIntervalSince(start), 0.001)
                FileHandle.standardError.write(Data("\r  \(name) clients=\(clients): \(n) ops, \(Int(rate))/s   ".utf8))
            }
        }
        monitor.start()
        onThreads(clients) { worker in
            let http = LoopbackHTTP(host: host, port: port)
            var latencies: [Double] = []
            var values: [T?] = []
            var i = 0
            var firstError: String? = nil
            while Date() < deadline {
                let t0 = DispatchTime.now().uptimeNanoseconds
                do {
                    let v = try body(worker, i, http)
                    latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                    if v != nil { values.append(v) }
                    done.add(1, ordering: .relaxed)
                } catch {
                    errors.add(1, ordering: .relaxed)
                    if firstError == nil { firstError = "\(error)" }
                }
                i += 1
            }
            results.withLock {
                $0.latencies += latencies
                $0.values += values
                if $0.firstError == nil { $0.firstError = firstError }
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("\n".utf8))
        let (latencies, values, firstError) = results.withLock { ($0.latencies.sorted(), $0.values, $0.firstError) }
        if let firstError { FileHandle.standardError.write(Data("  first error: \(firstError.prefix(300))\n".utf8)) }
        func pct(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        return (
            Row(name: name, clients: clients, ops: latencies.count, errors: errors.load(ordering: .relaxed), seconds: elapsed,
                p50: pct(0.5), p99: pct(0.99)), values
        )
    }

    static func printTable(_ rows: [Row]) {
        print("| phase | clients | ops | errors | ops/s | p50 ms | p99 ms |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for r in rows {
            print(
                "| \(r.name) | \(r.clients) | \(r.ops) | \(r.errors) | \(Int(Double(r.ops) / r.seconds)) | "
                    + String(format: "%.2f | %.2f |", r.p50, r.p99))
        }
    }

    /// Fills one account with `records` posts through applyWrites, then times getRepo.
    func getRepo(_ user: User, records: Int, serverPID: Int32?) throws {
        let http = LoopbackHTTP(host: host, port: port)
        var have = 0
        while have < records {
            let n = min(200, records - have)
            let writes: [IPLD] = (0..<n).map { k in
                ["$type": "com.atproto.repo.applyWrites#create", "collection": "app.bsky.feed.post", "value": Self.post("r\(have + k)")]
            }
            _ = try json(post(http, "com.atproto.repo.applyWrites", ["repo": .string(user.did), "writes": .list(writes)], auth: user.access))
            have += n
            FileHandle.standardError.write(Data("\r  filling repo: \(have)/\(records)".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
        let before = serverPID.flatMap(Self.residentMiB)
        var best = 0.0
        var size = 0
        for _ in 0..<3 {
            let t0 = Date()
            let r = try http.request("GET", "/xrpc/com.atproto.sync.getRepo?did=\(user.did)")
            try expectOK(r)
            let dt = Date().timeIntervalSince(t0)
            size = r.body.count
            best = max(best, Double(size) / dt / 1e6)
        }
        let after = serverPID.flatMap(Self.residentMiB)
        print("getRepo: \(size) bytes (\(records)+ records), best of 3: \(Int(best)) MB/s"
            + (before.map { b in ", server RSS \(Int(b)) MiB before, \(Int(after ?? 0)) MiB after" } ?? ""))
    }

    /// A process's resident set from /proc, in MiB.
    static func residentMiB(_ pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kb / 1024
    }
}
