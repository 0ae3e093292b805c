// GetRepo.swift: com.atproto.sync.getRepo. Book: docs/17-sync.md ("Streaming a repo").
import Engine
import Hummingbird

extension SyncHandlers {
    /// Chunk size of a streamed CAR.
    static let carChunkBytes = 256 * 1024

    /// The whole repo as a CAR v1 (root: the current commit), or with `since` only the blocks
    /// commits after that rev added; streamed from a prefix scan with bounded memory.
    @Sendable static func getRepo(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.didParam()
        let since = call.string("since").flatMap { $0.isEmpty ? nil : $0 }
        _ = try await call.availableRepo(did)
        _ = try await call.head(did)
        let storage = call.pds.storage
        let body = BlockingStream.body { send in
            try RepoTransfer.exportCAR(from: storage, did: did, since: since, chunkBytes: carChunkBytes, send)
        }
        return .response(Response(status: .ok, headers: [.contentType: "application/vnd.ipld.car"], body: body))
    }
}
