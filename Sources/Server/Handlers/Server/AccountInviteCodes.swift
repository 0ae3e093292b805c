// AccountInviteCodes.swift: com.atproto.server.getAccountInviteCodes and com.atproto.temp.checkSignupQueue.
// Book: docs/12-accounts-and-dids.md ("Invite codes").
import Engine
import Foundation

extension ServerHandlers {
    /// The invite codes the caller owns, with their uses; `includeUsed=false` leaves out codes with
    /// no use left. Full sessions only, as the reference.
    @Sendable static func getAccountInviteCodes(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let includeUsed = try call.bool("includeUsed", default: true)
        _ = try call.bool("createAvailable", default: true)  // deprecated; no per-account quota to fill
        _ = try await call.pds.liveAccount(did: auth.did)
        let codes = try await call.pds.control.inviteCodes(forAccount: auth.did)
            .filter { includeUsed || $0.remainingUses > 0 }
        return .json(.object([("codes", .list(codes.map(inviteJSON)))]))
    }

    /// `com.atproto.server.defs#inviteCode`: `available` is the uses minted (left plus used).
    static func inviteJSON(_ code: InviteCode) -> IPLD {
        func time(_ date: Date) -> IPLD { .string(StoreTime.datetime(date)) }
        let uses: [IPLD] = code.uses.map { use in
            .map(try! IPLDMap([("usedBy", .string(use.usedBy)), ("usedAt", time(use.usedAt))]))
        }
        return .map(
            try! IPLDMap([
                ("code", .string(code.code)), ("available", .int(Int64(code.remainingUses + code.uses.count))),
                ("disabled", .bool(code.disabled)), ("forAccount", .string(code.forAccount)),
                ("createdBy", .string(code.createdBy)), ("createdAt", time(code.createdAt)), ("uses", .list(uses)),
            ]))
    }

    /// There is no sign-up queue here: every account is activated at once.
    @Sendable static func checkSignupQueue(_ call: XRPCCall) async throws -> XRPCOutput {
        _ = try call.access()
        return .json(.object([("activated", .bool(true))]))
    }
}
