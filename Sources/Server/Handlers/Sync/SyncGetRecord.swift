// SyncGetRecord.swift: com.atproto.sync.getRecord (named apart from repo.getRecord's file).
// Book: docs/17-sync.md ("Record proofs").
import Engine
import Hummingbird

extension SyncHandlers {
    /// A CAR proving one record (or its absence): the current commit, every tree node on the
    /// key's search path, and the record block if there is one.
    @Sendable static func getRecordProof(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.didParam()
        let collection = try call.collection(try call.requiredString("collection")).string
        let rkey = try call.recordKey(try call.requiredString("rkey")).string
        _ = try await call.availableRepo(did)
        let storage = call.pds.storage
        let car = try await call.pds.blocking { () throws -> [UInt8]? in
            guard try storage.repoID(did: did) != nil, let root = try storage.root(did: did) else { return nil }
            let source = try storage.blockSource(did: did)
            let mst = MST(source: source, root: root.data)
            let key = Array("\(collection)/\(rkey)".utf8)
            var cids = [root.commit] + (try mst.path(to: key))
            if let record = try mst.get(key) { cids.append(record) }
            let blocks = try storage.blocks(did: did, cids: cids)
            var writer = CARWriter(roots: [root.commit])
            for cid in cids {
                guard let bytes = blocks[cid] else {
                    throw StorageError.corruptValue(family: "blocks", reason: "missing \(cid)")
                }
                writer.append(cid: cid, block: bytes)
            }
            return writer.take()
        }
        guard let car else {
            throw XRPCError.invalidRequest("Could not find repo for DID: \(did)", name: "RepoNotFound")
        }
        return .bytes(ByteBuffer(bytes: car), contentType: "application/vnd.ipld.car")
    }
}
