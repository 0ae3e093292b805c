// ListBlobs.swift: com.atproto.sync.listBlobs. Book: docs/15-blobs.md ("Listing").
import Engine

extension SyncHandlers {
    /// The CIDs of blobs the repo's records reference, ascending; `since` keeps those referenced by
    /// records written after that rev; `limit` 1–1000 (500); `cursor` the last CID of the previous page.
    @Sendable static func listBlobs(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.didParam()
        let since = call.string("since").flatMap { $0.isEmpty ? nil : $0 }
        let limit = try call.int("limit", default: 500, in: 1...1000)
        let after = try call.cidParam("cursor")
        _ = try await call.availableRepo(did)
        let storage = call.pds.storage
        let cids = try await call.pds.blocking { () throws -> [CID]? in
            guard try storage.repoID(did: did) != nil else { return nil }
            return try storage.listBlobs(did: did, since: since, after: after, limit: limit)
        }
        guard let cids else {
            throw XRPCError.invalidRequest("Could not find repo for DID: \(did)", name: "RepoNotFound")
        }
        return .json(
            .object([
                ("cids", .list(cids.map { .string($0.string) })),
                ("cursor", cids.count == limit ? cids.last.map { .string($0.string) } : nil),
            ]))
    }
}
