// ServerHandlers.swift: the com.atproto.server.* methods this file group serves.
// Book: docs/10-xrpc.md ("Adding a method").
import Engine

/// Registers `com.atproto.server.*`.
enum ServerHandlers {
    static func register(_ m: inout XRPCMethods) {
        m.query("com.atproto.server.describeServer", describeServer)
    }
}
