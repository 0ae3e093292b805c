// PDS+SigningKeys.swift: repo signing keys: generated per account, stored in SQL, cached in memory.
// Book: docs/12-accounts-and-dids.md ("Keys").
import Engine
import Synchronization

/// Signing keys by DID, so a commit does not read SQL each time.
final class SigningKeyCache: Sendable {
    private let keys = Mutex<[String: AnyPrivateKey]>([:])

    func get(_ did: String) -> AnyPrivateKey? { keys.withLock { $0[did] } }
    func put(_ did: String, _ key: AnyPrivateKey?) { keys.withLock { $0[did] = key } }
}

extension PDS {
    /// Makes, stores and returns a new K-256 signing key for `did`.
    public func createSigningKey(did: String) async throws -> AnyPrivateKey {
        let key = AnyPrivateKey.generate(.k256)
        try await control.putSigningKey(
            SigningKeyRow(did: did, keyType: "k256", privateKeyHex: ServerSecrets.hex(key.rawRepresentation)))
        signingKeys.put(did, key)
        return key
    }

    /// The repo's signing key; throws `RepoNotFound` if there is none.
    public func signingKey(did: String) async throws -> AnyPrivateKey {
        if let key = signingKeys.get(did) { return key }
        guard let row = try await control.signingKey(did: did), let raw = ServerSecrets.unhex(row.privateKeyHex),
            let type = KeyType(rawValue: row.keyType)
        else { throw XRPCError.invalidRequest("Could not find repo: \(did)", name: "RepoNotFound") }
        let key = try AnyPrivateKey(keyType: type, rawRepresentation: raw)
        signingKeys.put(did, key)
        return key
    }
}
