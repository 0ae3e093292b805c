// WriteRateLimitTests.swift: record writes count against the account's points, per account.
// Book: docs/10-xrpc.md ("Rate limits").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Testing

@Suite struct WriteRateLimitTests {
    @Test func writesSpendPointsPerAccount() async throws {
        try await TestPDS.with(["PDS_RATE_LIMITS_ENABLED": "true"]) { client, pds in
            let a = try await RepoTest.account(pds)
            let b = try await RepoTest.account(pds)
            // Leave `a` room for exactly one more create (3 points) in this hour.
            let used = RateLimit.writesPerHour.count - 3
            #expect(pds.rateLimiter.consume("writes-hour|" + a.did, .writesPerHour, points: used, now: XRPCCall.now()).allowed)
            let body: (RepoAccount, String) -> IPLD = {
                ["repo": .string($0.did), "collection": "com.example.x", "rkey": .string($1), "record": ["a": 1]]
            }
            #expect(try await client.procedure("com.atproto.repo.createRecord", body(a, "k1"), headers: a.auth).status == .ok)
            let refused = try await client.procedure("com.atproto.repo.createRecord", body(a, "k2"), headers: a.auth)
            #expect(refused.status == .tooManyRequests && refused.errorName == "RateLimitExceeded")
            #expect(refused.headers[.init("RateLimit-Policy")!] == "5000;w=3600")
            #expect(try await pds.storage.record(did: a.did, collection: "com.example.x", rkey: "k2") == nil)
            // A batch over the limit is refused whole; another account is not affected.
            let batch = try await client.procedure(
                "com.atproto.repo.applyWrites",
                ["repo": .string(a.did), "writes": [["$type": "com.atproto.repo.applyWrites#delete", "collection": "com.example.x", "rkey": "k1"]]],
                headers: a.auth)
            #expect(batch.status == .tooManyRequests)
            #expect(try await client.procedure("com.atproto.repo.createRecord", body(b, "k1"), headers: b.auth).status == .ok)
        }
    }
}
