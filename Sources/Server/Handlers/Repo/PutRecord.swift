// PutRecord.swift: com.atproto.repo.putRecord. Book: docs/14-records.md.
import Engine

extension RepoHandlers {
    /// Creates or replaces the record at a key. Writing the bytes already there is a no-op: no
    /// commit, and the reply has no `commit` (as the reference). Swaps are checked either way.
    @Sendable static func putRecord(_ call: XRPCCall) async throws -> XRPCOutput {
        let input = BodyFields(try call.jsonBody())
        let did = try await call.writableRepo(try input.requiredString("repo"))
        let rkey = try input.requiredString("rkey")
        let checked = try call.checkRecord(
            collection: try input.requiredString("collection"), rkey: rkey, value: input.map["record"],
            validate: try input.bool("validate"))
        let swapCommit = try input.cid("swapCommit")
        let swapRecord = try input.swap("swapRecord")
        let current = try await call.currentRecord(did: did, collection: checked.collection, rkey: checked.rkey)
        var commit: IPLD? = nil
        if current == checked.cid {
            if case .mustBe(let c) = swapRecord, c != current {
                throw XRPCError.invalidRequest("Record was at \(current!)", name: "InvalidSwap")
            }
            if case .mustNotExist = swapRecord {
                throw XRPCError.invalidRequest("Record already exists", name: "InvalidSwap")
            }
            if let swapCommit, try await call.head(did).commit != swapCommit {
                throw XRPCError.invalidRequest("Commit was not \(swapCommit)", name: "InvalidSwap")
            }
        } else {
            try await call.checkBlobs(did: did, records: [checked.record])
            let prepared = try await call.commit(
                did: did,
                [.update(collection: checked.collection, rkey: checked.rkey, record: checked.record, swap: swapRecord)],
                swapCommit: swapCommit)
            commit = prepared.meta
        }
        return .json(
            .object([
                ("uri", .string(recordURI(did, checked.collection, checked.rkey))),
                ("cid", .string(checked.cid.string)),
                ("commit", commit), ("validationStatus", checked.validationStatus.map { .string($0) }),
            ]))
    }
}
