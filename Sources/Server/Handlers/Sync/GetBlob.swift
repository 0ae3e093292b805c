// GetBlob.swift: com.atproto.sync.getBlob. Book: docs/15-blobs.md ("Serving").
import Engine
import Foundation
import Hummingbird

extension SyncHandlers {
    /// A blob that a record of the repo references, streamed from disk with its stored type and
    /// headers that stop browsers from running it (`nosniff`, a sandboxing CSP, attachment).
    @Sendable static func getBlob(_ call: XRPCCall) async throws -> XRPCOutput {
        let did = try call.didParam()
        guard let cid = try call.cidParam("cid") else {
            throw XRPCError.invalidRequest("Error: Params must have the property \"cid\"")
        }
        _ = try await call.availableRepo(did)
        let storage = call.pds.storage
        let path = call.pds.blobStore.path(did: did, cid: cid)
        let blob = try await call.pds.blocking { () throws -> StoredBlob? in
            guard try storage.repoID(did: did) != nil, let blob = try storage.blob(did: did, cid: cid),
                try storage.blobIsReferenced(did: did, cid: cid), FileManager.default.fileExists(atPath: path)
            else { return nil }
            return blob
        }
        guard let blob else { throw XRPCError.invalidRequest("Blob not found", name: "BlobNotFound") }
        let body = BlockingStream.body { send in
            guard let file = FileHandle(forReadingAtPath: path) else { throw XRPCError.internalError }
            defer { try? file.close() }
            while let chunk = try file.read(upToCount: 256 * 1024), !chunk.isEmpty { try send([UInt8](chunk)) }
        }
        let headers: HTTPFields = [
            .contentType: blob.mimeType, .contentLength: String(blob.size),
            .init("x-content-type-options")!: "nosniff",
            .init("content-security-policy")!: "default-src 'none'; sandbox",
            .contentDisposition: "attachment; filename=\"\(cid.string)\"",
        ]
        return .response(Response(status: .ok, headers: headers, body: body))
    }
}
