// FuzzPLCOp: did:plc operations (JSON and DAG-CBOR), audit logs and DID documents.
// Book: docs/12-accounts-and-dids.md.
// Properties: no crash; an operation read from JSON or DAG-CBOR re-reads equal from both forms with
// the same CID, and one read from DAG-CBOR re-encodes to exactly the input; audit logs and DID
// documents survive a write-and-read round trip. (Round trips are only asserted when the written
// form is itself within the readers' size bounds: escaping can make JSON longer than its input.)
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPLCOp(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let op = try? SignedPLCOperation(json: bytes) { check(op) }
    if let op = try? SignedPLCOperation(dagCBOR: bytes) {
        precondition(op.encoded().bytes == bytes, "DAG-CBOR operation does not re-encode to its input")
        check(op)
    }
    if let entries = try? PLCLog.parseAuditLog(json: bytes), let first = entries.first {
        let json = PLCLog(did: first.did, trustedEntries: entries).auditLogJSON
        if json.count <= PLCLog.maxAuditLogBytes {
            precondition((try? PLCLog.parseAuditLog(json: json)) == entries, "audit log round trip")
        }
        _ = try? PLCLog(verifying: entries)
    }
    if let doc = try? DIDDocument(json: bytes) {
        checkDocument(doc)
        _ = (doc.handle, doc.signingKey, doc.pdsEndpoint)
    }
    return 0
}

/// The properties every accepted operation has, whichever form it came from.
func check(_ op: SignedPLCOperation) {
    let (cbor, cid) = op.encoded()
    let json = op.json
    if json.count <= SignedPLCOperation.maxInputBytes {
        precondition((try? SignedPLCOperation(json: json)) == op, "JSON round trip changed the operation")
    }
    if cbor.count <= SignedPLCOperation.maxInputBytes {
        let back = try? SignedPLCOperation(dagCBOR: cbor)
        precondition(back == op && back?.cid == cid, "DAG-CBOR round trip changed the operation")
    }
    _ = try? PLCLimits.default.check(op)
    _ = try? op.verify(allowedKeys: op.unsigned.rotationKeys)
    if let did = try? op.derivedDID(), let state = PLCState(did: did, after: op) {
        checkDocument(DIDDocument(plc: state))
        if let log = try? PLCLog(did: did).apply(op: op, now: Datetime(microsecondsSinceEpoch: 0)) {
            precondition(log.state == state, "accepted genesis does not give its state")
        }
    }
}

/// A document written as JSON reads back equal, when the JSON is within the reader's bounds.
func checkDocument(_ doc: DIDDocument) {
    let limits = DIDDocument.Limits.default
    let json = doc.json
    let counts = [doc.alsoKnownAs.count, doc.verificationMethods.count, doc.services.count, doc.context.count]
    guard json.count <= limits.maxBytes, counts.allSatisfy({ $0 <= limits.maxEntries }) else { return }
    precondition((try? DIDDocument(json: json)) == doc, "DID document round trip")
}
