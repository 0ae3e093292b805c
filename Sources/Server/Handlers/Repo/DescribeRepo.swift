// DescribeRepo.swift: com.atproto.repo.describeRepo. Book: docs/14-records.md ("Reading").
import Engine

extension RepoHandlers {
    /// The repo's handle, DID, DID document, collections and whether the handle checks out.
    @Sendable static func describeRepo(_ call: XRPCCall) async throws -> XRPCOutput {
        let repo = try call.requiredString("repo")
        guard let named = try await call.pds.account(named: repo) else {
            throw XRPCError.invalidRequest("Could not find repo: \(repo.prefix(256))", name: "RepoNotFound")
        }
        let account = try await call.availableRepo(named.did)
        let did = account.did
        let storage = call.pds.storage
        let collections = try await call.pds.blocking { try storage.collections(did: did) }
        let key = try await call.pds.signingKey(did: did)
        return .json(
            .object([
                ("handle", .string(account.handle ?? Handle.invalid)), ("did", .string(did)),
                (
                    "didDoc",
                    didDocument(did: did, handle: account.handle, key: key, endpoint: call.pds.config.publicURL)
                ),
                ("collections", .list(collections.map { .string($0) })),
                ("handleIsCorrect", .bool(account.handle != nil)),
            ]))
    }

    /// The DID document this server publishes for a local account: its handle, its `#atproto`
    /// signing key and this PDS as its `#atproto_pds` service.
    static func didDocument(did: String, handle: String?, key: AnyPrivateKey, endpoint: String) -> IPLD {
        [
            "@context": .list(DIDDocument.baseContext.map { .string($0) }),
            "id": .string(did),
            "alsoKnownAs": .list(handle.map { [.string("at://\($0)")] } ?? []),
            "verificationMethod": [
                [
                    "id": .string("\(did)#atproto"), "type": "Multikey", "controller": .string(did),
                    "publicKeyMultibase": .string(key.publicKey.multikey),
                ]
            ],
            "service": [
                ["id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": .string(endpoint)]
            ],
        ]
    }
}
