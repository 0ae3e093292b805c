// ServerHandlers.swift: the com.atproto.server.* methods this file group serves.
// Book: docs/10-xrpc.md ("Adding a method").
import Engine

/// Registers `com.atproto.server.*`.
enum ServerHandlers {
    static func register(_ m: inout XRPCMethods) {
        m.query("com.atproto.server.describeServer", describeServer)
        // The reference's per-client limits on sign-up and login.
        m.procedure("com.atproto.server.createAccount", rateLimit: RateLimit(100, per: 300), createAccount)
        m.procedure("com.atproto.server.createSession", rateLimit: RateLimit(30, per: 300), createSession)
        m.query("com.atproto.server.getSession", getSession)
        m.procedure("com.atproto.server.refreshSession", refreshSession)
        m.procedure("com.atproto.server.deleteSession", deleteSession)
        m.procedure("com.atproto.server.createInviteCode", createInviteCode)
        m.procedure("com.atproto.server.createInviteCodes", createInviteCodes)
        m.query("com.atproto.server.checkAccountStatus", checkAccountStatus)
        m.procedure("com.atproto.server.createAppPassword", createAppPassword)
        m.query("com.atproto.server.listAppPasswords", listAppPasswords)
        m.procedure("com.atproto.server.revokeAppPassword", revokeAppPassword)
        m.procedure("com.atproto.server.deactivateAccount", deactivateAccount)
        m.procedure("com.atproto.server.activateAccount", activateAccount)
        m.query("com.atproto.server.getAccountInviteCodes", getAccountInviteCodes)
        m.query("com.atproto.temp.checkSignupQueue", checkSignupQueue)
        m.query("com.atproto.server.getServiceAuth", getServiceAuth)
        m.procedure("com.atproto.server.requestEmailConfirmation", requestEmailConfirmation)
        m.procedure("com.atproto.server.confirmEmail", confirmEmail)
        m.procedure("com.atproto.server.requestPasswordReset", rateLimit: RateLimit(15, per: 3600), requestPasswordReset)
        m.procedure("com.atproto.server.resetPassword", rateLimit: RateLimit(50, per: 300), resetPassword)
        m.procedure("com.atproto.server.requestEmailUpdate", requestEmailUpdate)
        m.procedure("com.atproto.server.updateEmail", updateEmail)
        m.procedure("com.atproto.server.requestAccountDelete", requestAccountDelete)
        m.procedure("com.atproto.server.deleteAccount", rateLimit: RateLimit(50, per: 300), deleteAccount)
        // Unauthenticated and it stores a row: a per-client limit on top of the global one.
        m.procedure("com.atproto.server.reserveSigningKey", rateLimit: RateLimit(100, per: 300), reserveSigningKey)
    }
}
