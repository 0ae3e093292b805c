// GetServiceAuth.swift: com.atproto.server.getServiceAuth: a short-lived token for another service.
// Book: docs/13-sessions-and-auth.md ("Service auth").
import Engine
import Foundation

extension ServerHandlers {
    /// Methods that manage the account itself: no service token is issued for them, so another
    /// service can never act on the account's credentials, email or identity (the reference's list).
    static let protectedMethods: Set<String> = [
        "com.atproto.admin.sendEmail", "com.atproto.identity.requestPlcOperationSignature",
        "com.atproto.identity.signPlcOperation", "com.atproto.identity.updateHandle",
        "com.atproto.server.activateAccount", "com.atproto.server.confirmEmail",
        "com.atproto.server.createAppPassword", "com.atproto.server.deactivateAccount",
        "com.atproto.server.getAccountInviteCodes", "com.atproto.server.getSession",
        "com.atproto.server.listAppPasswords", "com.atproto.server.requestAccountDelete",
        "com.atproto.server.requestEmailConfirmation", "com.atproto.server.requestEmailUpdate",
        "com.atproto.server.revokeAppPassword", "com.atproto.server.updateEmail",
    ]

    /// Methods only a full session or a privileged app password may get a token for.
    static func isPrivileged(_ lxm: String) -> Bool {
        lxm.hasPrefix("chat.bsky.") || lxm == "com.atproto.server.createAccount"
    }

    /// A JWT for `aud` (a DID, optionally `#service`), signed with the account's repo key, valid
    /// until `exp` (default 60 s; at most an hour, and at most a minute without `lxm`), bound to
    /// the method `lxm` when given.
    @Sendable static func getServiceAuth(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let aud = try call.requiredString("aud")
        guard aud.utf8.count <= 2048, (try? DID(String(aud.split(separator: "#", maxSplits: 1)[0]))) != nil else {
            throw XRPCError.invalidRequest("aud must be a DID, optionally with a #service fragment")
        }
        let lxm = call.string("lxm")
        if let lxm {
            guard (try? NSID(lxm)) != nil else { throw XRPCError.invalidRequest("lxm must be an NSID") }
            if protectedMethods.contains(lxm) {
                throw XRPCError.invalidRequest("cannot request a service token for a protected method")
            }
            if isPrivileged(lxm) && auth.scope == .appPass {
                throw XRPCError.invalidRequest("insufficient access to request a service token for \(lxm)")
            }
        }
        let now = XRPCCall.now()
        var exp = now + 60
        if let text = call.string("exp") {
            guard let requested = Int64(text) else { throw XRPCError.invalidRequest("exp must be an integer") }
            guard requested > now else { throw XRPCError.invalidRequest("expiration is in past", name: "BadExpiration") }
            guard requested - now <= 3600 else {
                throw XRPCError.invalidRequest(
                    "cannot request a token with an expiration more than an hour in the future", name: "BadExpiration")
            }
            guard lxm != nil || requested - now <= 60 else {
                throw XRPCError.invalidRequest(
                    "cannot request a method-less token with an expiration more than a minute in the future",
                    name: "BadExpiration")
            }
            exp = requested
        }
        _ = try await call.pds.liveAccount(did: auth.did)
        let key = try await call.pds.signingKey(did: auth.did)
        var claims: [(String, IPLD)] = [
            ("iat", .int(now)), ("iss", .string(auth.did)), ("aud", .string(aud)), ("exp", .int(exp)),
            ("jti", .string(ServerSecrets.hex(Secrets.randomBytes(16)))),
        ]
        if let lxm { claims.append(("lxm", .string(lxm))) }
        let token = ServiceJWT.sign(claims: .map(try IPLDMap(claims)), key: key)
        return .json(.object([("token", .string(token))]))
    }
}
