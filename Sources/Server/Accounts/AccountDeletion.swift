// AccountDeletion.swift: deleting an account everywhere it lives, in steps a crash cannot leave half done.
// Book: docs/13-sessions-and-auth.md ("Deleting an account").
import Engine
import Foundation

/// Deletes an account: its SQL rows, its repo (blocks, records, blob references), its events,
/// its blob files, its DID (a PLC tombstone when this PDS controls it) and the bytes all of that
/// left on disk.
///
/// The first step, in one SQL transaction, deletes the account's rows and writes a row to
/// `account_deletion`: from then on the account does not exist for any request. The other steps
/// are each idempotent and the marker row goes last, so a crash anywhere is finished by
/// `resumePending` at the next start (and a step that fails, such as an unreachable PLC
/// directory, is retried by `AccountDeletionService`).
enum AccountDeletion {
    /// The steps after the rows, in order (tests stop before each to play a crash there).
    enum Step: Int, CaseIterable, Sendable {
        /// Remove the repo and write `#account {status: deleted}` in the same batch.
        case repo
        /// Delete the account's older events from the log.
        case events
        /// Delete the blob files.
        case blobs
        /// Tombstone the DID if this PDS hosts it and holds a rotation key for it.
        case plc
        /// Flush and compact storage, checkpoint SQLite: the deleted bytes leave the disk.
        case scrub
    }

    /// A step stopped on purpose by a test.
    struct Interrupted: Error {}

    /// Deletes `did`'s account; false if there is none. Once the rows are gone the call succeeds
    /// even if a later step fails: that step is logged and retried later.
    static func run(_ pds: PDS, did: String, stopBefore: Step? = nil) async throws -> Bool {
        let storage = pds.storage
        let repoID = try await pds.blocking { try storage.repoID(did: did) }
        guard try await pds.control.beginAccountDeletion(did: did, repoID: repoID) else { return false }
        pds.signingKeys.put(did, nil)
        do {
            try await finish(
                pds, PendingDeletion(did: did, repoID: repoID, requestedAt: Date()), resumed: false,
                stopBefore: stopBefore)
        } catch is Interrupted {
        } catch {
            pds.logger.error("account deletion will be retried", metadata: ["did": "\(did)", "error": "\(error)"])
        }
        return true
    }

    /// Finishes every deletion a crash or a failed step left pending that began before `cutoff`
    /// (later ones may still be running in their request).
    static func resumePending(_ pds: PDS, before cutoff: Date = .distantFuture) async {
        do {
            for pending in try await pds.control.pendingAccountDeletions() where pending.requestedAt < cutoff {
                do {
                    try await finish(pds, pending, resumed: true, stopBefore: nil)
                    pds.logger.info("finished an interrupted account deletion", metadata: ["did": "\(pending.did)"])
                } catch {
                    pds.logger.error(
                        "account deletion still pending", metadata: ["did": "\(pending.did)", "error": "\(error)"])
                }
            }
        } catch {
            pds.logger.error("cannot read pending account deletions", metadata: ["error": "\(error)"])
        }
    }

    /// The steps after the rows. `resumed`: a repo already gone means its batch, which carried
    /// the `#account` event, was written; on a first run an account without a repo still gets one.
    static func finish(_ pds: PDS, _ pending: PendingDeletion, resumed: Bool, stopBefore: Step?) async throws {
        func step(_ s: Step) throws { if s == stopBefore { throw Interrupted() } }
        let storage = pds.storage, did = pending.did
        let deleted = RepoEvent.account(did: did, active: false, status: "deleted")
        try step(.repo)
        try await pds.blocking {
            if try storage.repoID(did: did) != nil {
                try storage.deleteRepo(did: did, event: deleted)
            } else if !resumed {
                _ = try storage.appendEvent(deleted)
            }
        }
        try step(.events)
        let span = try await pds.blocking {
            if let id = pending.repoID { try storage.dropSweepHints(repoID: id) }
            return try storage.purgeEvents(did: did).span
        }
        try step(.blobs)
        let directory = pds.blobStore.root + "/" + did
        try await pds.blocking {
            if FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.removeItem(atPath: directory)
            }
        }
        try step(.plc)
        try await tombstone(pds, did: did)
        try step(.scrub)
        try await pds.blocking {
            try storage.scrub(did: did, repoID: pending.repoID)
            // After a crash the purged span is unknown: the whole log is compacted.
            if resumed { try storage.compactEvents(nil) } else if let span { try storage.compactEvents(span) }
        }
        try await pds.control.checkpoint()
        try await pds.control.finishAccountDeletion(did: did)
    }

    /// Publishes a tombstone for a did:plc whose current operation names this server as its PDS
    /// and lists this server's rotation key; a DID that moved elsewhere (or was already
    /// tombstoned) is left alone, since it is no longer this server's to end.
    static func tombstone(_ pds: PDS, did: String) async throws {
        guard did.hasPrefix("did:plc:"), let plcDID = try? DID(did),
            let last = try await pds.plc.lastOperation(did: plcDID), case .regular(let body) = last.unsigned,
            body.rotationKeys.contains(pds.secrets.rotationKey.didKey),
            body.services["atproto_pds"]?.endpoint == pds.config.publicURL
        else { return }
        let op = try SignedPLCOperation.tombstone(after: last, signedBy: pds.secrets.rotationKey)
        try await pds.plc.update(op, did: plcDID)
    }
}
