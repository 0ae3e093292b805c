// AccountInviteCodes.swift: com.atproto.server.getAccountInviteCodes and com.atproto.temp.checkSignupQueue.
// Book: docs/12-accounts-and-dids.md ("Invite codes").
import Engine
import Foundation

extension ServerHandlers {
    /// The invite codes the caller owns, with their uses; `includeUsed=false` leaves out codes with
    /// no use left, and disabled codes are never listed. With invites required and a quota set
    /// (`PDS_INVITE_INTERVAL`), `createAvailable` (the default) first creates the codes the
    /// account has earned (`InviteQuota`). Full sessions only, as the reference.
    @Sendable static func getAccountInviteCodes(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let includeUsed = try call.bool("includeUsed", default: true)
        let createAvailable = try call.bool("createAvailable", default: true)
        let pds = call.pds
        let account = try await pds.liveAccount(did: auth.did)
        var codes = try await pds.control.inviteCodes(forAccount: auth.did)
        if createAvailable, pds.config.inviteRequired, let interval = pds.config.inviteInterval {
            let quota = InviteQuota(interval: interval, epoch: pds.config.inviteEpoch)
            let (count, total) = quota.toCreate(createdAt: account.createdAt, codes: codes)
            if count > 0 {
                let made = (0..<count).map { _ in
                    NewInviteCode(
                        code: InviteCodeText.make(hostname: pds.config.hostname), uses: 1, forAccount: auth.did,
                        createdBy: auth.did)
                }
                do {
                    try await pds.control.createEarnedInviteCodes(
                        made, for: auth.did, total: total, disabled: account.invitesDisabled)
                } catch StoreError.inviteCodeExists {
                    // A request racing this one created them (or a text collided): list what is there.
                }
                codes = try await pds.control.inviteCodes(forAccount: auth.did)
            }
        }
        let listed = codes.filter { !$0.disabled && (includeUsed || $0.remainingUses > 0) }
        return .json(.object([("codes", .list(listed.map(inviteJSON)))]))
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
