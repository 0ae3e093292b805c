// ListRecords.swift: com.atproto.repo.listRecords. Book: docs/14-records.md ("Reading").
import Engine

extension RepoHandlers {
    /// A page of one collection's records: newest rkey first (oldest first with `reverse`),
    /// `limit` 1–100 (50), `cursor` the last rkey of the previous page.
    @Sendable static func listRecords(_ call: XRPCCall) async throws -> XRPCOutput {
        let account = try await call.readableRepo(try call.requiredString("repo"))
        let collection = try call.collection(try call.requiredString("collection")).string
        let limit = try call.int("limit", default: 50, in: 1...100)
        let reverse = try call.bool("reverse", default: false)
        let cursor = call.string("cursor").flatMap { $0.isEmpty ? nil : $0 }
        let did = account.did
        let storage = call.pds.storage
        let page = try await call.pds.blocking { () throws -> [(String, CID, [UInt8])] in
            let listed = try storage.listRecords(did: did, collection: collection, limit: limit, cursor: cursor, reverse: !reverse)
            let blocks = try storage.blocks(did: did, cids: listed.map(\.cid))
            return listed.compactMap { r in blocks[r.cid].map { (r.rkey, r.cid, $0) } }
        }
        var records: [IPLD] = []
        records.reserveCapacity(page.count)
        for (rkey, cid, bytes) in page {
            records.append(
                [
                    "uri": .string(recordURI(did, collection, rkey)), "cid": .string(cid.string),
                    "value": try DagCBOR.decode(bytes),
                ])
        }
        return .json(.object([("records", .list(records)), ("cursor", page.last.map { .string($0.0) })]))
    }
}
