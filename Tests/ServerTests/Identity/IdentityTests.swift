// IdentityTests.swift: resolveHandle, updateHandle, the well-known documents and the local PLC directory.
// Book: docs/12-accounts-and-dids.md ("How it is tested").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Synchronization
import Testing

@Suite struct IdentityTests {
    @Test func resolveHandleFindsLocalAccounts() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            let found = try await TestAccounts.get(client, "com.atproto.identity.resolveHandle", query: "handle=Alice.pds.example")
            #expect(found.status == .ok)
            #expect(found.json["did"] == .string(alice.did))
            let missing = try await TestAccounts.get(client, "com.atproto.identity.resolveHandle", query: "handle=nobody.pds.example")
            #expect(missing.status == .badRequest)
            #expect(missing.error == "HandleNotFound")
            let bad = try await TestAccounts.get(client, "com.atproto.identity.resolveHandle", query: "handle=not%20a%20handle")
            #expect(bad.error == "InvalidHandle")
            let absent = try await TestAccounts.get(client, "com.atproto.identity.resolveHandle")
            #expect(absent.error == "InvalidRequest")
        }
    }

    @Test func updateHandleChangesTheDocumentAndEmitsIdentity() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let reply = try await TestAccounts.post(
                client, "com.atproto.identity.updateHandle", ["handle": "alice2.pds.example"],
                auth: TestAccounts.bearer(alice.accessJwt))
            #expect(reply.status == .ok)

            let plc = try await TestAccounts.send(client, "/plc/\(alice.did)", .get)
            let doc = try DIDDocument(json: Array(plc.text.utf8))
            #expect(doc.alsoKnownAs == ["at://alice2.pds.example"])
            let audit = try await TestAccounts.send(client, "/plc/\(alice.did)/log/audit", .get)
            let log = try PLCLog(verifying: try PLCLog.parseAuditLog(json: Array(audit.text.utf8)))
            #expect(log.entries.count == 2)

            let events = try TestAccounts.events(pds).filter { $0.did == alice.did }.map(\.type)
            #expect(events == ["#identity", "#account", "#commit", "#sync", "#identity"])
            let last = try #require(try pds.storage.events(after: 0, limit: 100).last)
            let split = try last.frame.withUnsafeBytes { try DagCBOR.scan($0) }
            #expect(try DagCBOR.decode(Array(last.frame[split...]))["handle"] == "alice2.pds.example")

            #expect(try await pds.control.account(did: alice.did)?.handle == "alice2.pds.example")
            let new = try await TestAccounts.get(client, "com.atproto.identity.resolveHandle", query: "handle=alice2.pds.example")
            #expect(new.json["did"] == .string(alice.did))
            let old = try await TestAccounts.get(client, "com.atproto.identity.resolveHandle", query: "handle=alice.pds.example")
            #expect(old.error == "HandleNotFound")

            // Login by the new handle works.
            let login = try await TestAccounts.post(
                client, "com.atproto.server.createSession",
                ["identifier": "alice2.pds.example", "password": .string(alice.password)])
            #expect(login.status == .ok)
        }
    }

    @Test func updateHandleRefusals() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let bob = try await TestAccounts.create(client, name: "bob01")
            let auth = TestAccounts.bearer(alice.accessJwt)
            for (handle, error) in [
                (bob.handle, "HandleNotAvailable"), ("admin.pds.example", "HandleNotAvailable"),
                ("bad_handle.pds.example", "InvalidHandle"), ("x.pds.example", "InvalidHandle"),
                ("alice.onion", "InvalidHandle"),
            ] {
                let reply = try await TestAccounts.post(client, "com.atproto.identity.updateHandle", ["handle": .string(handle)], auth: auth)
                #expect(reply.status == .badRequest, "\(handle)")
                #expect(reply.error == error, "\(handle)")
            }
            let none = try await TestAccounts.post(client, "com.atproto.identity.updateHandle", ["handle": "alice3.pds.example"])
            #expect(none.error == "AuthMissing")
            // Nothing changed.
            #expect(try await pds.control.account(did: alice.did)?.handle == alice.handle)
            let audit = try await TestAccounts.send(client, "/plc/\(alice.did)/log/audit", .get)
            #expect(try PLCLog.parseAuditLog(json: Array(audit.text.utf8)).count == 1)
        }
    }

    @Test func wellKnownAtprotoDIDByHost() async throws {
        try await TestPDS.with { client, _ in
            let alice = try await TestAccounts.create(client, name: "alice")
            let host = HTTPFields.Element.Name("Host")!
            let hit = try await TestAccounts.send(client, "/.well-known/atproto-did", .get, [host: "alice.pds.example:443"])
            #expect(hit.status == .ok)
            #expect(hit.text == alice.did)
            for other in ["nobody.pds.example", "pds.example", "alice.elsewhere.com", "[::1]"] {
                let miss = try await TestAccounts.send(client, "/.well-known/atproto-did", .get, [host: other])
                #expect(miss.status == .notFound, "\(other)")
            }
        }
    }

    @Test func didJSONIsTheServiceDocument() async throws {
        try await TestPDS.with { client, _ in
            let reply = try await TestAccounts.send(client, "/.well-known/did.json", .get)
            #expect(reply.status == .ok)
            let doc = try DIDDocument(json: Array(reply.text.utf8))
            #expect(doc.id.string == "did:web:pds.example")
            #expect(doc.pdsEndpoint == "https://pds.example")
        }
    }

    @Test func localDirectoryValidatesSubmissions() async throws {
        try await TestPDS.with { client, pds in
            let alice = try await TestAccounts.create(client, name: "alice")
            let did = try DID(alice.did)
            let last = try #require(try await pds.plc.lastOperation(did: did))

            // Signed by a key that is not a rotation key: refused, log unchanged.
            let stranger = AnyPrivateKey.generate(.k256)
            let forged = try SignedPLCOperation.update(after: last, signedBy: stranger) { $0.setHandle("mallory.pds.example") }
            let refused = try await TestAccounts.send(
                client, "/plc/\(alice.did)", .post, [.contentType: "application/json"], ByteBuffer(bytes: forged.json))
            #expect(refused.status == .badRequest)
            #expect(try await pds.plc.local.log(did: did).entries.count == 1)

            // Signed by the server's rotation key: accepted, the document changes.
            let good = try SignedPLCOperation.update(after: last, signedBy: pds.secrets.rotationKey) {
                $0.setPDSEndpoint("https://elsewhere.example")
            }
            let accepted = try await TestAccounts.send(
                client, "/plc/\(alice.did)", .post, [.contentType: "application/json"], ByteBuffer(bytes: good.json))
            #expect(accepted.status == .ok)
            let doc = try await TestAccounts.send(client, "/plc/\(alice.did)", .get)
            #expect(try DIDDocument(json: Array(doc.text.utf8)).pdsEndpoint == "https://elsewhere.example")
            let lastReply = try await TestAccounts.send(client, "/plc/\(alice.did)/log/last", .get)
            #expect(try SignedPLCOperation(json: Array(lastReply.text.utf8)) == good)

            // A replay of the same operation, garbage, and unknown DIDs.
            let replay = try await TestAccounts.send(
                client, "/plc/\(alice.did)", .post, [.contentType: "application/json"], ByteBuffer(bytes: good.json))
            #expect(replay.status == .badRequest)
            let junk = try await TestAccounts.send(client, "/plc/\(alice.did)", .post, [:], ByteBuffer(string: "{]"))
            #expect(junk.status == .badRequest)
            let unknown = try await TestAccounts.send(client, "/plc/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", .get)
            #expect(unknown.status == .notFound)
            let notPLC = try await TestAccounts.send(client, "/plc/did:web:example.com", .get)
            #expect(notPLC.status == .badRequest)

            // A tombstone makes the DID gone.
            let tomb = try SignedPLCOperation.tombstone(after: good, signedBy: pds.secrets.rotationKey)
            let tombReply = try await TestAccounts.send(
                client, "/plc/\(alice.did)", .post, [.contentType: "application/json"], ByteBuffer(bytes: tomb.json))
            #expect(tombReply.status == .ok)
            #expect(try await TestAccounts.send(client, "/plc/\(alice.did)", .get).status == .gone)
        }
    }

    @Test func plcRoutesAreAbsentWithARemoteDirectory() async throws {
        try await TestPDS.with(["PDS_DID_PLC_URL": "http://127.0.0.1:9"]) { client, _ in
            let reply = try await TestAccounts.send(client, "/plc/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", .get)
            #expect(reply.status == .notFound)
            // Creating an account must publish first; an unreachable directory is a 502 and nothing is written.
            let invite = try await TestAccounts.invite(client)
            let create = try await TestAccounts.post(
                client, "com.atproto.server.createAccount",
                ["handle": "alice.pds.example", "email": "a@mail.example.com", "password": "pw-alice-1", "inviteCode": .string(invite)])
            #expect(create.status == .badGateway)
            #expect(create.error == "UpstreamFailure")
        }
    }

    /// With a remote directory, a sign-up that fails after the genesis was published leaves the
    /// DID tombstoned there, not live and pointing at this PDS.
    @Test func aFailedSignUpTombstonesItsPublishedDID() async throws {
        final class Posted: Sendable {
            let ops = Mutex<[(did: String, op: IPLD)]>([])
            let pds = Mutex<PDS?>(nil)
        }
        let posted = Posted()
        let directory = Router()
        directory.post("/{did}") { request, context -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 16)
            let op = try AtprotoJSON.decode(Array(buffer: body))
            let first = posted.ops.withLock { ops in
                ops.append((context.parameters.get("did") ?? "", op))
                return ops.count == 1
            }
            // A racing sign-up takes the handle while the genesis is being published.
            if first, let pds = posted.pds.withLock({ $0 }) {
                try await pds.control.createAccount(
                    NewAccount(did: "did:plc:racerracerracerracerracer", handle: "alice.pds.example", email: nil, passwordHash: nil))
            }
            return .ok
        }
        try await LoopbackService.with(directory) { port in
            try await TestPDS.with(["PDS_DID_PLC_URL": "http://127.0.0.1:\(port)", "PDS_INVITE_REQUIRED": "false"]) { client, pds in
                posted.pds.withLock { $0 = pds }
                let create = try await TestAccounts.post(
                    client, "com.atproto.server.createAccount",
                    ["handle": "alice.pds.example", "email": "a@mail.example.com", "password": "pw-alice-1"])
                #expect(create.status == .badRequest)
                let ops = posted.ops.withLock { $0 }
                #expect(ops.count == 2)
                guard ops.count == 2 else { return }
                #expect(ops[0].did == ops[1].did && ops[0].did.hasPrefix("did:plc:"))
                #expect(ops[0].op["type"] == "plc_operation" && ops[0].op["prev"] == .null)
                #expect(ops[1].op["type"] == "plc_tombstone")
                let genesis = try SignedPLCOperation(json: AtprotoJSON.encode(ops[0].op))
                #expect(ops[1].op["prev"] == .string(genesis.cid.string))
                #expect(try await pds.control.account(handle: "alice.pds.example")?.did == "did:plc:racerracerracerracerracer")
                #expect(try await pds.control.account(did: ops[0].did) == nil)
            }
        }
    }
}
