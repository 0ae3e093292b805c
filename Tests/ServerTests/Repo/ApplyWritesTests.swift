// ApplyWritesTests.swift: com.atproto.repo.applyWrites: results per write, atomicity, limits.
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct ApplyWritesTests {
    static func create(_ rkey: String, _ n: Int64) -> IPLD {
        [
            "$type": "com.atproto.repo.applyWrites#create", "collection": "com.example.thing", "rkey": .string(rkey),
            "value": ["n": .int(n)],
        ]
    }
    static func update(_ rkey: String, _ n: Int64) -> IPLD {
        [
            "$type": "com.atproto.repo.applyWrites#update", "collection": "com.example.thing", "rkey": .string(rkey),
            "value": ["n": .int(n)],
        ]
    }
    static func delete(_ rkey: String) -> IPLD {
        ["$type": "com.atproto.repo.applyWrites#delete", "collection": "com.example.thing", "rkey": .string(rkey)]
    }

    @Test func mixedBatchIsOneCommitWithResults() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let first = try await client.procedure(
                "com.atproto.repo.applyWrites",
                ["repo": .string(a.did), "writes": [Self.create("a", 1), Self.create("b", 2)]],
                headers: a.auth)
            #expect(first.status == .ok)
            let res = try await client.procedure(
                "com.atproto.repo.applyWrites",
                [
                    "repo": .string(a.did),
                    "writes": [
                        Self.update("a", 10), Self.delete("b"),
                        [
                            "$type": "com.atproto.repo.applyWrites#create", "collection": "com.example.thing",
                            "value": ["n": 3],
                        ],
                    ],
                ], headers: a.auth)
            #expect(res.status == .ok)
            let v = try res.json()
            let results = try #require(v["results"]?.listValue)
            #expect(
                results.map { $0["$type"]?.stringValue } == [
                    "com.atproto.repo.applyWrites#updateResult", "com.atproto.repo.applyWrites#deleteResult",
                    "com.atproto.repo.applyWrites#createResult",
                ])
            #expect(results[0]["validationStatus"] == "unknown")
            #expect(try await pds.headCID(a.did)?.string == v["commit"]?["cid"]?.stringValue)
            let list = try await client.query(
                "com.atproto.repo.listRecords", "repo=\(a.did)&collection=com.example.thing&reverse=true")
            #expect(try list.json()["records"]?.listValue?.count == 2)
        }
    }

    @Test func badBatchesWriteNothing() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            _ = try await client.procedure(
                "com.atproto.repo.applyWrites", ["repo": .string(a.did), "writes": [Self.create("a", 1)]],
                headers: a.auth)
            let before = try await pds.headCID(a.did)
            func check(
                _ writes: [IPLD], _ name: String, extra: [(String, IPLD)] = [],
                sourceLocation: SourceLocation = #_sourceLocation
            ) async throws {
                let start: IPLD = ["repo": .string(a.did), "writes": .list(writes)]
                var body = start.mapValue!
                for (k, v) in extra { body[k] = v }
                let res = try await client.procedure("com.atproto.repo.applyWrites", .map(body), headers: a.auth)
                #expect(res.status == .badRequest, sourceLocation: sourceLocation)
                #expect(res.errorName == name, sourceLocation: sourceLocation)
            }
            try await check((0..<201).map { Self.create("k\($0)", Int64($0)) }, "InvalidRequest")
            try await check([Self.create("b", 2), Self.create("a", 1)], "InvalidRequest")  // a exists
            try await check([Self.create("b", 2), Self.update("zz", 1)], "InvalidRequest")  // update of a missing record
            try await check([Self.create("b", 2), Self.delete("zz")], "InvalidRequest")
            try await check([Self.create("b", 2), ["$type": "com.atproto.repo.applyWrites#nope"]], "InvalidRequest")
            try await check([Self.create("b", 2), Self.create("bad key", 1)], "InvalidRequest")
            try await check([Self.create("b", 2), 5], "InvalidRequest")
            try await check(
                [Self.create("b", 2)], "InvalidSwap", extra: [("swapCommit", .string(CID.dagCBOR([9]).string))])
            #expect(try await pds.headCID(a.did) == before)
            let list = try await client.query(
                "com.atproto.repo.listRecords", "repo=\(a.did)&collection=com.example.thing")
            #expect(try list.json()["records"]?.listValue?.count == 1)
            // 200 is allowed.
            let ok = try await client.procedure(
                "com.atproto.repo.applyWrites",
                ["repo": .string(a.did), "writes": .list((0..<200).map { Self.create("m\($0)", Int64($0)) })],
                headers: a.auth)
            #expect(ok.status == .ok)
        }
    }
}
