// PLCHostileInputTests.swift: malformed and oversized operations give typed errors, never a crash.
// Book: docs/12-accounts-and-dids.md.
import Testing

@testable import Engine

@Suite struct PLCHostileInputTests {
    typealias S = PLCTestSupport

    /// A valid signed operation's JSON object, to be broken one field at a time.
    static func validObject() throws -> IPLDMap {
        let k = S.key(.k256, 1)
        let (op, _) = try SignedPLCOperation.genesis(S.body(rotation: [k]), signedBy: k)
        return op.ipld
    }

    static func parse(_ m: IPLDMap) throws(PLCError) -> SignedPLCOperation {
        try SignedPLCOperation(json: AtprotoJSON.encode(.map(m)))
    }

    @Test func wrongTypesAreMalformed() throws {
        let good = try Self.validObject()
        let cases: [(String, IPLD?)] = [
            ("rotationKeys", "did:key:zQ3sh"), ("rotationKeys", [1]), ("verificationMethods", ["a"]),
            ("verificationMethods", ["atproto": 5]), ("alsoKnownAs", nil), ("services", ["atproto_pds": "https://x"]),
            ("services", ["atproto_pds": ["type": "t", "endpoint": "e", "extra": "x"]]), ("prev", 0),
            ("prev", "bafy-not-a-cid"), ("sig", 12), ("sig", nil), ("type", "plc_other"), ("type", nil),
            ("extra", true),
        ]
        for (key, value) in cases {
            var m = good
            m[key] = value
            let e = #expect(throws: PLCError.self) { try Self.parse(m) }
            if case .malformed? = e {} else { Issue.record("\(key): expected malformed, got \(String(describing: e))") }
        }
    }

    @Test func prevMustBeACanonicalCIDString() throws {
        var m = try Self.validObject()
        let cid = CID.dagCBOR([0xA0])
        m["prev"] = .string(cid.string.uppercased())
        #expect(throws: PLCError.malformed("prev is not a canonical CID string")) { try Self.parse(m) }
        m["prev"] = .link(cid)
        #expect(throws: PLCError.malformed("prev missing or not a string or null")) { try Self.parse(m) }
        m["prev"] = .string(cid.string)
        #expect(try Self.parse(m).prev == cid)
    }

    @Test func tombstoneAndLegacyShapesAreStrict() throws {
        let tomb: IPLD = ["type": "plc_tombstone", "prev": .null, "sig": "x"]
        #expect(throws: PLCError.malformed("prev missing or not a string")) { try SignedPLCOperation(ipld: tomb) }
        let legacy: IPLD = [
            "type": "create", "signingKey": "a", "recoveryKey": "b", "handle": "c", "service": "d",
            "prev": .string(CID.dagCBOR([0xA0]).string), "sig": "x",
        ]
        #expect(throws: PLCError.malformed("prev of a create operation must be null")) {
            try SignedPLCOperation(ipld: legacy)
        }
        #expect(throws: PLCError.malformed("operation is not an object")) { try SignedPLCOperation(ipld: [1, 2]) }
    }

    @Test func hugeAndDeepInputsAreBounded() throws {
        // Over the input bound: refused before parsing.
        let big = "{\"alsoKnownAs\": [" + Array(repeating: "\"at://a.test\"", count: 6000).joined(separator: ",") + "]}"
        #expect(throws: PLCError.tooLarge(bytes: big.utf8.count, limit: 65_536)) {
            try SignedPLCOperation(json: Array(big.utf8))
        }
        // Under the input bound but over the submission limits: parsed, then refused by PLCLimits.
        var m = try Self.validObject()
        m["alsoKnownAs"] = .list((0..<2000).map { .string("at://h\($0).test") })
        let op = try Self.parse(m)
        #expect(throws: PLCError.tooLarge(bytes: op.encoded().bytes.count, limit: 4000)) {
            try PLCLimits.default.check(op)
        }
        var limits = PLCLimits()
        limits.maxOperationBytes = 1 << 20
        #expect(throws: PLCError.entryCount(field: "alsoKnownAs", count: 2000, allowed: 0...10)) {
            try limits.check(op)
        }
        // Nesting beyond an operation's depth is a JSON error.
        let deep = #"{"type": "plc_operation", "services": {"a": {"b": {"c": {"d": 1}}}}}"#
        let e = #expect(throws: PLCError.self) { try SignedPLCOperation(json: Array(deep.utf8)) }
        guard case .json(let j)? = e, j.kind == .tooDeep else {
            Issue.record("expected tooDeep, got \(String(describing: e))"); return
        }
        #expect(throws: PLCError.self) { try SignedPLCOperation(json: Array("{\"type\":".utf8)) }
    }

    @Test func badCBORGivesTypedErrors() throws {
        for bad: [UInt8] in [[0xA1], [0xA1, 0x61, 0x61], [0x9F, 0xFF], [0xA0, 0x00]] {
            let e = #expect(throws: PLCError.self) { try SignedPLCOperation(dagCBOR: bad) }
            if case .cbor? = e {} else { Issue.record("expected a CBOR error, got \(String(describing: e))") }
        }
        var m = try Self.validObject()
        m["sig"] = .bytes([1, 2, 3])
        #expect(throws: PLCError.malformed("sig missing or not a string")) {
            try SignedPLCOperation(dagCBOR: DagCBOR.encode(.map(m)))
        }
    }

    @Test func auditLogsAreBounded() throws {
        #expect(throws: PLCError.malformed("audit log is not a list")) {
            try PLCLog.parseAuditLog(json: Array("{}".utf8))
        }
        let entries = "[" + Array(repeating: "{}", count: 5).joined(separator: ",") + "]"
        #expect(throws: PLCError.entryCount(field: "audit log", count: 5, allowed: 0...3)) {
            try PLCLog.parseAuditLog(json: Array(entries.utf8), maxEntries: 3)
        }
        #expect(throws: PLCError.malformed("log entry did is not a DID")) {
            try PLCLog.parseAuditLog(json: Array(#"[{"did": 1}]"#.utf8))
        }
        #expect(throws: PLCError.auditMismatch("empty log")) { try PLCLog(verifying: []) }
        var entry = try PLCLog.parseAuditLog(json: Array(PLCInteropFixtures.valid["log_bskyapp.json"]!.utf8))
        entry[0].cid = CID.dagCBOR([0xA0])
        #expect(throws: PLCError.auditMismatch("entry 0 cid is not its operation's")) { try PLCLog(verifying: entry) }
    }
}
