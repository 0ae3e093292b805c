// ApplyWrites.swift: com.atproto.repo.applyWrites. Book: docs/14-records.md ("Batches").
import Engine

extension RepoHandlers {
    /// The most writes one call may carry (the reference's limit).
    static let maxWrites = 200

    /// Applies up to 200 creates, updates and deletes as one commit: all or nothing. An update or
    /// delete of a record that does not exist is 400 `InvalidRequest` (the reference answers 500).
    @Sendable static func applyWrites(_ call: XRPCCall) async throws -> XRPCOutput {
        let input = BodyFields(try call.jsonBody())
        let did = try await call.writableRepo(try input.requiredString("repo"))
        let validate = try input.bool("validate")
        let swapCommit = try input.cid("swapCommit")
        guard case .list(let items)? = input.map["writes"] else {
            throw XRPCError.invalidRequest("Input must have the property \"writes\"")
        }
        guard items.count <= maxWrites else {
            throw XRPCError.invalidRequest("Too many writes. Max: \(maxWrites)")
        }
        var writes: [RepoWrite] = []
        var results: [IPLD] = []
        var records: [IPLDMap] = []
        for (i, item) in items.enumerated() {
            guard case .map(let m) = item else { throw XRPCError.invalidRequest("Input/writes/\(i) must be an object") }
            let w = BodyFields(m, prefix: "Input/writes/\(i)")
            switch try w.requiredString("$type") {
            case "com.atproto.repo.applyWrites#create":
                let c = try call.checkRecord(
                    collection: try w.requiredString("collection"), rkey: try w.string("rkey"), value: m["value"],
                    validate: validate)
                writes.append(.create(collection: c.collection, rkey: c.rkey, record: c.record))
                records.append(c.record)
                results.append(
                    .object([
                        ("$type", "com.atproto.repo.applyWrites#createResult"),
                        ("uri", .string(recordURI(did, c.collection, c.rkey))), ("cid", .string(c.cid.string)),
                        ("validationStatus", c.validationStatus.map { .string($0) }),
                    ]))
            case "com.atproto.repo.applyWrites#update":
                let c = try call.checkRecord(
                    collection: try w.requiredString("collection"), rkey: try w.requiredString("rkey"),
                    value: m["value"],
                    validate: validate)
                guard try await call.currentRecord(did: did, collection: c.collection, rkey: c.rkey) != nil else {
                    throw XRPCError.invalidRequest("Could not find record: \(recordURI(did, c.collection, c.rkey))")
                }
                writes.append(.update(collection: c.collection, rkey: c.rkey, record: c.record))
                records.append(c.record)
                results.append(
                    .object([
                        ("$type", "com.atproto.repo.applyWrites#updateResult"),
                        ("uri", .string(recordURI(did, c.collection, c.rkey))), ("cid", .string(c.cid.string)),
                        ("validationStatus", c.validationStatus.map { .string($0) }),
                    ]))
            case "com.atproto.repo.applyWrites#delete":
                let collection = try call.collection(try w.requiredString("collection")).string
                let rkey = try call.recordKey(try w.requiredString("rkey")).string
                writes.append(.delete(collection: collection, rkey: rkey))
                results.append(["$type": "com.atproto.repo.applyWrites#deleteResult"])
            case let other:
                throw XRPCError.invalidRequest("Input/writes/\(i) has an unknown $type: \(other.prefix(100))")
            }
        }
        try await call.checkBlobs(did: did, records: records)
        let prepared = try await call.commit(did: did, writes, swapCommit: swapCommit)
        return .json(["commit": prepared.meta, "results": .list(results)])
    }
}
