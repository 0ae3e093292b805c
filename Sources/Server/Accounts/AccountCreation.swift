// AccountCreation.swift: the steps of createAccount after the input is checked: DID, rows, repo, events.
// Book: docs/12-accounts-and-dids.md ("Creating an account").
import Engine
import Foundation

/// A checked request for a new account.
struct NewAccountRequest: Sendable {
    /// The normalised handle (under a service domain).
    var handle: String
    /// The email address (lower case).
    var email: String
    /// The password, if one was given.
    var password: String?
    /// The invite code, when invites are required.
    var inviteCode: String?
    /// A user rotation key (`did:key`) to put first in the DID's rotation keys.
    var recoveryKey: String?
}

/// What a created account answers with.
struct CreatedAccount: Sendable {
    /// The new DID.
    var did: DID
    /// The handle.
    var handle: String
    /// The session opened for it.
    var tokens: SessionTokens
    /// Its DID document.
    var document: DIDDocument
}

/// The account-creation flow.
///
/// Order: the password is hashed and the keys made; the genesis operation is signed and the DID
/// derived; a remote directory (if configured) is sent the operation; then one SQL transaction
/// writes the account, the invite use, the signing key, the local PLC entry and the refresh token,
/// and, still inside it, the `#identity` and `#account` events are appended and the repo is
/// created with its first commit (which appends `#commit`). A failure inside rolls the SQL back,
/// removes a half-made repo and, if events went out, appends `#account` with status `deleted`, so
/// a retry starts clean.
enum AccountCreation {
    static func create(pds: PDS, _ req: NewAccountRequest) async throws -> CreatedAccount {
        let passwordHash: String? =
            if let pw = req.password { try await pds.blocking { try PasswordHash.make(pw) } } else { nil }
        let signingKey = AnyPrivateKey.generate(.k256)
        let rotationKeys = (req.recoveryKey.map { [$0] } ?? []) + [pds.secrets.rotationKey.didKey]
        let body = PLCRegularOperation.atproto(
            signingKey: signingKey.didKey, handle: req.handle, pdsEndpoint: pds.config.publicURL,
            rotationKeys: rotationKeys)
        let (genesis, did) = try SignedPLCOperation.genesis(body, signedBy: pds.secrets.rotationKey)
        let plc = pds.plc
        if let base = plc.remoteURL { try await plc.publishRemote(genesis, did: did, base: base) }

        let repoCreated = RepoCreationFlag()
        let tokens: SessionTokens
        do {
            tokens = try await pds.control.transaction { tx in
                do {
                    try await tx.createAccount(
                        NewAccount(did: did.string, handle: req.handle, email: req.email, passwordHash: passwordHash))
                } catch StoreError.handleTaken {
                    throw XRPCError.invalidRequest("Handle already taken: \(req.handle)")
                } catch StoreError.emailTaken {
                    throw XRPCError.invalidRequest("Email already taken")
                }
                if let code = req.inviteCode {
                    do { try await tx.useInviteCode(code, by: did.string) } catch StoreError.inviteCodeUnavailable {
                        throw XRPCError.invalidRequest("Provided invite code not available", name: "InvalidInviteCode")
                    }
                }
                try await tx.putSigningKey(
                    SigningKeyRow(
                        did: did.string, keyType: signingKey.keyType.rawValue,
                        privateKeyHex: ServerSecrets.hex(signingKey.rawRepresentation)))
                if plc.remoteURL == nil { try await LocalPLCDirectory.submit(genesis, did: did, in: tx, limits: nil) }
                let tokens = try await pds.openSession(did: did.string, scope: .access, in: tx)
                try await writeRepo(pds: pds, did: did.string, handle: req.handle, key: signingKey, flag: repoCreated)
                return tokens
            }
        } catch {
            // The SQL rolled back; undo what RocksDB kept, and retire the DID at a remote directory.
            if repoCreated.value { await unwindRepo(pds: pds, did: did.string) }
            if let base = plc.remoteURL { await tombstone(pds: pds, genesis: genesis, did: did, base: base) }
            throw error
        }
        pds.signingKeys.put(did.string, signingKey)
        let document = DIDDocument(plc: PLCState(did: did, operation: body))
        return CreatedAccount(did: did, handle: req.handle, tokens: tokens, document: document)
    }

    /// Appends `#identity` and `#account`, then creates the repo (its `#commit` follows) and appends
    /// `#sync` with the first commit, the reference's order. If the repo can not be made after the
    /// events went out, an `#account` `deleted` event retracts them.
    static func writeRepo(pds: PDS, did: String, handle: String, key: AnyPrivateKey, flag: RepoCreationFlag) async throws {
        try await pds.blocking {
            _ = try pds.storage.appendEvent(.identity(did: did, handle: handle))
            do {
                _ = try pds.storage.appendEvent(.account(did: did, active: true, status: nil))
                let genesis = try pds.repos.createRepo(did: did, key: key)
                flag.value = true
                _ = try pds.storage.appendEvent(.sync(genesis))
            } catch {
                _ = try? pds.storage.appendEvent(.account(did: did, active: false, status: "deleted"))
                throw error
            }
        }
    }

    /// Publishes a tombstone after `genesis`, so a DID whose account was never made does not stay
    /// live at the directory pointing at this PDS (as the reference does). Best effort: a failure
    /// is logged, and the caller's error is what the client gets.
    static func tombstone(pds: PDS, genesis: SignedPLCOperation, did: DID, base: String) async {
        do {
            let op = try SignedPLCOperation.tombstone(after: genesis, signedBy: pds.secrets.rotationKey)
            try await pds.plc.publishRemote(op, did: did, base: base)
        } catch {
            pds.logger.error("could not tombstone an unused DID", metadata: ["did": "\(did)", "error": "\(error)"])
        }
    }

    /// Removes a repo whose account row did not commit, and retracts its events.
    static func unwindRepo(pds: PDS, did: String) async {
        _ = try? await pds.blocking {
            try? pds.storage.deleteRepo(did: did)
            _ = try? pds.storage.appendEvent(.account(did: did, active: false, status: "deleted"))
        }
    }
}

/// Set once the repo exists, so the unwinding knows to remove it.
final class RepoCreationFlag: @unchecked Sendable {
    // Written by one storage-pool thread inside `blocking`, read after it returned (the await orders them).
    var value = false
}
