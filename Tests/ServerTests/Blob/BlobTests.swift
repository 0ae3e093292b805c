// BlobTests.swift: uploadBlob, blob references in records, getBlob, listBlobs, listMissingBlobs, the sweep.
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct BlobTests {
    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    static func upload(
        _ client: some TestClientProtocol, _ a: RepoAccount, _ bytes: [UInt8], type: String = "application/octet-stream"
    )
        async throws -> TestResponse
    {
        try await client.raw("com.atproto.repo.uploadBlob", bytes, contentType: type, headers: a.auth)
    }

    static func pic(_ a: RepoAccount, rkey: String, blob: IPLD) -> IPLD {
        ["repo": .string(a.did), "collection": "com.example.pic", "rkey": .string(rkey), "record": ["img": blob]]
    }

    @Test func uploadReferenceServeAndList() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let up = try await Self.upload(client, a, Self.png)
            #expect(up.status == .ok)
            let blob = try #require(try up.json()["blob"])
            let cid = CID.raw(Self.png)
            #expect(blob["$type"] == "blob")
            #expect(blob["ref"] == .link(cid))
            #expect(blob["mimeType"] == "image/png")
            #expect(blob["size"] == .int(Int64(Self.png.count)))
            #expect(cid.codec == CID.rawCodec)
            #expect(
                FileManager.default.contents(atPath: pds.blobStore.path(did: a.did, cid: cid)).map(Array.init)
                    == Self.png)
            // Declared type kept when nothing is sniffed.
            let text = try await Self.upload(client, a, Array("plain words".utf8), type: "text/plain; charset=utf-8")
            #expect(try text.json()["blob"]?["mimeType"] == "text/plain")

            // Not served until a record references it.
            let early = try await client.query("com.atproto.sync.getBlob", "did=\(a.did)&cid=\(cid)")
            #expect(early.errorName == "BlobNotFound")
            let res = try await client.procedure(
                "com.atproto.repo.putRecord", Self.pic(a, rkey: "one", blob: blob), headers: a.auth)
            #expect(res.status == .ok)
            let storage = pds.storage
            #expect(try storage.recordBlobs(did: a.did, collection: "com.example.pic", rkey: "one") == [cid])

            let served = try await client.query("com.atproto.sync.getBlob", "did=\(a.did)&cid=\(cid)")
            #expect(served.status == .ok)
            #expect(served.bytes == Self.png)
            #expect(served.headers[.contentType] == "image/png")
            #expect(served.headers[HTTPField.Name("x-content-type-options")!] == "nosniff")
            #expect(served.headers[HTTPField.Name("content-security-policy")!] == "default-src 'none'; sandbox")

            let list = try await client.query("com.atproto.sync.listBlobs", "did=\(a.did)")
            #expect(try list.json()["cids"] == [.string(cid.string)])
            let latest = try await client.query("com.atproto.sync.getLatestCommit", "did=\(a.did)").json()["rev"]!
                .stringValue!
            let since = try await client.query("com.atproto.sync.listBlobs", "did=\(a.did)&since=\(latest)")
            #expect(try since.json()["cids"] == [])
            let missing = try await client.query("com.atproto.repo.listMissingBlobs", "", headers: a.auth)
            #expect(try missing.json()["blobs"] == [])
            #expect(
                try await client.query("com.atproto.sync.getBlob", "did=\(a.did)&cid=nope").errorName
                    == "InvalidRequest")
        }
    }

    @Test func largeBlobStreamsInChunks() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            var bytes = [UInt8](repeating: 0, count: 900_000)
            for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13) }
            let blob = try #require(try await Self.upload(client, a, bytes, type: "video/x-custom").json()["blob"])
            #expect(blob["mimeType"] == "video/x-custom")
            #expect(
                try await client.procedure(
                    "com.atproto.repo.putRecord", Self.pic(a, rkey: "big", blob: blob), headers: a.auth
                ).status == .ok)
            let served = try await client.query("com.atproto.sync.getBlob", "did=\(a.did)&cid=\(CID.raw(bytes))")
            #expect(served.status == .ok)
            #expect(served.bytes == bytes)
        }
    }

    @Test func badReferencesAndUploadsAreRefused() async throws {
        try await TestPDS.with(["PDS_BLOB_UPLOAD_LIMIT": "4000"]) { client, pds in
            let a = try await RepoTest.account(pds)
            let up = try await Self.upload(client, a, Self.png)
            let blob = try #require(try up.json()["blob"]?.mapValue)
            let before = try await pds.headCID(a.did)
            func refused(_ b: IPLDMap, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                let res = try await client.procedure(
                    "com.atproto.repo.putRecord", Self.pic(a, rkey: "x", blob: .map(b)), headers: a.auth)
                #expect(res.status == .badRequest, sourceLocation: sourceLocation)
                #expect(res.errorName == name, sourceLocation: sourceLocation)
            }
            var unknown = blob
            unknown["ref"] = .link(CID.raw([1, 2, 3]))
            try await refused(unknown, "BlobNotFound")
            var mime = blob
            mime["mimeType"] = "image/jpeg"
            try await refused(mime, "InvalidMimeType")
            var size = blob
            size["size"] = 5
            try await refused(size, "InvalidSize")
            // Another account's blob is not this account's.
            let b = try await RepoTest.account(pds)
            let other = try await client.procedure(
                "com.atproto.repo.putRecord", Self.pic(b, rkey: "x", blob: .map(blob)), headers: b.auth)
            #expect(other.errorName == "BlobNotFound")
            #expect(try await pds.headCID(a.did) == before)

            let big = [UInt8](repeating: 7, count: 4001)
            let tooBig = try await Self.upload(client, a, big)
            #expect(tooBig.status == .contentTooLarge)
            #expect(tooBig.errorName == "PayloadTooLarge")
            #expect(!FileManager.default.fileExists(atPath: pds.blobStore.path(did: a.did, cid: CID.raw(big))))
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: pds.blobStore.tmp)) ?? []
            #expect(leftovers.isEmpty)
            let anonymous = try await client.raw("com.atproto.repo.uploadBlob", Self.png, contentType: "image/png")
            #expect(anonymous.errorName == "AuthMissing")
        }
    }

    @Test func sweepDeletesUnreferencedAndDereferencedBlobs() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let kept = try #require(try await Self.upload(client, a, Self.png).json()["blob"])
            let orphanBytes = Self.png + [1]
            _ = try await Self.upload(client, a, orphanBytes)
            let orphan = CID.raw(orphanBytes)
            let keptCID = try #require(kept["ref"]?.linkValue)
            #expect(
                try await client.procedure(
                    "com.atproto.repo.putRecord", Self.pic(a, rkey: "p", blob: kept), headers: a.auth
                ).status == .ok)
            let store = pds.blobStore
            let now = UInt64(Date().timeIntervalSince1970 * 1_000_000)
            #expect(try await pds.sweepBlobs(now: now) == 0)
            #expect(FileManager.default.fileExists(atPath: store.path(did: a.did, cid: orphan)))

            let later = now + BlobStore.graceMicroseconds + 1_000_000
            #expect(try await pds.sweepBlobs(now: later) == 1)
            #expect(!FileManager.default.fileExists(atPath: store.path(did: a.did, cid: orphan)))
            #expect(FileManager.default.fileExists(atPath: store.path(did: a.did, cid: keptCID)))
            #expect(try pds.storage.blob(did: a.did, cid: orphan) == nil)

            // Replacing the record with one without the blob dereferences it: the next sweep deletes it.
            #expect(
                try await client.procedure(
                    "com.atproto.repo.putRecord",
                    ["repo": .string(a.did), "collection": "com.example.pic", "rkey": "p", "record": ["img": 1]],
                    headers: a.auth
                ).status == .ok)
            #expect(try await client.query("com.atproto.sync.listBlobs", "did=\(a.did)").json()["cids"] == [])
            #expect(try await pds.sweepBlobs(now: later + 1) == 1)
            #expect(!FileManager.default.fileExists(atPath: store.path(did: a.did, cid: keptCID)))
            #expect(
                try await client.query("com.atproto.sync.getBlob", "did=\(a.did)&cid=\(keptCID)").errorName
                    == "BlobNotFound")
        }
    }

    @Test func sharedBlobSurvivesUntilItsLastRecordGoes() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            let blob = try #require(try await Self.upload(client, a, Self.png).json()["blob"])
            let cid = try #require(blob["ref"]?.linkValue)
            for k in ["a", "b"] {
                #expect(
                    try await client.procedure(
                        "com.atproto.repo.putRecord", Self.pic(a, rkey: k, blob: blob), headers: a.auth
                    ).status == .ok)
            }
            let far = UInt64(Date().timeIntervalSince1970 * 1_000_000) + 2 * BlobStore.graceMicroseconds
            _ = try await client.procedure(
                "com.atproto.repo.deleteRecord",
                ["repo": .string(a.did), "collection": "com.example.pic", "rkey": "a"], headers: a.auth)
            #expect(try await pds.sweepBlobs(now: far) == 0)
            #expect(try await client.query("com.atproto.sync.getBlob", "did=\(a.did)&cid=\(cid)").status == .ok)
            _ = try await client.procedure(
                "com.atproto.repo.applyWrites",
                [
                    "repo": .string(a.did),
                    "writes": [
                        ["$type": "com.atproto.repo.applyWrites#delete", "collection": "com.example.pic", "rkey": "b"]
                    ],
                ],
                headers: a.auth)
            #expect(try await pds.sweepBlobs(now: far) == 1)
        }
    }

    @Test func missingBlobsAreListed() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            // A record that references a blob never uploaded here, as an imported repo would have.
            let absent = CID.raw([4, 5, 6])
            let value: IPLD = [
                "$type": "com.example.pic",
                "img": ["$type": "blob", "ref": .link(absent), "mimeType": "image/png", "size": 3],
            ]
            let record = value.mapValue!
            let key = a.key
            // A record write that requires its blobs (the XRPC path) is refused inside the commit.
            await #expect(throws: CommitError.storage(.missingBlob(absent))) {
                try await pds.blocking {
                    try pds.repos.write(
                        did: a.did, key: key, [.create(collection: "com.example.pic", rkey: "m", record: record)],
                        requireBlobs: true)
                }
            }
            try await pds.blocking {
                try pds.repos.write(
                    did: a.did, key: key, [.create(collection: "com.example.pic", rkey: "m", record: record)])
            }
            let res = try await client.query("com.atproto.repo.listMissingBlobs", "limit=10", headers: a.auth)
            #expect(res.status == .ok)
            #expect(
                try res.json()["blobs"] == [
                    ["cid": .string(absent.string), "recordUri": .string("at://\(a.did)/com.example.pic/m")]
                ])
            #expect(try await client.query("com.atproto.repo.listMissingBlobs", "").errorName == "AuthMissing")
        }
    }
}
