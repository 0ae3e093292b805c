// AccountDeletionTests.swift: deleting an account leaves nothing behind, even with writes racing or a crash mid-way.
// Book: docs/13-sessions-and-auth.md ("Deleting an account").
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

@Suite struct AccountDeletionTests {
    /// What an account left in the stores, to look for after it is deleted.
    struct Traces {
        var account: TestAccount
        var repoID: UInt64
        /// Random text inside one of its records.
        var marker: String
        /// Random bytes of a blob a record uses.
        var blob: [UInt8]
    }

    /// An account with records (one holding `marker`) and a referenced blob, all flushed to table files.
    static func populate(_ client: any TestClientProtocol, _ pds: PDS, name: String) async throws -> Traces {
        let account = try await TestAccounts.create(client, name: name)
        let auth = TestAccounts.bearer(account.accessJwt)
        let marker = "marker-" + Base32.encode(Secrets.randomBytes(25))
        let blob = Secrets.randomBytes(4000)
        let up = try await client.raw(
            "com.atproto.repo.uploadBlob", blob, contentType: "application/octet-stream",
            headers: [.authorization: auth])
        #expect(up.status == .ok)
        let ref = try #require(try up.json()["blob"])
        let records: [(String, IPLD)] = [("a", ["text": .string(marker)]), ("b", ["img": ref]), ("c", ["n": 3])]
        for (rkey, record) in records {
            let put = try await TestAccounts.post(
                client, "com.atproto.repo.putRecord",
                [
                    "repo": .string(account.did), "collection": "com.example.thing", "rkey": .string(rkey),
                    "record": record,
                ], auth: auth)
            #expect(put.status == .ok)
        }
        let storage = pds.storage
        let id = try #require(try storage.repoID(did: account.did))
        try storage.flush()
        return Traces(account: account, repoID: id, marker: marker, blob: blob)
    }

    /// Files under `dir` (but the dev outbox, which holds the mail already sent) containing `needle`.
    static func files(in dir: String, containing needle: [UInt8]) -> [String] {
        let walker = FileManager.default.enumerator(atPath: dir)
        var found: [String] = []
        while let name = walker?.nextObject() as? String {
            let path = dir + "/" + name
            guard !name.hasSuffix("outbox.eml"), let data = FileManager.default.contents(atPath: path) else { continue }
            if data.range(of: Data(needle)) != nil { found.append(name) }
        }
        return found
    }

    /// Mails a deletion token and returns it.
    static func requestToken(_ client: any TestClientProtocol, _ pds: PDS, _ account: TestAccount) async throws
        -> String
    {
        let reply = try await TestAccounts.post(
            client, "com.atproto.server.requestAccountDelete", auth: TestAccounts.bearer(account.accessJwt))
        #expect(reply.status == .ok)
        return try EmailConfirmationTests.lastToken(pds)
    }

    static func delete(_ client: any TestClientProtocol, _ did: String, _ password: String, _ token: String)
        async throws -> XRPCReply
    {
        try await TestAccounts.post(
            client, "com.atproto.server.deleteAccount",
            ["did": .string(did), "password": .string(password), "token": .string(token)])
    }

