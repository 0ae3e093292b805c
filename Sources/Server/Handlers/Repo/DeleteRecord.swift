// DeleteRecord.swift: com.atproto.repo.deleteRecord. Book: docs/14-records.md.
import Engine

extension RepoHandlers {
    /// Removes the record at a key. Deleting a record that is not there succeeds with no commit
    /// (as the reference); `swapCommit` and a `swapRecord` of an existing record are checked.
    @Sendable static func deleteRecord(_ call: XRPCCall) async throws -> XRPCOutput {
        let input = BodyFields(try call.jsonBody())
        let did = try await call.writableRepo(try input.requiredString("repo"))
        let collection = try call.collection(try input.requiredString("collection")).string
        let rkey = try call.recordKey(try input.requiredString("rkey")).string
        let swapCommit = try input.cid("swapCommit")
        let swapRecord = try input.swap("swapRecord")
        if let swapCommit, try await call.head(did).commit != swapCommit {
            throw XRPCError.invalidRequest("Commit was not \(swapCommit)", name: "InvalidSwap")
        }
        guard try await call.currentRecord(did: did, collection: collection, rkey: rkey) != nil else {
            return .json([:])
        }
        do {
            let prepared = try await call.commit(
                did: did, [.delete(collection: collection, rkey: rkey, swap: swapRecord)], swapCommit: swapCommit)
            return .json(["commit": prepared.meta])
        } catch CommitError.recordConflict {
            return .json([:])  // deleted by a concurrent write since we looked
        }
    }
}
