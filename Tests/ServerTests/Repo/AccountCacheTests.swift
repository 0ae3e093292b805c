// AccountCacheTests.swift: cached account rows never hide a change: the next request sees it.
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite struct AccountCacheTests {
    static func create(_ client: any TestClientProtocol, _ a: RepoAccount, _ rkey: String) async throws -> TestResponse {
        try await client.procedure(
            "com.atproto.repo.createRecord",
            ["repo": .string(a.did), "collection": "com.example.x", "rkey": .string(rkey), "record": ["a": 1]], headers: a.auth)
    }

    @Test func statusAndHandleChangesAreSeenAtOnce() async throws {
        try await TestPDS.with { client, pds in
            let a = try await RepoTest.account(pds)
            // Warm the cache by DID and by handle.
            #expect(try await Self.create(client, a, "k1").status == .ok)
            #expect(try await client.query("com.atproto.repo.getRecord", "repo=\(a.handle)&collection=com.example.x&rkey=k1").status == .ok)

            try await pds.control.setTakedown(did: a.did, ref: "mod-1")
            #expect(try await Self.create(client, a, "k2").errorName == "AccountTakedown")
            #expect(try await client.query("com.atproto.repo.getRecord", "repo=\(a.handle)&collection=com.example.x&rkey=k1").status == .badRequest)
            try await pds.control.setTakedown(did: a.did, ref: nil)
            #expect(try await Self.create(client, a, "k2").status == .ok)

            try await pds.control.setDeactivated(did: a.did, at: Date())
            #expect(try await Self.create(client, a, "k3").errorName == "AccountDeactivated")
            try await pds.control.setDeactivated(did: a.did, at: nil)

            try await pds.control.updateHandle(did: a.did, handle: "renamed.pds.example")
            #expect(try await client.query("com.atproto.repo.getRecord", "repo=\(a.handle)&collection=com.example.x&rkey=k1").status == .badRequest)
            #expect(try await client.query("com.atproto.repo.getRecord", "repo=renamed.pds.example&collection=com.example.x&rkey=k1").status == .ok)

            _ = try await pds.control.deleteAccount(did: a.did)
            #expect(try await Self.create(client, a, "k4").errorName == "AccountNotFound")
        }
    }
}
