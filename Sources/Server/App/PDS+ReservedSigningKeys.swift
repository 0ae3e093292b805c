// PDS+ReservedSigningKeys.swift: making and handing over signing keys reserved ahead of an account.
// Book: docs/12-accounts-and-dids.md ("Reserving a signing key").
import Engine
import Foundation

extension PDS {
    /// Reserves a new K-256 signing key, for `did` when given, and returns its `did:key`. Asking
    /// again for the same DID while its reservation lives returns the same key. Throws 429 when
    /// `ReservedSigningKeyRow.maxOutstanding` reservations are alive.
    public func reserveSigningKey(did: String?, now: Date = Date()) async throws -> String {
        let key = AnyPrivateKey.generate(.k256)
        let candidate = ReservedSigningKeyRow(
            keyDID: key.didKey, did: did, keyType: key.keyType.rawValue,
            privateKeyHex: ServerSecrets.hex(key.rawRepresentation), createdAt: now)
        guard let reserved = try await control.reserveSigningKey(candidate) else {
            throw XRPCError(
                .tooManyRequests, "RateLimitExceeded", "Too many signing keys are reserved; try again later")
        }
        return reserved.keyDID
    }

    /// Removes and returns the private key reserved for `did`, else the one reserved as `keyDID`
    /// (the `#atproto` key of the DID document), as the reference looks them up. For account
    /// creation with an existing DID (migration in), which is not written yet.
    public func takeReservedSigningKey(did: String, keyDID: String?) async throws -> AnyPrivateKey? {
        var row = try await control.takeReservedSigningKey(did: did)
        if row == nil, let keyDID { row = try await control.takeReservedSigningKey(keyDID: keyDID) }
        guard let row, let raw = ServerSecrets.unhex(row.privateKeyHex), let type = KeyType(rawValue: row.keyType)
        else { return nil }
        return try AnyPrivateKey(keyType: type, rawRepresentation: raw)
    }
}
