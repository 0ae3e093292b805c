// SyncTests.swift: com.atproto.sync.* over in-process HTTP, and the 1,000-write export acceptance test.
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct SyncTests {
    /// 1,000 mixed writes over HTTP, then `sync.getRepo` over HTTP: the CAR verifies with the
    /// repo's signing key (signature, MST, every block) and holds every record listRecords returns.
    @Test func thousandMixedWritesExportAndVerify() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let collections = ["com.example.alpha", "com.example.beta", "app.bsky.feed.like"]
            var live: [String: Set<String>] = [:]  // collection → rkeys
            var writes = 0
            var rng = SystemRandomNumberGenerator()
            func record(_ c: String, _ n: Int) -> IPLD {
                c == "app.bsky.feed.like"
                    ? [
                        "subject": [
                            "uri": .string("at://\(a.did)/com.example.alpha/x\(n)"),
                            "cid": .string(CID.dagCBOR([UInt8(n & 0xFF)]).string),
                        ],
                        "createdAt": "2024-01-01T00:00:00.000Z",
                    ]
                    : ["n": .int(Int64(n)), "text": .string("record \(n)")]
            }
            while writes < 1000 {
                let c = collections[Int.random(in: 0..<collections.count, using: &rng)]
                let existing = Array(live[c, default: []])
                let roll = Int.random(in: 0..<10, using: &rng)
                if roll < 4 || existing.isEmpty {
                    let res = try await client.procedure(
                        "com.atproto.repo.createRecord",
                        ["repo": .string(a.did), "collection": .string(c), "record": record(c, writes)],
                        headers: a.auth)
                    #expect(res.status == .ok)
                    let rkey = String(try #require(try res.json()["uri"]?.stringValue).split(separator: "/").last!)
                    live[c, default: []].insert(rkey)
                    writes += 1
                } else if roll < 6 {
                    let rkey = existing.randomElement(using: &rng)!
                    let res = try await client.procedure(
                        "com.atproto.repo.putRecord",
                        [
                            "repo": .string(a.did), "collection": .string(c), "rkey": .string(rkey),
                            "record": record(c, writes),
                        ], headers: a.auth)
                    #expect(res.status == .ok)
                    writes += 1
                } else if roll < 7 {
                    let rkey = existing.randomElement(using: &rng)!
                    let res = try await client.procedure(
                        "com.atproto.repo.deleteRecord",
                        ["repo": .string(a.did), "collection": .string(c), "rkey": .string(rkey)],
                        headers: a.auth)
                    #expect(res.status == .ok)
                    live[c]?.remove(rkey)
                    writes += 1
                } else {
                    // A batch: a few creates, an update and a delete of distinct keys.
                    var batch: [IPLD] = []
                    var created: [String] = []
                    for _ in 0..<3 {
                        let rkey = TIDClock.shared.next().description
                        created.append(rkey)
                        batch.append(
                            [
                                "$type": "com.atproto.repo.applyWrites#create", "collection": .string(c),
                                "rkey": .string(rkey), "value": record(c, writes + batch.count),
                            ])
                    }
                    var deleted: String? = nil
                    if existing.count >= 2 {
                        let two = Array(existing.shuffled(using: &rng).prefix(2))
                        batch.append([
                            "$type": "com.atproto.repo.applyWrites#update", "collection": .string(c),
                            "rkey": .string(two[0]), "value": record(c, writes),
                        ])
                        batch.append([
                            "$type": "com.atproto.repo.applyWrites#delete", "collection": .string(c),
                            "rkey": .string(two[1]),
                        ])
                        deleted = two[1]
                    }
                    let res = try await client.procedure(
                        "com.atproto.repo.applyWrites", ["repo": .string(a.did), "writes": .list(batch)],
                        headers: a.auth)
                    #expect(res.status == .ok)
                    for k in created { live[c, default: []].insert(k) }
                    if let deleted { live[c]?.remove(deleted) }
                    writes += batch.count
                }
            }

            let export = try await client.query("com.atproto.sync.getRepo", "did=\(a.did)")
            #expect(export.status == .ok)
            #expect(export.headers[.contentType] == "application/vnd.ipld.car")
            let verified = try RepoVerifier.verify(car: export.bytes, did: a.did, key: a.key.publicKey)
            let inCAR = Dictionary(uniqueKeysWithValues: verified.records.map { ($0.path, $0.cid) })
            #expect(try await pds.headCID(a.did) == verified.commitCID)

            var listed = 0
            let listedCollections = try await client.query("com.atproto.repo.describeRepo", "repo=\(a.did)").json()[
                "collections"]
            for c in try #require(listedCollections?.listValue).compactMap(\.stringValue) {
                var cursor: String? = nil
                repeat {
                    let res = try await client.query(
                        "com.atproto.repo.listRecords",
                        "repo=\(a.did)&collection=\(c)&limit=100" + (cursor.map { "&cursor=\($0)" } ?? ""))
                    let v = try res.json()
                    let records = try #require(v["records"]?.listValue)
                    for r in records {
                        let uri = try #require(r["uri"]?.stringValue)
                        let path = uri.split(separator: "/").suffix(2).joined(separator: "/")
                        #expect(inCAR[path]?.string == r["cid"]?.stringValue, "\(path) missing from the CAR")
                        listed += 1
                    }
                    cursor = records.isEmpty ? nil : v["cursor"]?.stringValue
                } while cursor != nil
            }
            #expect(listed == verified.records.count)
            #expect(listed == live.values.reduce(0) { $0 + $1.count })
        }
    }

    @Test func sinceExportCompletesAnOlderOne() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            for i in 0..<20 {
                _ = try await client.procedure(
                    "com.atproto.repo.createRecord",
                    ["repo": .string(a.did), "collection": "com.example.x", "record": ["i": .int(Int64(i))]],
                    headers: a.auth)
            }
            let old = try await client.query("com.atproto.sync.getRepo", "did=\(a.did)")
            let rev = try await client.query("com.atproto.sync.getLatestCommit", "did=\(a.did)").json()["rev"]!
                .stringValue!
            for i in 0..<5 {
                _ = try await client.procedure(
                    "com.atproto.repo.createRecord",
                    ["repo": .string(a.did), "collection": "com.example.y", "record": ["i": .int(Int64(i))]],
                    headers: a.auth)
            }
            let diff = try await client.query("com.atproto.sync.getRepo", "did=\(a.did)&since=\(rev)")
            #expect(diff.status == .ok)
            let (header, newBlocks) = try CAR.read(diff.bytes)
            let (_, oldBlocks) = try CAR.read(old.bytes)
            #expect(newBlocks.count < oldBlocks.count)
            var blocks: [CID: [UInt8]] = [:]
            for b in oldBlocks + newBlocks { blocks[b.cid] = b.bytes }
            let verified = try RepoVerifier.verify(
                root: header.roots[0], blocks: blocks, did: a.did, key: a.key.publicKey)
            #expect(verified.records.count == 25)
            // since = current rev: header only.
            let latest = try await client.query("com.atproto.sync.getLatestCommit", "did=\(a.did)").json()
            let none = try await client.query(
                "com.atproto.sync.getRepo", "did=\(a.did)&since=\(latest["rev"]!.stringValue!)")
            #expect(try CAR.read(none.bytes).blocks.isEmpty)
            #expect(latest["cid"]?.stringValue == header.roots[0].string)
        }
    }

    @Test func recordProofsAndBlocks() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            var cids: [String] = []
            for i in 0..<50 {
                let res = try await client.procedure(
                    "com.atproto.repo.putRecord",
                    [
                        "repo": .string(a.did), "collection": "com.example.x", "rkey": .string("r\(i)"),
                        "record": ["i": .int(Int64(i))],
                    ],
                    headers: a.auth)
                cids.append(try res.json()["cid"]!.stringValue!)
            }
            let proof = try await client.query(
                "com.atproto.sync.getRecord", "did=\(a.did)&collection=com.example.x&rkey=r7")
            #expect(proof.status == .ok)
            let (header, blocks) = try CAR.read(proof.bytes)
            #expect(try await pds.headCID(a.did) == header.roots.first)
            #expect(blocks.contains { $0.cid.string == cids[7] })
            #expect(blocks.count >= 3)
            // The proof's blocks are enough to find the record from the signed commit.
            var map: [CID: [UInt8]] = [:]
            for b in blocks { map[b.cid] = b.bytes }
            let commit = try SignedCommit(decoding: map[header.roots[0]]!)
            #expect(commit.verify(with: a.key.publicKey))
            let mst = MST(source: MemoryBlockSource(map), root: commit.unsigned.data)
            #expect(try mst.get("com.example.x/r7")?.string == cids[7])
            // Absent record: a proof of absence, no error.
            let absent = try await client.query(
                "com.atproto.sync.getRecord", "did=\(a.did)&collection=com.example.x&rkey=zzz")
            #expect(absent.status == .ok)
            #expect(try !CAR.read(absent.bytes).blocks.isEmpty)

            let want = [cids[0], cids[1]]
            let got = try await client.query(
                "com.atproto.sync.getBlocks", "did=\(a.did)&cids=\(want[0])&cids=\(want[1])")
            #expect(got.status == .ok)
            let gotBlocks = try CAR.read(got.bytes)
            #expect(gotBlocks.header.roots.isEmpty)
            #expect(Set(gotBlocks.blocks.map(\.cid.string)) == Set(want))
            let missing = try await client.query(
                "com.atproto.sync.getBlocks", "did=\(a.did)&cids=\(want[0])&cids=\(CID.dagCBOR([7, 7]).string)")
            #expect(missing.status == .badRequest)
            #expect(missing.errorName == "BlockNotFound")
            let bad = try await client.query("com.atproto.sync.getBlocks", "did=\(a.did)&cids=nope")
            #expect(bad.errorName == "InvalidRequest")
        }
    }

    @Test func statusListingAndAvailability() async throws {
        try await TestPDS.with { client, pds in
            var accounts: [RepoAccount] = []
            for _ in 0..<5 { accounts.append(try await RepoTest.account(pds)) }
            try await pds.control.setDeactivated(did: accounts[1].did, at: Date())
            try await pds.control.setTakedown(did: accounts[2].did, ref: "mod")

            // listRepos: pages of 2 over 5 repos, in creation order.
            var seen: [IPLD] = []
            var cursor: String? = nil
            repeat {
                let res = try await client.query(
                    "com.atproto.sync.listRepos", "limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(res.status == .ok)
                let v = try res.json()
                seen += v["repos"]?.listValue ?? []
                cursor = v["cursor"]?.stringValue
            } while cursor != nil
            #expect(seen.map { $0["did"]?.stringValue } == accounts.map(\.did))
            #expect(seen[1]["active"] == false)
            #expect(seen[1]["status"] == "deactivated")
            #expect(seen[2]["status"] == "takendown")
            #expect(seen[0]["status"] == nil)
            #expect(seen[0]["head"]?.stringValue == (try await pds.headCID(accounts[0].did))?.string)
            #expect(try await client.query("com.atproto.sync.listRepos", "limit=0").status == .badRequest)
            #expect(try await client.query("com.atproto.sync.listRepos", "cursor=abc").status == .badRequest)

            let s0 = try await client.query("com.atproto.sync.getRepoStatus", "did=\(accounts[0].did)").json()
            #expect(s0["active"] == true)
            #expect(s0["rev"]?.stringValue != nil)
            let s1 = try await client.query("com.atproto.sync.getRepoStatus", "did=\(accounts[1].did)").json()
            #expect(s1["active"] == false)
            #expect(s1["status"] == "deactivated")
            #expect(s1["rev"] == nil)
            let unknown = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
            #expect(
                try await client.query("com.atproto.sync.getRepoStatus", "did=\(unknown)").errorName == "RepoNotFound")
            #expect(try await client.query("com.atproto.sync.getRepoStatus", "did=nope").errorName == "InvalidRequest")

            for nsid in ["getRepo", "getLatestCommit", "listBlobs"] {
                let m = "com.atproto.sync.\(nsid)"
                #expect(try await client.query(m, "did=\(unknown)").errorName == "RepoNotFound")
                #expect(try await client.query(m, "did=\(accounts[1].did)").errorName == "RepoDeactivated")
                #expect(try await client.query(m, "did=\(accounts[2].did)").errorName == "RepoTakendown")
                // The account itself and an admin still see it.
                #expect(try await client.query(m, "did=\(accounts[1].did)", headers: accounts[1].auth).status == .ok)
                let basic = "Basic " + Base64.encode(Array("admin:\(TestPDS.adminPassword)".utf8))
                #expect(
                    try await client.query(m, "did=\(accounts[2].did)", headers: [.authorization: basic]).status == .ok)
            }
            let proof = try await client.query(
                "com.atproto.sync.getRecord", "did=\(accounts[1].did)&collection=a.b.c&rkey=x")
            #expect(proof.errorName == "RepoDeactivated")
        }
    }
}
