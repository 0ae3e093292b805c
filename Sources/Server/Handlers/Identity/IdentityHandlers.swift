// IdentityHandlers.swift: the com.atproto.identity.* methods. Book: docs/10-xrpc.md ("Adding a method").
import Engine

/// Registers `com.atproto.identity.*`.
enum IdentityHandlers {
    static func register(_ m: inout XRPCMethods) {
        m.query("com.atproto.identity.resolveHandle", resolveHandle)
        m.procedure("com.atproto.identity.updateHandle", updateHandle)
        m.query("com.atproto.identity.getRecommendedDidCredentials", getRecommendedDidCredentials)
        m.procedure("com.atproto.identity.submitPlcOperation", submitPlcOperation)
        m.procedure("com.atproto.identity.requestPlcOperationSignature", requestPlcOperationSignature)
        m.procedure("com.atproto.identity.signPlcOperation", signPlcOperation)
    }
}
