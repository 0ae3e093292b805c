// CreateRecord.swift: com.atproto.repo.createRecord. Book: docs/14-records.md.
import Engine

extension RepoHandlers {
    /// Adds one record (at a given key or a fresh TID) in a new commit.
    @Sendable static func createRecord(_ call: XRPCCall) async throws -> XRPCOutput {
        let input = BodyFields(try call.jsonBody())
        let did = try await call.writableRepo(try input.requiredString("repo"))
        let checked = try call.checkRecord(
            collection: try input.requiredString("collection"), rkey: try input.string("rkey"),
            value: input.map["record"], validate: try input.bool("validate"))
        let swapCommit = try input.cid("swapCommit")
        try await call.checkBlobs(did: did, records: [checked.record])
        let prepared = try await call.commit(
            did: did, [.create(collection: checked.collection, rkey: checked.rkey, record: checked.record)],
            swapCommit: swapCommit)
        return .json(
            .object([
                ("uri", .string(recordURI(did, checked.collection, checked.rkey))),
                ("cid", .string(checked.cid.string)),
                ("commit", prepared.meta), ("validationStatus", checked.validationStatus.map { .string($0) }),
            ]))
    }
}
