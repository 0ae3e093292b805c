// RecordTests.swift: com.atproto.repo.* record methods over in-process HTTP, good and bad input.
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct RecordTests {
    static let post: IPLD = ["$type": "app.bsky.feed.post", "text": "hello", "createdAt": "2024-01-01T00:00:00.000Z"]

    @Test func createGetListPutDelete() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let created = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(a.did), "collection": "app.bsky.feed.post", "record": Self.post], headers: a.auth)
            #expect(created.status == .ok)
            let c = try created.json()
            #expect(c["validationStatus"] == "valid")
            let uri = try #require(c["uri"]?.stringValue)
            let rkey = String(uri.split(separator: "/").last!)
            #expect((try? TID(rkey)) != nil)
            #expect(c["commit"]?["rev"]?.stringValue != nil)
            #expect(try await pds.headCID(a.did)?.string == c["commit"]?["cid"]?.stringValue)

            // By handle as well as DID.
            let got = try await client.query(
                "com.atproto.repo.getRecord", "repo=\(a.handle)&collection=app.bsky.feed.post&rkey=\(rkey)")
            #expect(got.status == .ok)
            #expect(try got.json()["value"]?["text"] == "hello")
            #expect(try got.json()["cid"] == c["cid"])

            // put: replace, then the same bytes again is a no-op with no commit.
            var edited = Self.post.mapValue!
            edited["text"] = "edited"
            let put = try await client.procedure(
                "com.atproto.repo.putRecord",
                [
                    "repo": .string(a.did), "collection": "app.bsky.feed.post", "rkey": .string(rkey),
                    "record": .map(edited),
                ],
                headers: a.auth)
            #expect(put.status == .ok)
            #expect(try put.json()["commit"] != nil)
            let head = try await pds.headCID(a.did)
            let again = try await client.procedure(
                "com.atproto.repo.putRecord",
                [
                    "repo": .string(a.did), "collection": "app.bsky.feed.post", "rkey": .string(rkey),
                    "record": .map(edited),
                ],
                headers: a.auth)
            #expect(again.status == .ok)
            #expect(try again.json()["commit"] == nil)
            #expect(try await pds.headCID(a.did) == head)

            // list: newest first, reverse oldest first, cursor pages.
            for i in 0..<4 {
                _ = try await client.procedure(
                    "com.atproto.repo.putRecord",
                    [
                        "repo": .string(a.did), "collection": "com.example.thing", "rkey": .string("k\(i)"),
                        "record": ["n": .int(Int64(i))],
                    ], headers: a.auth)
            }
            let page1 = try await client.query(
                "com.atproto.repo.listRecords", "repo=\(a.did)&collection=com.example.thing&limit=3")
            let recs = try #require(try page1.json()["records"]?.listValue)
            #expect(recs.map { $0["value"]?["n"] } == [3, 2, 1])
            let cursor = try #require(try page1.json()["cursor"]?.stringValue)
            let page2 = try await client.query(
                "com.atproto.repo.listRecords", "repo=\(a.did)&collection=com.example.thing&limit=3&cursor=\(cursor)")
            #expect(try page2.json()["records"]?.listValue?.map { $0["value"]?["n"] } == [0])
            let rev = try await client.query(
                "com.atproto.repo.listRecords", "repo=\(a.did)&collection=com.example.thing&reverse=true")
            #expect(try rev.json()["records"]?.listValue?.map { $0["value"]?["n"] } == [0, 1, 2, 3])
            // Unknown lexicon: written, status unknown, $type filled in.
            let thing = try await client.query(
                "com.atproto.repo.getRecord", "repo=\(a.did)&collection=com.example.thing&rkey=k0")
            #expect(try thing.json()["value"]?["$type"] == "com.example.thing")

            let del = try await client.procedure(
                "com.atproto.repo.deleteRecord",
                ["repo": .string(a.did), "collection": "app.bsky.feed.post", "rkey": .string(rkey)], headers: a.auth)
            #expect(del.status == .ok)
            #expect(try del.json()["commit"] != nil)
            let gone = try await client.query(
                "com.atproto.repo.getRecord", "repo=\(a.did)&collection=app.bsky.feed.post&rkey=\(rkey)")
            #expect(gone.status == .badRequest)
            #expect(gone.errorName == "RecordNotFound")
            // Deleting again: success, no commit.
            let head2 = try await pds.headCID(a.did)
            let del2 = try await client.procedure(
                "com.atproto.repo.deleteRecord",
                ["repo": .string(a.did), "collection": "app.bsky.feed.post", "rkey": .string(rkey)], headers: a.auth)
            #expect(del2.status == .ok)
            #expect(try del2.json()["commit"] == nil)
            #expect(try await pds.headCID(a.did) == head2)

            let described = try await client.query("com.atproto.repo.describeRepo", "repo=\(a.handle)")
            #expect(described.status == .ok)
            let d = try described.json()
            #expect(d["did"] == .string(a.did))
            #expect(d["collections"] == ["com.example.thing"])
            #expect(d["handleIsCorrect"] == true)
            #expect(d["didDoc"]?["id"] == .string(a.did))
        }
    }

    @Test func literalKeyCollectionsGetTheirKey() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let res = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(a.did), "collection": "app.bsky.actor.profile", "record": ["displayName": "A"]],
                headers: a.auth)
            #expect(res.status == .ok)
            #expect(try res.json()["uri"] == .string("at://\(a.did)/app.bsky.actor.profile/self"))
            // A TID key on a literal:self collection, with validation asked for: refused.
            let bad = try await client.procedure(
                "com.atproto.repo.putRecord",
                [
                    "repo": .string(a.did), "collection": "app.bsky.actor.profile", "rkey": "3jzfcijpj2z2a",
                    "validate": true, "record": ["displayName": "A"],
                ], headers: a.auth)
            #expect(bad.status == .badRequest)
        }
    }

    /// Every bad request leaves the repo exactly as it was.
    @Test func badInputsAreRefusedAndWriteNothing() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let b = try await RepoTest.account(pds)
            let before = try await pds.headCID(a.did)
            let create = "com.atproto.repo.createRecord"
            func expectError(
                _ res: TestResponse, _ status: HTTPResponse.Status, _ name: String,
                sourceLocation: SourceLocation = #_sourceLocation
            ) {
                #expect(res.status == status, sourceLocation: sourceLocation)
                #expect(res.errorName == name, sourceLocation: sourceLocation)
            }
            func body(_ extra: [(String, IPLD)]) -> IPLD {
                let start: IPLD = ["repo": .string(a.did), "collection": "app.bsky.feed.post", "record": Self.post]
                var m = start.mapValue!
                for (k, v) in extra { m[k] = v }
                return .map(m)
            }
            expectError(
                try await client.raw(create, Array("{\"repo\": ".utf8), headers: a.auth), .badRequest, "InvalidRequest")
            expectError(
                try await client.raw(create, Array("[1,2]".utf8), headers: a.auth), .badRequest, "InvalidRequest")
            expectError(
                try await client.procedure(create, body([("collection", 5)]), headers: a.auth), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.procedure(create, body([("collection", "not an nsid")]), headers: a.auth), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.procedure(create, body([("rkey", "bad/key")]), headers: a.auth), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.procedure(create, body([("rkey", "..")]), headers: a.auth), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.procedure(create, body([("record", "text")]), headers: a.auth), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.procedure(
                    create, body([("record", ["$type": "app.bsky.feed.like"])]), headers: a.auth), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.procedure(create, body([("validate", "yes")]), headers: a.auth), .badRequest,
                "InvalidRequest")
            // Not the data model: a float, a malformed $link.
            let float = "{\"repo\":\"\(a.did)\",\"collection\":\"com.example.x\",\"record\":{\"n\":1.5}}"
            expectError(try await client.raw(create, Array(float.utf8), headers: a.auth), .badRequest, "InvalidRequest")
            let link =
                "{\"repo\":\"\(a.did)\",\"collection\":\"com.example.x\",\"record\":{\"l\":{\"$link\":\"nope\"}}}"
            expectError(try await client.raw(create, Array(link.utf8), headers: a.auth), .badRequest, "InvalidRequest")
            // Lexicon: validate=true on an invalid post, and on an unknown collection.
            expectError(
                try await client.procedure(
                    create, body([("validate", true), ("record", ["text": 5])]), headers: a.auth), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.procedure(
                    create, body([("validate", true), ("collection", "com.example.x"), ("record", ["a": 1])]),
                    headers: a.auth), .badRequest, "InvalidRequest")
            // Oversized body.
            let big = [UInt8](repeating: UInt8(ascii: " "), count: XRPCMethods.recordLimit + 1)
            expectError(try await client.raw(create, big, headers: a.auth), .contentTooLarge, "PayloadTooLarge")
            // Auth: none, tampered, another user's repo, unknown repo.
            expectError(try await client.procedure(create, body([])), .unauthorized, "AuthMissing")
            expectError(
                try await client.procedure(create, body([]), headers: [.authorization: "Bearer \(a.token)x"]),
                .badRequest, "InvalidToken")
            expectError(
                try await client.procedure(create, body([]), headers: b.auth), .unauthorized, "AuthenticationRequired")
            expectError(
                try await client.procedure(
                    create, body([("repo", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa")]), headers: a.auth), .badRequest,
                "InvalidRequest")
            // Swaps.
            let wrongCommit = CID.dagCBOR([1, 2, 3]).string
            expectError(
                try await client.procedure(create, body([("swapCommit", .string(wrongCommit))]), headers: a.auth),
                .badRequest, "InvalidSwap")
            #expect(try await pds.headCID(a.did) == before)

            // Duplicate create: 400, not the reference's 500; a put with a wrong swapRecord; a put with swapRecord null on an existing key.
            let ok = try await client.procedure(create, body([("rkey", "3jzfcijpj2z2a")]), headers: a.auth)
            #expect(ok.status == .ok)
            let after = try await pds.headCID(a.did)
            expectError(
                try await client.procedure(create, body([("rkey", "3jzfcijpj2z2a")]), headers: a.auth), .badRequest,
                "InvalidRequest")
            var put = body([("rkey", "3jzfcijpj2z2a"), ("swapRecord", .string(wrongCommit))]).mapValue!
            put["record"] = ["$type": "app.bsky.feed.post", "text": "x", "createdAt": "2024-01-01T00:00:00.000Z"]
            expectError(
                try await client.procedure("com.atproto.repo.putRecord", .map(put), headers: a.auth), .badRequest,
                "InvalidSwap")
            put["swapRecord"] = .null
            expectError(
                try await client.procedure("com.atproto.repo.putRecord", .map(put), headers: a.auth), .badRequest,
                "InvalidSwap")
            expectError(
                try await client.procedure(
                    "com.atproto.repo.deleteRecord",
                    [
                        "repo": .string(a.did), "collection": "app.bsky.feed.post", "rkey": "3jzfcijpj2z2a",
                        "swapRecord": .string(wrongCommit),
                    ],
                    headers: a.auth), .badRequest, "InvalidSwap")
            #expect(try await pds.headCID(a.did) == after)
            // Reads with bad parameters.
            expectError(
                try await client.query(
                    "com.atproto.repo.listRecords", "repo=\(a.did)&collection=app.bsky.feed.post&limit=0"), .badRequest,
                "InvalidRequest")
            expectError(
                try await client.query(
                    "com.atproto.repo.listRecords", "repo=\(a.did)&collection=app.bsky.feed.post&limit=101"),
                .badRequest, "InvalidRequest")
            expectError(
                try await client.query("com.atproto.repo.getRecord", "repo=\(a.did)&collection=nope&rkey=a"),
                .badRequest, "InvalidRequest")
            expectError(
                try await client.query("com.atproto.repo.getRecord", "repo=bad!!&collection=a.b.c&rkey=a"), .badRequest,
                "InvalidRequest")
            // The server keeps serving.
            #expect(try await client.query("com.atproto.repo.describeRepo", "repo=\(a.did)").status == .ok)
        }
    }

    @Test func enforceModeRejectsWhatObserveModeLogs() async throws {
        let invalid: IPLD = ["text": 5, "createdAt": "2024-01-01T00:00:00.000Z"]
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let res = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(a.did), "collection": "app.bsky.feed.post", "record": invalid],
                headers: a.auth)
            #expect(res.status == .ok)
            #expect(try res.json()["validationStatus"] == "unknown")
            let skipped = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(a.did), "collection": "app.bsky.feed.post", "record": invalid, "validate": false],
                headers: a.auth)
            #expect(skipped.status == .ok)
        }
        try await TestPDS.with(["PDS_LEXICON_ENFORCE": "true"]) { client, pds in
            let a = try await RepoTest.account(pds)
            let before = try await pds.headCID(a.did)
            let res = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(a.did), "collection": "app.bsky.feed.post", "record": invalid],
                headers: a.auth)
            #expect(res.status == .badRequest)
            #expect(res.errorName == "InvalidRequest")
            #expect(try await pds.headCID(a.did) == before)
        }
    }

    @Test func inactiveAccountsCannotWriteAndAreNotRead() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let b = try await RepoTest.account(pds)
            try await pds.control.setDeactivated(did: a.did, at: Date())
            try await pds.control.setTakedown(did: b.did, ref: "mod-1")
            let body: (RepoAccount) -> IPLD = {
                ["repo": .string($0.did), "collection": "com.example.x", "record": ["a": 1]]
            }
            let ra = try await client.procedure("com.atproto.repo.createRecord", body(a), headers: a.auth)
            #expect(ra.status == .unauthorized)
            #expect(ra.errorName == "AccountDeactivated")
            let rb = try await client.procedure("com.atproto.repo.createRecord", body(b), headers: b.auth)
            #expect(rb.status == .unauthorized)
            #expect(rb.errorName == "AccountTakedown")
            let list = try await client.query("com.atproto.repo.listRecords", "repo=\(a.did)&collection=com.example.x")
            #expect(list.status == .badRequest)
            let described = try await client.query("com.atproto.repo.describeRepo", "repo=\(b.did)")
            #expect(described.errorName == "RepoTakendown")
        }
    }

    /// describeRepo shows the DID document as published, and the handle is correct only when that
    /// document claims it.
    @Test func describeRepoShowsThePublishedDocument() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let first = try await client.query("com.atproto.repo.describeRepo", "repo=\(a.did)").json()
            #expect(first["didDoc"]?["alsoKnownAs"] == .list([.string("at://\(a.handle)")]))
            #expect(first["handleIsCorrect"] == true)
            // The account's handle changed in SQL only: the published document still names the old one.
            try await pds.control.updateHandle(did: a.did, handle: "moved.pds.example")
            let second = try await client.query("com.atproto.repo.describeRepo", "repo=\(a.did)").json()
            #expect(second["handle"] == "moved.pds.example")
            #expect(second["handleIsCorrect"] == false)
        }
    }
}
