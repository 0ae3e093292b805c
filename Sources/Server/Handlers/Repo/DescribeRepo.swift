// DescribeRepo.swift: com.atproto.repo.describeRepo. Book: docs/14-records.md ("Reading").
import Engine

extension RepoHandlers {
    /// The repo's handle, DID, DID document, collections and whether the handle checks out.
    ///
    /// As the reference, the document is the DID's current one as published (the local PLC log, or
    /// the configured directory), and the handle is correct when that document claims the
    /// account's handle.
    @Sendable static func describeRepo(_ call: XRPCCall) async throws -> XRPCOutput {
        let repo = try call.requiredString("repo")
        guard let named = try await call.pds.account(named: repo) else {
            throw XRPCError.invalidRequest("Could not find repo: \(repo.prefix(256))", name: "RepoNotFound")
        }
        let account = try await call.availableRepo(named.did)
        let did = account.did
        let storage = call.pds.storage
        let collections = try await call.pds.blocking { try storage.collections(did: did) }
        let document = try await publishedDocument(call.pds, did: did)
        return .json(
            .object([
                ("handle", .string(account.handle ?? Handle.invalid)), ("did", .string(did)),
                ("didDoc", .map(document.ipld)),
                ("collections", .list(collections.map { .string($0) })),
                ("handleIsCorrect", .bool(account.handle != nil && document.handle?.string == account.handle)),
            ]))
    }

    /// The DID's document as published: did:plc from the PLC log (local or remote); anything else
    /// as this server would publish it.
    static func publishedDocument(_ pds: PDS, did: String) async throws -> DIDDocument {
        if let plc = try? DID(did), did.hasPrefix("did:plc:") {
            let document: DIDDocument?
            do { document = try await PLCService(pds: pds).document(did: plc) } catch {
                throw XRPCError.invalidRequest("Could not resolve DID: \(did)")
            }
            guard let document else { throw XRPCError.invalidRequest("Could not resolve DID: \(did)") }
            return document
        }
        let key = try await pds.signingKey(did: did)
        let built = didDocument(did: did, handle: nil, key: key, endpoint: pds.config.publicURL)
        return try DIDDocument(ipld: built)
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
