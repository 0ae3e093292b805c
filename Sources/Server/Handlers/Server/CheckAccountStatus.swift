// CheckAccountStatus.swift: com.atproto.server.checkAccountStatus. Book: docs/12-accounts-and-dids.md.
import Engine

extension ServerHandlers {
    /// The caller's repo head and counts, and whether its DID document points here with its key.
    @Sendable static func checkAccountStatus(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let pds = call.pds
        guard let account = try await pds.control.account(did: auth.did) else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        let (root, blocks, records) = try await pds.blocking { () throws -> (RepoRoot?, Int, Int) in
            guard try pds.storage.repoID(did: auth.did) != nil else { return (nil, 0, 0) }
            var blocks = 0
            try pds.storage.forEachBlock(did: auth.did) { _, _ in blocks += 1 }
            return (try pds.storage.root(did: auth.did), blocks, try pds.storage.countRecords(did: auth.did))
        }
        var validDid = false
        if let did = try? DID(auth.did), let doc = try? await pds.plc.document(did: did) {
            let key = try? await pds.signingKey(did: auth.did)
            validDid = doc.pdsEndpoint == pds.config.publicURL && key != nil && doc.signingDIDKey == key?.didKey
        }
        return .json([
            "activated": .bool(account.deactivatedAt == nil), "validDid": .bool(validDid),
            "repoCommit": root.map { .string($0.commit.string) } ?? .null, "repoRev": root.map { .string($0.rev) } ?? .null,
            "repoBlocks": .int(Int64(blocks)), "indexedRecords": .int(Int64(records)), "privateStateValues": 0,
            // Blob counts come with the blob store (not tracked by this handler yet).
            "expectedBlobs": 0, "importedBlobs": 0,
        ])
    }
}
