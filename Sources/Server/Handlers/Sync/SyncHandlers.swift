// SyncHandlers.swift: the com.atproto.sync.* methods. Book: docs/17-sync.md.
import Engine

/// Registers `com.atproto.sync.*`.
enum SyncHandlers {
    static func register(_ m: inout XRPCMethods) {
        m.query("com.atproto.sync.getRepo", getRepo)
        m.query("com.atproto.sync.getLatestCommit", getLatestCommit)
        m.query("com.atproto.sync.getRepoStatus", getRepoStatus)
        m.query("com.atproto.sync.listRepos", listRepos)
        m.query("com.atproto.sync.getRecord", getRecordProof)
        m.query("com.atproto.sync.getBlocks", getBlocks)
        m.query("com.atproto.sync.getBlob", getBlob)
        m.query("com.atproto.sync.listBlobs", listBlobs)
    }
}
