// PLCError.swift: why a did:plc operation or operation log was refused.
// Book: docs/12-accounts-and-dids.md.

/// A failure reading, building or validating a did:plc operation or an operation log.
///
/// Cases carry field names and counts, never the attacker-controlled text itself, so a
/// description is safe to log and to return to a client.
public enum PLCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is not JSON (or not atproto JSON).
    case json(JSONError)
    /// The input is not strict DAG-CBOR.
    case cbor(CBORError)
    /// The encoded operation (or input text) is larger than allowed.
    case tooLarge(bytes: Int, limit: Int)
    /// The operation does not have the shape of a PLC operation: the reason names the field.
    case malformed(String)
    /// A list or map has a number of entries outside what is allowed.
    case entryCount(field: String, count: Int, allowed: ClosedRange<Int>)
    /// A string field is longer than allowed (in UTF-8 bytes).
    case fieldTooLong(field: String, length: Int, limit: Int)
    /// A list holds the same value twice.
    case duplicateEntry(field: String)
    /// A key is not a usable `did:key` (rotation keys: K-256 or P-256 only).
    case invalidKey(field: String)
    /// A legacy `create` operation was submitted; they are only read from existing logs.
    case legacyOperation
    /// `sig` is not unpadded base64url with zero trailing bits.
    case invalidSignatureEncoding
    /// No allowed rotation key verifies the signature (this includes high-S and DER signatures).
    case badSignature
    /// The DID derived from the genesis operation is not the DID it was submitted for.
    case genesisMismatch(expected: String, derived: String)
    /// A DID was asked of an operation that is not a signed genesis operation.
    case notGenesis
    /// `prev` does not fit the log: missing, unknown, nullified, or the clock did not move forward.
    case misordered(String)
    /// The operation builds on a tombstone: the DID is deactivated.
    case tombstoned
    /// A recovery operation came more than 72 hours after the first operation it would nullify.
    case lateRecovery(elapsedMilliseconds: Int64)
    /// Too many operations for this DID in a recent window (recovery operations are exempt).
    case rateLimited(String)
    /// An audit-log entry disagrees with the replayed log (its DID, CID or `nullified` flag).
    case auditMismatch(String)

    /// A log-safe description.
    public var description: String {
        switch self {
        case .json(let e): "PLC operation: \(e)"
        case .cbor(let e): "PLC operation: \(e)"
        case .tooLarge(let n, let limit): "PLC operation is \(n) bytes, limit \(limit)"
        case .malformed(let why): "malformed PLC operation: \(why)"
        case .entryCount(let field, let n, let allowed):
            "\(field) has \(n) entries, allowed \(allowed.lowerBound)...\(allowed.upperBound)"
        case .fieldTooLong(let field, let n, let limit): "\(field) is \(n) bytes, limit \(limit)"
        case .duplicateEntry(let field): "duplicate entry in \(field)"
        case .invalidKey(let field): "invalid did:key in \(field)"
        case .legacyOperation: "legacy create operations are not accepted"
        case .invalidSignatureEncoding: "sig is not unpadded base64url"
        case .badSignature: "signature does not verify with an allowed rotation key"
        case .genesisMismatch(let expected, let derived): "genesis operation is for \(derived), not \(expected)"
        case .notGenesis: "not a signed genesis operation"
        case .misordered(let why): "operation out of order: \(why)"
        case .tombstoned: "DID is tombstoned"
        case .lateRecovery(let ms): "recovery \(ms / 1000) s after the operation it nullifies, beyond the 72 h window"
        case .rateLimited(let why): "too many operations: \(why)"
        case .auditMismatch(let why): "audit log does not verify: \(why)"
        }
    }
}
