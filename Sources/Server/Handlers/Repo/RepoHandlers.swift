// RepoHandlers.swift: the com.atproto.repo.* methods. Book: docs/10-xrpc.md ("Adding a method").
import Engine

/// Registers `com.atproto.repo.*`.
enum RepoHandlers {
    static func register(_ m: inout XRPCMethods) {}
}
