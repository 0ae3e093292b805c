// GetBlocks.swift: com.atproto.sync.getBlocks. Book: docs/17-sync.md.
import Engine
import Hummingbird

extension SyncHandlers {
    /// The most CIDs one call may ask for.
    static let maxBlocks = 1000

    /// A CAR with no root holding exactly the requested blocks of the repo: all or nothing (any
    /// missing → 400 `BlockNotFound`, the lexicon's name; the reference sends `InvalidRequest`).
    @Sendable static func getBlocks(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.didParam()
        let texts = call.params["cids"] ?? []
        guard texts.count <= maxBlocks else {
            throw XRPCError.invalidRequest("Error: too many cids (max \(maxBlocks))")
        }
        var cids: [CID] = []
        for text in texts {
            do { cids.append(try CID(string: text)) } catch {
                throw XRPCError.invalidRequest("Error: cids must be cid strings")
            }
        }
        _ = try await call.availableRepo(did)
        let storage = call.pds.storage
        let wanted = cids
        let found = try await call.pds.blocking {
            try storage.repoID(did: did) == nil ? nil : storage.blocks(did: did, cids: wanted)
        }
        guard let found else {
            throw XRPCError.invalidRequest("Could not find repo for DID: \(did)", name: "RepoNotFound")
        }
        let missing = cids.filter { found[$0] == nil }
        guard missing.isEmpty else {
            throw XRPCError.invalidRequest(
                "Could not find cids: \(missing.prefix(20).map(\.string).joined(separator: ","))", name: "BlockNotFound"
            )
        }
        var writer = CARWriter(roots: [])
        var seen: Set<CID> = []
        for cid in cids where seen.insert(cid).inserted { writer.append(cid: cid, block: found[cid]!) }
        return .bytes(ByteBuffer(bytes: writer.take()), contentType: "application/vnd.ipld.car")
    }
}
