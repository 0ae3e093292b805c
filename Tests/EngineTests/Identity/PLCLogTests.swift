// PLCLogTests.swift: the directory's chain rules: prev, signers, tombstones, forks, limits.
// Book: docs/12-accounts-and-dids.md.
import Testing

@testable import Engine

@Suite struct PLCLogTests {
    typealias S = PLCTestSupport

    @Test func aChainOfUpdatesValidates() throws {
        let recovery = S.key(.p256, 1), server = S.key(.k256, 2)
        var (log, last) = try S.genesisLog(rotation: [recovery, server], signer: 1)
        for (i, handle) in ["b.test", "c.test", "d.test"].enumerated() {
            last = try SignedPLCOperation.update(after: last, signedBy: server) { $0.setHandle(handle) }
            log = try log.apply(op: last, now: S.at(hours: Int64(i + 1)))
        }
        #expect(log.entries.count == 4 && log.operations.count == 4)
        #expect(log.lastOperation == last && log.state?.handle == "d.test")
        #expect(log.document?.handle?.string == "d.test")
        // The audit log round-trips through JSON and verifies by replay.
        let parsed = try PLCLog.parseAuditLog(json: log.auditLogJSON)
        #expect(try PLCLog(verifying: parsed) == log)
        // Rotating keys: the next op must be signed by a key of the new set.
        let fresh = S.key(.k256, 3)
        let rotate = try SignedPLCOperation.update(after: last, signedBy: server) { $0.rotationKeys = [fresh.didKey] }
        log = try log.apply(op: rotate, now: S.at(hours: 10))
        let byOld = try SignedPLCOperation.update(after: rotate, signedBy: server) { $0.setHandle("e.test") }
        #expect(throws: PLCError.badSignature) { try log.apply(op: byOld, now: S.at(hours: 11)) }
        let byNew = try SignedPLCOperation.update(after: rotate, signedBy: fresh) { $0.setHandle("e.test") }
        #expect(try log.apply(op: byNew, now: S.at(hours: 11)).state?.handle == "e.test")
    }

