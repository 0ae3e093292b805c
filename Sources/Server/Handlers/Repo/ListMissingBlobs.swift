// ListMissingBlobs.swift: com.atproto.repo.listMissingBlobs. Book: docs/15-blobs.md ("Listing").
import Engine

extension RepoHandlers {
    /// Blobs the caller's records reference that were never uploaded here (after a migration),
    /// by CID; `limit` 1–1000 (500), `cursor` the last CID of the previous page.
    @Sendable static func listMissingBlobs(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.access().did
        let limit = try call.int("limit", default: 500, in: 1...1000)
        let after = try call.cidParam("cursor")
        let storage = call.pds.storage
        let missing = try await call.pds.blocking { try storage.listMissingBlobs(did: did, after: after, limit: limit) }
        return .json(
            .object([
                (
                    "blobs",
                    .list(
                        missing.map {
                            [
                                "cid": .string($0.cid.string),
                                "recordUri": .string(recordURI(did, $0.collection, $0.rkey)),
                            ]
                        })
                ),
                ("cursor", missing.count == limit ? missing.last.map { .string($0.cid.string) } : nil),
            ]))
    }
}

extension XRPCCall {
    /// An optional CID parameter (empty counts as absent).
    func cidParam(_ name: String) throws(XRPCError) -> CID? {
        guard let text = string(name), !text.isEmpty else { return nil }
        do { return try CID(string: text) } catch { throw .invalidRequest("Error: \(name) must be a cid string") }
    }
}
