// PLCLimits.swift: the anti-abuse limits a PLC directory puts on submitted operations.
// Book: docs/12-accounts-and-dids.md ("Limits").

/// What a directory accepts in a newly submitted operation, and how often.
///
/// Defaults are the reference directory's (`packages/server/src/constraints.ts` in
/// did-method-plc), except the rotation-key rule, which follows the did:plc spec (1 to 5 keys, no
/// duplicates) where the reference server allows 0 to 10. Limits apply to submissions only: logs
/// already accepted are replayed without them, since old operations predate several limits.
public struct PLCLimits: Sendable, Hashable {
    /// Largest DAG-CBOR encoding of the signed operation.
    public var maxOperationBytes = 4000
    /// Allowed number of rotation keys.
    public var rotationKeys: ClosedRange<Int> = 1...5
    /// Most `alsoKnownAs` entries.
    public var maxAlsoKnownAs = 10
    /// Longest `alsoKnownAs` entry: a 253-byte handle plus `at://`.
    public var maxAlsoKnownAsLength = 258
    /// Most `services` entries.
    public var maxServices = 10
    /// Most `verificationMethods` entries.
    public var maxVerificationMethods = 10
    /// Longest service or verification-method name.
    public var maxIDLength = 32
    /// Longest service `type`.
    public var maxServiceTypeLength = 256
    /// Longest service `endpoint`.
    public var maxServiceEndpointLength = 512
    /// Longest verification-method `did:key`.
    public var maxDIDKeyLength = 256
    /// Most operations per DID in the last hour (recovery operations are not limited).
    public var maxOperationsPerHour = 10
    /// Most operations per DID in the last day.
    public var maxOperationsPerDay = 30
    /// Most operations per DID in the last week.
    public var maxOperationsPerWeek = 100

    /// The reference directory's limits (with the spec's rotation-key rule).
    public init() {}

    /// The defaults.
    public static let `default` = PLCLimits()

    /// Checks one operation's size and fields. Legacy `create` operations are refused outright.
    public func check(_ op: SignedPLCOperation) throws(PLCError) {
        let size = op.encoded().bytes.count
        guard size <= maxOperationBytes else { throw .tooLarge(bytes: size, limit: maxOperationBytes) }
        switch op.unsigned {
        case .legacyCreate: throw .legacyOperation
        case .tombstone: return
        case .regular(let body): try check(body)
        }
    }

    /// Checks the fields of a `plc_operation` body.
    public func check(_ op: PLCRegularOperation) throws(PLCError) {
        try count("alsoKnownAs", op.alsoKnownAs.count, 0...maxAlsoKnownAs)
        var seen = Set<String>()
        for aka in op.alsoKnownAs {
            try length("alsoKnownAs entry", aka, maxAlsoKnownAsLength)
            guard seen.insert(aka).inserted else { throw .duplicateEntry(field: "alsoKnownAs") }
        }
        try count("rotationKeys", op.rotationKeys.count, rotationKeys)
        seen = []
        for key in op.rotationKeys {
            guard (try? DIDKey.parse(key)) != nil else { throw .invalidKey(field: "rotationKeys") }
            guard seen.insert(key).inserted else { throw .duplicateEntry(field: "rotationKeys") }
        }
        try count("services", op.services.count, 0...maxServices)
        for (id, service) in op.services {
            try length("service id", id, maxIDLength)
            try length("service type", service.type, maxServiceTypeLength)
            try length("service endpoint", service.endpoint, maxServiceEndpointLength)
        }
        try count("verificationMethods", op.verificationMethods.count, 0...maxVerificationMethods)
        for (id, key) in op.verificationMethods {
            try length("verificationMethod id", id, maxIDLength)
            try length("verificationMethod key", key, maxDIDKeyLength)
            // Any key type is allowed here, but the syntax must be did:key + multibase base58btc.
            guard key.hasPrefix(DIDKey.prefix + "z"),
                let bytes = Base58.decode(String(decoding: key.utf8.dropFirst(9), as: UTF8.self)),
                !bytes.isEmpty
            else { throw .invalidKey(field: "verificationMethods") }
        }
    }

    /// Refuses a non-recovery operation when `recent` (the createdAt of the DID's active operations)
    /// already holds the maximum for the last hour, day or week before `now`.
    public func checkRate(recent: [Datetime], now: Datetime) throws(PLCError) {
        let hour: Int64 = 3_600_000_000
        for (window, limit, name) in [
            (hour, maxOperationsPerHour, "hour"), (24 * hour, maxOperationsPerDay, "day"),
            (168 * hour, maxOperationsPerWeek, "week"),
        ] {
            let since = now.microsecondsSinceEpoch - window
            let n = recent.count(where: { $0.microsecondsSinceEpoch > since })
            guard n < limit else { throw .rateLimited("\(limit) per \(name)") }
        }
    }

    private func count(_ field: String, _ n: Int, _ allowed: ClosedRange<Int>) throws(PLCError) {
        guard allowed.contains(n) else { throw .entryCount(field: field, count: n, allowed: allowed) }
    }

    private func length(_ field: String, _ s: String, _ limit: Int) throws(PLCError) {
        let n = s.utf8.count
        guard n <= limit else { throw .fieldTooLong(field: field, length: n, limit: limit) }
    }
}
