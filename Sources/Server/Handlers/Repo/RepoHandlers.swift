// RepoHandlers.swift: the com.atproto.repo.* methods. Book: docs/14-records.md, docs/15-blobs.md.
import Engine

/// Registers `com.atproto.repo.*`.
enum RepoHandlers {
    static func register(_ m: inout XRPCMethods) {
        m.procedure("com.atproto.repo.createRecord", body: .collect(limit: XRPCMethods.recordLimit), createRecord)
        m.procedure("com.atproto.repo.putRecord", body: .collect(limit: XRPCMethods.recordLimit), putRecord)
        m.procedure("com.atproto.repo.deleteRecord", body: .collect(limit: XRPCMethods.recordLimit), deleteRecord)
        m.procedure("com.atproto.repo.applyWrites", body: .collect(limit: XRPCMethods.recordLimit), applyWrites)
        m.query("com.atproto.repo.getRecord", getRecord)
        m.query("com.atproto.repo.listRecords", listRecords)
        m.query("com.atproto.repo.describeRepo", describeRepo)
        m.procedure("com.atproto.repo.uploadBlob", body: .stream, uploadBlob)
        m.query("com.atproto.repo.listMissingBlobs", listMissingBlobs)
    }
}