    @Test func genesisMustMatchTheDIDAndBeFirst() throws {
        let k = S.key(.k256, 1)
        let (op, did) = try SignedPLCOperation.genesis(S.body(rotation: [k]), signedBy: k)
        let other = try DID("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(throws: PLCError.genesisMismatch(expected: other.string, derived: did.string)) {
            try PLCLog(did: other).apply(op: op, now: S.at())
        }
        let log = try PLCLog(did: did).apply(op: op, now: S.at())
        #expect(throws: PLCError.misordered("genesis operation for a DID that exists")) {
            try log.apply(op: op, now: S.at(hours: 1))
        }
        let update = try SignedPLCOperation.update(after: op, signedBy: k) { $0.setHandle("x.test") }
        #expect(throws: PLCError.misordered("DID not found: the first operation must be a genesis")) {
            try PLCLog(did: did).apply(op: update, now: S.at())
        }
    }

    @Test func tamperedSignatureFails() throws {
        let k = S.key(.k256, 1)
        let (log, genesis) = try S.genesisLog(rotation: [k])
        var op = try SignedPLCOperation.update(after: genesis, signedBy: k) { $0.setHandle("b.test") }
        guard case .regular(var body) = op.unsigned else { return }
        body.setPDSEndpoint("https://evil.example")
        op.unsigned = .regular(body)
        #expect(throws: PLCError.badSignature) { try log.apply(op: op, now: S.at(hours: 1)) }
        var flipped = try SignedPLCOperation.update(after: genesis, signedBy: k) { $0.setHandle("b.test") }
        var sig = flipped.signatureBytes!
        sig[10] ^= 1
        flipped.sig = Base64URL.encode(sig)
        #expect(throws: PLCError.badSignature) { try log.apply(op: flipped, now: S.at(hours: 1)) }
    }

    @Test func wrongPrevFails() throws {
        let k = S.key(.k256, 1)
        let (log, genesis) = try S.genesisLog(rotation: [k])
        let op = try SignedPLCOperation.update(after: genesis, signedBy: k) { $0.setHandle("b.test") }
        guard case .regular(var body) = op.unsigned else { return }
        body.prev = CID.dagCBOR([0xA0])
        let wrong = UnsignedPLCOperation.regular(body).signed(with: k)
        #expect(throws: PLCError.misordered("prev not found")) { try log.apply(op: wrong, now: S.at(hours: 1)) }
    }

    @Test func nonRotationKeyCannotSign() throws {
        let rotation = S.key(.k256, 1), signing = S.key(.k256, 99)
        let (log, genesis) = try S.genesisLog(rotation: [rotation])
        // The repo signing key is in the document but has no control over it.
        let op = try SignedPLCOperation.update(after: genesis, signedBy: signing) { $0.rotationKeys = [signing.didKey] }
        #expect(throws: PLCError.badSignature) { try log.apply(op: op, now: S.at(hours: 1)) }
        let tomb = try SignedPLCOperation.tombstone(after: genesis, signedBy: signing)
        #expect(throws: PLCError.badSignature) { try log.apply(op: tomb, now: S.at(hours: 1)) }
    }

    @Test func tombstonedDIDAcceptsNothingAfter() throws {
        let k = S.key(.k256, 1)
        var (log, genesis) = try S.genesisLog(rotation: [k])
        let tomb = try SignedPLCOperation.tombstone(after: genesis, signedBy: k)
        log = try log.apply(op: tomb, now: S.at(hours: 1))
        #expect(log.isTombstoned && log.state == nil && log.document == nil)
        // Build an op that names the tombstone as prev by hand: the builder refuses to.
        var body = genesis.unsigned.normalized!
        body.prev = tomb.cid
        let after = UnsignedPLCOperation.regular(body).signed(with: k)
        #expect(throws: PLCError.tombstoned) { try log.apply(op: after, now: S.at(hours: 2)) }
        // The same key can not fork around its own tombstone either: it signed the disputed op.
        let fork = try SignedPLCOperation.update(after: genesis, signedBy: k) { $0.setHandle("z.test") }
        #expect(throws: PLCError.badSignature) { try log.apply(op: fork, now: S.at(hours: 2)) }
    }

    @Test func clockMustMoveForward() throws {
        let k = S.key(.k256, 1)
        let (log, genesis) = try S.genesisLog(rotation: [k])
        let op = try SignedPLCOperation.update(after: genesis, signedBy: k) { $0.setHandle("b.test") }
        #expect(throws: PLCError.misordered("createdAt is not after the latest operation")) {
            try log.apply(op: op, now: S.at())
        }
    }

    @Test func higherKeyForksWithin72Hours() throws {
        let recovery = S.key(.k256, 1), server = S.key(.k256, 2)
        var (log, genesis) = try S.genesisLog(rotation: [recovery, server], signer: 1)
        let hijack = try SignedPLCOperation.update(after: genesis, signedBy: server) { $0.setHandle("evil.test") }
        log = try log.apply(op: hijack, now: S.at(hours: 1))
        let more = try SignedPLCOperation.update(after: hijack, signedBy: server) { $0.setPDSEndpoint("evil.example") }
        log = try log.apply(op: more, now: S.at(hours: 2))

        // The server key can not fork history back: it is not more powerful than itself.
        let bySameKey = try SignedPLCOperation.update(after: genesis, signedBy: server) { $0.setHandle("undo.test") }
        #expect(throws: PLCError.badSignature) { try log.apply(op: bySameKey, now: S.at(hours: 3)) }

        // The recovery key can, until 72 hours after the first op it nullifies (the window is inclusive).
        let recover = try SignedPLCOperation.update(after: genesis, signedBy: recovery) {
            $0.rotationKeys = [recovery.didKey]
        }
        #expect(throws: PLCError.lateRecovery(elapsedMilliseconds: 72 * 3_600_000 + 1000)) {
            try log.apply(op: recover, now: S.at(hours: 73, seconds: 1))
        }
        let accepted = try log.prepare(recover, at: S.at(hours: 73))
        #expect(accepted.nullified == [hijack.cid, more.cid] && accepted.signerIndex == 0)
        log = log.applying(accepted)
        #expect(log.entries.map(\.nullified) == [false, true, true, false])
        #expect(log.operations == [genesis, recover] && log.state?.handle == "alice.test")
        // Building on a nullified op is refused.
        let onNullified = try SignedPLCOperation.update(after: more, signedBy: server) { $0.setHandle("x.test") }
        #expect(throws: PLCError.misordered("prev is nullified")) {
            try log.apply(op: onNullified, now: S.at(hours: 74))
        }
        // Replaying the audit log reproduces the nullified flags; a wrong flag is caught.
        #expect(try PLCLog(verifying: log.entries) == log)
        var lying = log.entries
        lying[1].nullified = false
        #expect(throws: PLCError.auditMismatch("entry 1 nullified flag")) { try PLCLog(verifying: lying) }
    }

    @Test func oversizedFieldsFailWithSpecificErrors() throws {
        let k = S.key(.k256, 1)
        let (log, genesis) = try S.genesisLog(rotation: [k])
        func attempt(_ change: (inout PLCRegularOperation) -> Void) throws -> PLCLog {
            let op = try SignedPLCOperation.update(after: genesis, signedBy: k, change)
            return try log.apply(op: op, now: S.at(hours: 1))
        }
        let long = String(repeating: "a", count: 600)
        #expect(throws: PLCError.fieldTooLong(field: "alsoKnownAs entry", length: 605, limit: 258)) {
            try attempt { $0.alsoKnownAs = ["at://" + long] }
        }
        #expect(throws: PLCError.entryCount(field: "alsoKnownAs", count: 11, allowed: 0...10)) {
            try attempt { $0.alsoKnownAs = (0..<11).map { "at://h\($0).test" } }
        }
        #expect(throws: PLCError.duplicateEntry(field: "alsoKnownAs")) {
            try attempt { $0.alsoKnownAs = ["at://a.test", "at://a.test"] }
        }
        #expect(throws: PLCError.entryCount(field: "rotationKeys", count: 6, allowed: 1...5)) {
            try attempt { $0.rotationKeys = (1...6).map { S.key(.k256, $0).didKey } }
        }
        #expect(throws: PLCError.entryCount(field: "rotationKeys", count: 0, allowed: 1...5)) {
            try attempt { $0.rotationKeys = [] }
        }
        #expect(throws: PLCError.duplicateEntry(field: "rotationKeys")) {
            try attempt { $0.rotationKeys = [k.didKey, k.didKey] }
        }
        #expect(throws: PLCError.invalidKey(field: "rotationKeys")) {
            try attempt { $0.rotationKeys = ["did:key:zNope"] }
        }
        #expect(throws: PLCError.invalidKey(field: "verificationMethods")) {
            try attempt { $0.verificationMethods["atproto"] = "did:web:example.com" }
        }
        #expect(throws: PLCError.fieldTooLong(field: "service endpoint", length: 608, limit: 512)) {
            try attempt { $0.setPDSEndpoint("https://" + long) }
        }
        #expect(throws: PLCError.fieldTooLong(field: "service id", length: 40, limit: 32)) {
            try attempt {
                $0.services[String(repeating: "s", count: 40)] = PLCService(type: "t", endpoint: "https://e")
            }
        }
        #expect(throws: PLCError.entryCount(field: "verificationMethods", count: 11, allowed: 0...10)) {
            try attempt { body in for i in 0..<10 { body.verificationMethods["k\(i)"] = k.didKey } }
        }
        // Whole-op size: ten maximal services, each within its own limits, exceed 4000 bytes together.
        let error = #expect(throws: PLCError.self) {
            try attempt { body in
                for i in 0..<10 {
                    body.services["s\(i)"] = PLCService(
                        type: "t", endpoint: "https://" + String(repeating: "e", count: 500))
                }
            }
        }
        guard case .tooLarge(_, 4000)? = error else {
            Issue.record("expected tooLarge, got \(String(describing: error))"); return
        }
    }

    @Test func rateLimitsSpareRecovery() throws {
        let recovery = S.key(.k256, 1), server = S.key(.k256, 2)
        var (log, last) = try S.genesisLog(rotation: [recovery, server], signer: 1)
        let first = last
        for i in 1...9 {
            last = try SignedPLCOperation.update(after: last, signedBy: server) { $0.setHandle("h\(i).test") }
            log = try log.apply(op: last, now: S.at(seconds: Int64(i)))
        }
        let eleventh = try SignedPLCOperation.update(after: last, signedBy: server) { $0.setHandle("h10.test") }
        #expect(throws: PLCError.rateLimited("10 per hour")) { try log.apply(op: eleventh, now: S.at(seconds: 10)) }
        #expect(try log.apply(op: eleventh, now: S.at(hours: 2)).entries.count == 11)
        let recover = try SignedPLCOperation.update(after: first, signedBy: recovery) { $0.setHandle("back.test") }
        #expect(try log.apply(op: recover, now: S.at(seconds: 11)).operations.count == 2)
    }

    @Test(arguments: PLCInteropFixtures.valid.keys.sorted())
    func interopValidLogVerifies(_ name: String) throws {
        let entries = try PLCLog.parseAuditLog(json: Array(PLCInteropFixtures.valid[name]!.utf8))
        let log = try PLCLog(verifying: entries)
        #expect(log.entries == entries)
        // Re-encoding an audit log keeps every operation's CID.
        let again = try PLCLog.parseAuditLog(json: log.auditLogJSON)
        #expect(again.map(\.cid) == entries.map(\.cid))
    }

    static let invalidExpectations: [String: PLCError] = [
        "log_invalid_nullification_reused_key.json": .badSignature,
        "log_invalid_nullification_too_slow.json": .lateRecovery(elapsedMilliseconds: 72 * 3_600_000 + 1000),
        "log_invalid_sig_b64_newline.json": .invalidSignatureEncoding,
        "log_invalid_sig_b64_padding_bits.json": .invalidSignatureEncoding,
        "log_invalid_sig_b64_padding_chars.json": .invalidSignatureEncoding,
        "log_invalid_sig_der.json": .badSignature,
        "log_invalid_sig_k256_high_s.json": .badSignature,
        "log_invalid_sig_p256_high_s.json": .badSignature,
        "log_invalid_update_nullified.json": .misordered("prev is nullified"),
        "log_invalid_update_tombstoned.json": .tombstoned,
    ]

    @Test(arguments: PLCInteropFixtures.invalid.keys.sorted())
    func interopInvalidLogIsRefused(_ name: String) throws {
        let entries = try PLCLog.parseAuditLog(json: Array(PLCInteropFixtures.invalid[name]!.utf8))
        let expected = try #require(Self.invalidExpectations[name])
        #expect(throws: expected) { try PLCLog(verifying: entries) }
    }
}