    /// Everything the deleted account had is gone, from the API and from the disk; `other` is untouched.
    static func expectGone(_ client: any TestClientProtocol, _ pds: PDS, _ gone: Traces, other: Traces) async throws {
        let did = gone.account.did
        let storage = pds.storage
        #expect(try await pds.control.account(did: did) == nil)
        #expect(try await pds.control.signingKey(did: did) == nil)
        #expect(try await pds.control.pendingAccountDeletions().isEmpty)
        #expect(try storage.repoID(did: did) == nil)
        #expect(try storage.keyCount(repoID: gone.repoID) == 0)
        #expect(!FileManager.default.fileExists(atPath: pds.blobStore.root + "/" + did))
        // The log keeps one event about it: the #account that says it was deleted.
        let events = try TestAccounts.events(pds).filter { $0.did == did }
        #expect(events.map(\.type) == ["#account"])
        #expect(try TestAccounts.events(pds).contains { $0.did == other.account.did && $0.type == "#commit" })
        // The DID is tombstoned at the (local) PLC directory.
        #expect(try await pds.plc.local.log(did: DID(did)).isTombstoned)
        // Reads: gone. Login: refused.
        let head = try await TestAccounts.get(client, "com.atproto.sync.getLatestCommit", query: "did=\(did)")
        #expect(head.error == "RepoNotFound")
        let record = try await TestAccounts.get(
            client, "com.atproto.repo.getRecord", query: "repo=\(did)&collection=com.example.thing&rkey=a")
        #expect(record.status == .badRequest)
        let login = try await TestAccounts.post(
            client, "com.atproto.server.createSession",
            ["identifier": .string(gone.account.handle), "password": .string(gone.account.password)])
        #expect(login.status == .unauthorized)
        // The disk: no record text, blob bytes or email address of the account in any file.
        let dir = pds.config.dataDirectory
        #expect(files(in: dir, containing: Array(gone.marker.utf8)) == [])
        #expect(files(in: dir, containing: gone.blob) == [])
        #expect(files(in: dir, containing: Array(gone.account.email.utf8)) == [])
        // The other account's blob is still there.
        #expect(!files(in: dir, containing: other.blob).isEmpty)
        #expect(
            try await TestAccounts.get(client, "com.atproto.sync.getLatestCommit", query: "did=\(other.account.did)")
                .status == .ok)
    }

    @Test func deleteWithPasswordAndMailedToken() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await Self.populate(client, pds, name: "alice")
            let bob = try await Self.populate(client, pds, name: "bob")
            // The traces are on disk before (this is what makes their absence after mean something).
            #expect(!Self.files(in: pds.config.dataDirectory, containing: Array(alice.marker.utf8)).isEmpty)
            #expect(!Self.files(in: pds.config.dataDirectory, containing: Array(alice.account.email.utf8)).isEmpty)

            // Asking needs a full session.
            let session = try await TestAccounts.post(
                client, "com.atproto.server.createAppPassword", ["name": "app"],
                auth: TestAccounts.bearer(alice.account.accessJwt))
            let appPassword = try #require(session.json["password"]?.stringValue)
            let appLogin = try await TestAccounts.post(
                client, "com.atproto.server.createSession",
                ["identifier": .string(alice.account.handle), "password": .string(appPassword)])
            let appAccess = try #require(appLogin.json["accessJwt"]?.stringValue)
            let refusedRequest = try await TestAccounts.post(
                client, "com.atproto.server.requestAccountDelete", auth: TestAccounts.bearer(appAccess))
            #expect(refusedRequest.status == .badRequest || refusedRequest.status == .unauthorized)
            #expect(
                try await TestAccounts.post(client, "com.atproto.server.requestAccountDelete").status == .unauthorized)

            let token = try await Self.requestToken(client, pds, alice.account)
            let did = alice.account.did
            // Wrong password, an app password, another account, a wrong token: refused, nothing deleted.
            #expect(try await Self.delete(client, did, "wrong-password", token).status == .unauthorized)
            #expect(try await Self.delete(client, did, appPassword, token).status == .unauthorized)
            // Bob has the same password: alice's token does not delete him.
            #expect(try await Self.delete(client, bob.account.did, bob.account.password, token).error == "InvalidToken")
            #expect(try await Self.delete(client, "not a did", alice.account.password, token).status == .unauthorized)
            #expect(try await Self.delete(client, did, alice.account.password, "AAAAA-AAAAA").error == "InvalidToken")
            let bad = try await TestAccounts.post(client, "com.atproto.server.deleteAccount", ["did": .string(did)])
            #expect(bad.error == "InvalidRequest")
            #expect(try await pds.control.account(did: did) != nil)

            #expect(try await Self.delete(client, did, alice.account.password, token).status == .ok)
            try await Self.expectGone(client, pds, alice, other: bob)
            // The old session and the token are dead.
            let write = try await TestAccounts.post(
                client, "com.atproto.repo.createRecord",
                ["repo": .string(did), "collection": "com.example.thing", "record": ["n": 1]],
                auth: TestAccounts.bearer(alice.account.accessJwt))
            #expect(write.error == "AccountNotFound")
            #expect(try await Self.delete(client, did, alice.account.password, token).status == .unauthorized)
            let refresh = try await TestAccounts.post(
                client, "com.atproto.server.refreshSession", auth: TestAccounts.bearer(alice.account.refreshJwt))
            #expect(refresh.status != .ok)
        }
    }

    @Test func writesRacingTheDeletionLeaveNothing() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await Self.populate(client, pds, name: "alice")
            let bob = try await Self.populate(client, pds, name: "bob")
            let token = try await Self.requestToken(client, pds, alice.account)
            let auth = TestAccounts.bearer(alice.account.accessJwt)
            let did = alice.account.did
            let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var seen: [HTTPResponse.Status] = []
                        for n in 0..<3_000 {  // until the deletion lands (bounded)
                            let reply = try await TestAccounts.post(
                                client, "com.atproto.repo.createRecord",
                                [
                                    "repo": .string(did), "collection": "com.example.thing",
                                    "record": ["w": .int(Int64(writer)), "n": .int(Int64(n))],
                                ],
                                auth: auth)
                            seen.append(reply.status)
                            if reply.status != .ok { break }
                        }
                        return seen
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(30))
                    #expect(try await Self.delete(client, did, alice.account.password, token).status == .ok)
                    return []
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            // Every write either landed before the deletion or got a clean client error, never a 500.
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .badRequest || $0 == .forbidden })
            #expect(statuses.contains { $0 != .ok })
            try await Self.expectGone(client, pds, alice, other: bob)
        }
    }

    @Test(arguments: AccountDeletion.Step.allCases)
    func aCrashBeforeAnyStepIsFinishedAtTheNextStart(step: AccountDeletion.Step) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pds-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let traces = Traces.Box()
        try await TestPDS.with(dir: dir) { client, pds in
            let alice = try await Self.populate(client, pds, name: "alice")
            let bob = try await Self.populate(client, pds, name: "bob")
            traces.value = (alice, bob)
            #expect(try await AccountDeletion.run(pds, did: alice.account.did, stopBefore: step))
            // Already gone for every request, though the deletion is not finished.
            #expect(try await pds.control.account(did: alice.account.did) == nil)
            #expect(try await pds.control.pendingAccountDeletions().map(\.did) == [alice.account.did])
            let login = try await TestAccounts.post(
                client, "com.atproto.server.createSession",
                ["identifier": .string(alice.account.handle), "password": .string(alice.account.password)])
            #expect(login.status == .unauthorized)
        }
        try await TestPDS.with(dir: dir) { client, pds in
            await AccountDeletion.resumePending(pds)
            let (alice, bob) = try #require(traces.value)
            try await Self.expectGone(client, pds, alice, other: bob)
        }
    }

    @Test func deletingAnUnknownAccountChangesNothing() async throws {
        try await TestPDS.with { _, pds in
            let deleted = try await AccountDeletion.run(pds, did: "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa")
            #expect(!deleted)
            #expect(try await pds.control.pendingAccountDeletions().isEmpty)
        }
    }
}

extension AccountDeletionTests.Traces {
    /// Carries the traces from the first server's closure to the second's.
    final class Box: @unchecked Sendable {
        var value: (AccountDeletionTests.Traces, AccountDeletionTests.Traces)?
    }
}
