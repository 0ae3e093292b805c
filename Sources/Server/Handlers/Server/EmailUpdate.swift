// EmailUpdate.swift: com.atproto.server.requestEmailUpdate and updateEmail.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Engine
import Foundation

extension ServerHandlers {
    /// Says whether changing the address needs a token and, when it does (the current address is
    /// confirmed), mails one to the current address: whoever holds the session must also hold the
    /// mailbox. Full sessions only.
    @Sendable static func requestEmailUpdate(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let pds = call.pds
        let account = try await pds.liveAccount(did: auth.did)
        guard account.email != nil else { throw EmailTokens.noAddress }
        let tokenRequired = account.emailConfirmedAt != nil
        if tokenRequired {
            try await EmailTokens.mail(pds, .updateEmail, to: account, subject: "Change your email") { name, token in
                "Your code to change the email address of \(name) is \(token). It expires in 15 minutes."
            }
        }
        return .json(["tokenRequired": .bool(tokenRequired)])
    }

    /// Sets a new address, which starts unconfirmed. A confirmed current address needs the token
    /// `requestEmailUpdate` mailed (400 `TokenRequired` without one). An address another account
    /// uses is refused. Full sessions only.
    @Sendable static func updateEmail(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let input = BodyFields(try call.jsonBody())
        let email = try input.requiredString("email").lowercased()
        let token = try input.string("token")
        guard EmailAddress.isValid(email) else {
            throw XRPCError.invalidRequest("This email address is not supported, please use a different email.")
        }
        let pds = call.pds
        let account = try await pds.liveAccount(did: auth.did)
        if let other = try await pds.control.account(email: email), other.did != auth.did { throw emailInUse }
        if account.emailConfirmedAt != nil {
            guard let token else {
                throw XRPCError.invalidRequest("confirmation token required", name: "TokenRequired")
            }
            try await EmailTokens.redeem(pds, .updateEmail, did: auth.did, token: token)
        }
        guard email != account.email else { return .empty }
        do {
            try await pds.control.updateEmail(did: auth.did, email: email)
        } catch StoreError.emailTaken {
            throw emailInUse
        }
        return .empty
    }

    private static let emailInUse = XRPCError.invalidRequest(
        "This email address is already in use, please use a different one.")
}
