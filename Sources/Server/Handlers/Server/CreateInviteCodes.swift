// CreateInviteCodes.swift: com.atproto.server.createInviteCode and createInviteCodes (admin).
// Book: docs/12-accounts-and-dids.md ("Invite codes").
import Engine

extension ServerHandlers {
    /// The most codes one createInviteCodes call makes.
    static let maxInviteCodesPerCall = 1000

    /// One invite code with `useCount` uses, for `forAccount` (default `admin`).
    @Sendable static func createInviteCode(_ call: XRPCCall) async throws -> XRPCOutput {
        try call.admin()
        let input = try call.jsonBody()
        let uses = try inviteUses(input)
        let owner = try inviteOwner(input["forAccount"])
        let code = InviteCodeText.make(hostname: call.pds.config.hostname)
        try await call.pds.control.createInviteCodes([NewInviteCode(code: code, uses: uses, forAccount: owner)])
        return .json(["code": .string(code)])
    }

    /// `codeCount` codes of `useCount` uses for each of `forAccounts` (default: one batch for `admin`).
    @Sendable static func createInviteCodes(_ call: XRPCCall) async throws -> XRPCOutput {
        try call.admin()
        let input = try call.jsonBody()
        let uses = try inviteUses(input)
        let count: Int
        switch input["codeCount"] {
        case nil: count = 1
        case .int(let n)? where n >= 1: count = Int(min(n, Int64(maxInviteCodesPerCall)))
        default: throw XRPCError.invalidRequest("codeCount must be a positive integer")
        }
        var owners = ["admin"]
        if case .list(let items)? = input["forAccounts"], !items.isEmpty {
            owners = try items.map { try inviteOwner($0) }
        }
        guard owners.count * count <= maxInviteCodesPerCall else {
            throw XRPCError.invalidRequest("At most \(maxInviteCodesPerCall) codes per call")
        }
        let hostname = call.pds.config.hostname
        let batches = owners.map { owner in (owner, (0..<count).map { _ in InviteCodeText.make(hostname: hostname) }) }
        try await call.pds.control.createInviteCodes(
            batches.flatMap { owner, codes in codes.map { NewInviteCode(code: $0, uses: uses, forAccount: owner) } })
        return .json([
            "codes": .list(batches.map { owner, codes in ["account": .string(owner), "codes": .list(codes.map { .string($0) })] })
        ])
    }

    /// `useCount`: a positive integer.
    static func inviteUses(_ input: IPLDMap) throws(XRPCError) -> Int {
        guard case .int(let n)? = input["useCount"], n >= 1, n <= 1_000_000 else {
            throw .invalidRequest("Input must have the property \"useCount\" as a positive integer")
        }
        return Int(n)
    }

    /// An owner: a DID, or `admin` when absent.
    static func inviteOwner(_ value: IPLD?) throws(XRPCError) -> String {
        switch value {
        case nil, .null?: return "admin"
        case .string(let s)? where (try? DID(s)) != nil: return s
        default: throw .invalidRequest("forAccount must be a DID")
        }
    }
}
