// GetRepoStatus.swift: com.atproto.sync.getRepoStatus. Book: docs/17-sync.md ("Availability").
import Engine

extension SyncHandlers {
    /// Whether the repo is hosted and active, why not, and its rev while active.
    @Sendable static func getRepoStatus(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.didParam()
        guard let account = try await call.pds.control.account(did: did) else {
            throw XRPCError.invalidRequest("Could not find repo for DID: \(did)", name: "RepoNotFound")
        }
        var rev: IPLD? = nil
        if account.isActive {
            let storage = call.pds.storage
            rev = try await call.pds.blocking {
                try storage.repoID(did: did) == nil ? nil : storage.root(did: did)
            }.map { .string($0.rev) }
        }
        return .json(
            .object([
                ("did", .string(did)), ("active", .bool(account.isActive)),
                ("status", account.status.map { .string($0) }),
                ("rev", rev),
            ]))
    }
}
