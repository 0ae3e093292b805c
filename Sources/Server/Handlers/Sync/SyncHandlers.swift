// SyncHandlers.swift: the com.atproto.sync.* methods. Book: docs/10-xrpc.md ("Adding a method").
import Engine

/// Registers `com.atproto.sync.*`.
enum SyncHandlers {
    static func register(_ m: inout XRPCMethods) {}
}
