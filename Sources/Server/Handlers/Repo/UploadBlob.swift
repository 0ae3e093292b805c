// UploadBlob.swift: com.atproto.repo.uploadBlob. Book: docs/15-blobs.md ("Upload").
import Engine
import Foundation

extension RepoHandlers {
    /// Streams the body to disk (at most `PDS_BLOB_UPLOAD_LIMIT` bytes, else 413), names it by the
    /// CID of its bytes (raw codec), sniffs its type, and returns the blob reference a record can use.
    ///
    /// The caller is the account of an access token or, as in the reference, of a service token
    /// bound to this method (a service such as a video transcoder uploading for the account).
    @Sendable static func uploadBlob(_ call: XRPCCall) async throws -> XRPCOutput {
        let did: String
        if call.presentsServiceAuth {
            let service = try await call.serviceAuth(lxm: call.nsid)
            guard service.service == nil else {
                throw XRPCError.unauthorized("jwt iss must be an account DID", name: "BadJwtIss")
            }
            did = service.did
        } else {
            did = try call.access().did
        }
        guard let account = try await call.pds.control.account(did: did) else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        if account.takedownRef != nil {
            throw XRPCError.unauthorized("Account has been taken down", name: "AccountTakedown")
        }
        let limit = call.pds.config.blobUploadLimit
        if let length = call.request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw XRPCError.payloadTooLarge()
        }
        if let encoding = call.request.headers[.contentEncoding], encoding.lowercased() != "identity" {
            throw XRPCError.unsupportedMediaType("Unsupported content-encoding: \(encoding.prefix(40))")
        }
        let blob = try await call.pds.blobStore.upload(
            call.request.body, did: did, declaredType: call.request.headers[.contentType], limit: limit,
            pds: call.pds,
            now: UInt64(Date().timeIntervalSince1970 * 1_000_000))
        return .json(["blob": blobRef(blob)])
    }

    /// The JSON blob reference of a stored blob.
    static func blobRef(_ blob: StoredBlob) -> IPLD {
        ["$type": "blob", "ref": .link(blob.cid), "mimeType": .string(blob.mimeType), "size": .int(blob.size)]
    }
}
