// GetRecord.swift: com.atproto.repo.getRecord. Book: docs/14-records.md ("Reading").
import Engine

extension RepoHandlers {
    /// One record of a local, active repo as JSON; with `cid`, only that version.
    @Sendable static func getRecord(_ call: XRPCCall) async throws -> XRPCOutput {
        let account = try await call.readableRepo(try call.requiredString("repo"))
        let collection = try call.collection(try call.requiredString("collection")).string
        let rkey = try call.recordKey(try call.requiredString("rkey")).string
        var wanted: CID? = nil
        if let text = call.string("cid") {
            do { wanted = try CID(string: text) } catch {
                throw XRPCError.invalidRequest("Error: cid must be a cid string")
            }
        }
        let did = account.did
        let uri = recordURI(did, collection, rkey)
        let storage = call.pds.storage
        let found = try await call.pds.blocking { () throws -> (CID, [UInt8])? in
            guard let cid = try storage.record(did: did, collection: collection, rkey: rkey),
                let bytes = try storage.block(did: did, cid: cid)
            else { return nil }
            return (cid, bytes)
        }
        guard let (cid, bytes) = found, wanted == nil || wanted == cid else {
            throw XRPCError.invalidRequest("Could not locate record: \(uri)", name: "RecordNotFound")
        }
        return .json(["uri": .string(uri), "cid": .string(cid.string), "value": try DagCBOR.decode(bytes)])
    }
}
