// InviteQuota.swift: how many invite codes an account has earned and not yet been given.
// Book: docs/12-accounts-and-dids.md ("Invite codes").
import Foundation

/// Per-account invite quotas (`PDS_INVITE_INTERVAL`, `PDS_INVITE_EPOCH`, as the reference PDS
/// names them): an account earns one code per interval of its life since the epoch, and holds
/// at most `maxOpen` unused earned codes at a time. Codes an operator gave it do not count.
struct InviteQuota: Sendable {
    /// Time to earn one code.
    var interval: TimeInterval
    /// Only time after this counts (the start of the current invite season).
    var epoch: Date
    /// Unused earned codes an account may hold.
    static let maxOpen = 5

    /// How many codes to create now for an account made at `createdAt` that holds `codes`, and
    /// how many earned codes it will then have in all (the store checks that total, so that two
    /// racing requests cannot both fill the same quota).
    func toCreate(createdAt: Date, codes: [InviteCode], now: Date = Date()) -> (count: Int, total: Int) {
        let earned = codes.filter { $0.createdBy != "admin" }
        let open = earned.filter { !$0.disabled && $0.remainingUses > 0 }.count
        let since = max(createdAt, epoch)
        let intervals = since < now ? Int(now.timeIntervalSince(since) / interval) : 0
        let thisSeason = earned.filter { $0.createdAt > epoch }.count
        let count = max(0, min(Self.maxOpen - open, intervals - thisSeason))
        return (count, earned.count + count)
    }
}
