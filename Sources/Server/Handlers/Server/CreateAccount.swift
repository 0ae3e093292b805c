// CreateAccount.swift: com.atproto.server.createAccount. Book: docs/12-accounts-and-dids.md ("Creating an account").
import Engine

extension ServerHandlers {
    /// Creates an account with a new did:plc, its repo and a first session.
    @Sendable static func createAccount(_ call: XRPCCall) async throws -> XRPCOutput {
        let pds = call.pds
        let input = try call.jsonBody()
        func string(_ key: String) throws(XRPCError) -> String? {
            switch input[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw .invalidRequest("Input/\(key) must be a string")
            }
        }
        guard input["plcOp"] == nil else { throw XRPCError.invalidRequest("Unsupported input: \"plcOp\"") }
        guard try string("did") == nil else {
            throw XRPCError.invalidRequest("Creating an account for an existing DID is not supported yet")
        }
        guard let handleInput = try string("handle") else {
            throw XRPCError.invalidRequest("Input must have the property \"handle\"")
        }
        let password = try string("password")
        if let password, password.count > PasswordHash.maxNewPasswordLength {
            throw XRPCError.invalidRequest("Password too long. Maximum length is \(PasswordHash.maxNewPasswordLength) characters.")
        }
        var inviteCode = try string("inviteCode")
        if pds.config.inviteRequired {
            guard inviteCode?.isEmpty == false else {
                throw XRPCError.invalidRequest("No invite code provided", name: "InvalidInviteCode")
            }
        } else {
            inviteCode = nil
        }
        guard let rawEmail = try string("email"), !rawEmail.isEmpty else {
            throw XRPCError.invalidRequest("Email is required")
        }
        guard EmailAddress.isValid(rawEmail) else {
            throw XRPCError.invalidRequest("This email address is not supported, please use a different email.")
        }
        let email = rawEmail.lowercased()
        let handle = try HandleRules.normalize(handleInput, domains: pds.config.handleDomains, requireServiceDomain: true)
        let recoveryKey = try string("recoveryKey")
        if let recoveryKey, (try? DIDKey.parse(recoveryKey)) == nil {
            throw XRPCError.invalidRequest("recoveryKey must be a did:key")
        }

        // Early, friendly refusals; the unique indexes and the invite update decide races.
        if let code = inviteCode {
            guard let invite = try await pds.control.inviteCode(code), !invite.disabled, invite.remainingUses > 0 else {
                throw XRPCError.invalidRequest("Provided invite code not available", name: "InvalidInviteCode")
            }
        }
        if try await pds.control.account(handle: handle) != nil {
            throw XRPCError.invalidRequest("Handle already taken: \(handle)")
        }
        if try await pds.control.account(email: email) != nil {
            throw XRPCError.invalidRequest("Email already taken")
        }

        let created = try await AccountCreation.create(
            pds: pds,
            NewAccountRequest(
                handle: handle, email: email, password: password, inviteCode: inviteCode, recoveryKey: recoveryKey))
        call.logger.info("account created", metadata: ["did": "\(created.did.string)"])
        return .json([
            "accessJwt": .string(created.tokens.accessJwt), "refreshJwt": .string(created.tokens.refreshJwt),
            "handle": .string(created.handle), "did": .string(created.did.string),
            "didDoc": .map(created.document.ipld),
        ])
    }
}
