// PasswordReset.swift: com.atproto.server.requestPasswordReset and resetPassword.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Engine
import Foundation

extension ServerHandlers {
    /// Mails a reset token to the account with this address. The answer is the same whether or not
    /// there is one, so the call does not reveal which addresses have accounts.
    @Sendable static func requestPasswordReset(_ call: XRPCCall) async throws -> XRPCOutput {
        let email = try BodyFields(try call.jsonBody()).requiredString("email").lowercased()
        let pds = call.pds
        guard let account = try await pds.control.account(email: email), account.takedownRef == nil else {
            return .empty
        }
        try await EmailTokens.mail(pds, .resetPassword, to: account, subject: "Reset your password") { name, token in
            "Your password reset code for \(name) is \(token). It expires in 15 minutes."
        }
        return .empty
    }

    /// Sets a new password, given a mailed reset token; every session of the account ends (its
    /// refresh tokens are revoked).
    @Sendable static func resetPassword(_ call: XRPCCall) async throws -> XRPCOutput {
        let input = BodyFields(try call.jsonBody())
        let token = try input.requiredString("token")
        let password = try input.requiredString("password")
        guard !password.isEmpty, password.utf8.count <= PasswordHash.maxNewPasswordLength else {
            throw XRPCError.invalidRequest("Password must be 1 to \(PasswordHash.maxNewPasswordLength) bytes")
        }
        let pds = call.pds
        let did = try await EmailTokens.redeem(pds, .resetPassword, token: token)
        let hash = try await pds.blocking { try PasswordHash.make(password) }
        try await pds.control.transaction { tx in
            try await tx.updatePassword(did: did, passwordHash: hash)
            try await tx.revokeRefreshTokens(did: did)
        }
        return .empty
    }
}
