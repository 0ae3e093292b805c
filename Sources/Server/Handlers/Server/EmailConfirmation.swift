// EmailConfirmation.swift: com.atproto.server.requestEmailConfirmation and confirmEmail.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Engine
import Foundation

extension ServerHandlers {
    /// Mails a confirmation token to the account's address.
    @Sendable static func requestEmailConfirmation(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let pds = call.pds
        let account = try await pds.liveAccount(did: auth.did)
        try await EmailTokens.mail(pds, .confirmEmail, to: account, subject: "Confirm your email") { name, token in
            "Your confirmation code for \(name) is \(token). It expires in 15 minutes."
        }
        return .empty
    }

    /// Marks the address confirmed, given the mailed token and the address it went to.
    @Sendable static func confirmEmail(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let input = BodyFields(try call.jsonBody())
        let email = try input.requiredString("email")
        let token = try input.requiredString("token")
        let pds = call.pds
        let account = try await pds.liveAccount(did: auth.did)
        guard let current = account.email, current == email.lowercased() else {
            throw XRPCError.invalidRequest("invalid email", name: "InvalidEmail")
        }
        try await EmailTokens.redeem(pds, .confirmEmail, did: auth.did, token: token)
        try await pds.control.confirmEmail(did: auth.did)
        return .empty
    }
}
