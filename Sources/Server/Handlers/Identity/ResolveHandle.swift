// ResolveHandle.swift: com.atproto.identity.resolveHandle. Book: docs/12-accounts-and-dids.md ("Resolving handles").
import Engine

extension IdentityHandlers {
    /// A handle's DID: this server's accounts first, then the handle's own domain.
    @Sendable static func resolveHandle(_ call: XRPCCall) async throws -> XRPCOutput {
        let raw = try call.requiredString("handle")
        guard let handle = try? Handle(raw).string else {
            throw XRPCError.invalidRequest("Invalid handle", name: "InvalidHandle")
        }
        let pds = call.pds
        if let account = try await pds.control.account(handle: handle), account.isActive {
            return .json(["did": .string(account.did)])
        }
        if HandleRules.isServiceHandle(handle, domains: pds.config.handleDomains) {
            throw XRPCError.invalidRequest("Unable to resolve handle", name: "HandleNotFound")
        }
        guard let did = await HandleResolver.shared.resolve(handle) else {
            throw XRPCError.invalidRequest("Unable to resolve handle", name: "HandleNotFound")
        }
        return .json(["did": .string(did)])
    }
}
