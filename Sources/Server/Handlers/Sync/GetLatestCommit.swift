// GetLatestCommit.swift: com.atproto.sync.getLatestCommit. Book: docs/17-sync.md.
import Engine

extension SyncHandlers {
    /// The repo's current commit CID and rev.
    @Sendable static func getLatestCommit(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.didParam()
        _ = try await call.availableRepo(did)
        let root = try await call.head(did)
        return .json(["cid": .string(root.commit.string), "rev": .string(root.rev)])
    }
}
