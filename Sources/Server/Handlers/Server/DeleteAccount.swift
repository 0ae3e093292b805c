// DeleteAccount.swift: com.atproto.server.requestAccountDelete and deleteAccount.
// Book: docs/13-sessions-and-auth.md ("Deleting an account").
import Engine
import Foundation

extension ServerHandlers {
    /// Mails a deletion token to the caller's address. Deactivated accounts may ask (a user who
    /// left can still erase what remains); taken-down ones may not.
    @Sendable static func requestAccountDelete(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let pds = call.pds
        let account = try await pds.liveAccount(did: auth.did)
        try await EmailTokens.mail(pds, .deleteAccount, to: account, subject: "Delete your account") { name, token in
            "Your code to delete the account \(name) for good is \(token). It expires in 15 minutes. "
                + "If you did not ask for this, change your password."
        }
        return .empty
    }

    /// Deletes an account for good, given its DID, its main password (an app password will not
    /// do) and the mailed token; no session is needed, as in the reference. A wrong DID or
    /// password is 401 `AuthenticationRequired` with one message for both.
    @Sendable static func deleteAccount(_ call: XRPCCall) async throws -> XRPCOutput {
        let input = BodyFields(try call.jsonBody())
        let did = try input.requiredString("did")
        let password = try input.requiredString("password")
        let token = try input.requiredString("token")
        let pds = call.pds
        let refused = XRPCError.unauthorized("Invalid did or password")
        guard (try? DID(did)) != nil, let account = try await pds.control.account(did: did),
            let hash = account.passwordHash
        else { throw refused }
        guard try await pds.blocking({ PasswordHash.verify(password, against: hash) }) else { throw refused }
        try await EmailTokens.redeem(pds, .deleteAccount, did: did, token: token)
        guard try await AccountDeletion.run(pds, did: did) else { throw refused }
        call.logger.info("account deleted", metadata: ["did": "\(did)"])
        return .empty
    }
}
