// RepoAccess.swift: which repo a call names, whether the caller may write it, and whether others may read it.
// Book: docs/14-records.md ("Who may write"), docs/17-sync.md ("Availability").
import Engine

extension AccountRow {
    /// `takendown`, `deactivated`, or nil while active (takedown wins, as in the reference).
    var status: String? { takedownRef != nil ? "takendown" : deactivatedAt != nil ? "deactivated" : nil }
}

extension PDS {
    /// The local account a `repo` parameter names (a handle or a DID), whatever its status.
    func account(named repo: String) async throws -> AccountRow? {
        let id: ATIdentifier
        do { id = try ATIdentifier(repo) } catch {
            throw XRPCError.invalidRequest("Error: repo must be a valid did or handle")
        }
        switch id {
        case .did(let did): return try await account(did: did.string)
        case .handle(let handle):
            let name = handle.string.lowercased()
            let generation = control.writeGeneration
            if let row = accountCache.row(handle: name, generation: generation) { return row }
            return try await remember(control.account(handle: name), generation)
        }
    }

    /// The account with this DID, from the account cache when it is current, else from SQL.
    func account(did: String) async throws -> AccountRow? {
        let generation = control.writeGeneration
        if let row = accountCache.row(did: did, generation: generation) { return row }
        return try await remember(control.account(did: did), generation)
    }

    /// The caller's own account, whatever its activation: gone is 403 `AccountNotFound`, taken
    /// down 401 `AccountTakedown`, as the reference.
    func liveAccount(did: String) async throws -> AccountRow {
        guard let account = try await account(did: did) else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        if account.takedownRef != nil { throw XRPCError.unauthorized("Account has been taken down", name: "AccountTakedown") }
        return account
    }

    /// Caches a row read from SQL if no write started or ended since `generation` was taken.
    private func remember(_ row: AccountRow?, _ generation: UInt64) -> AccountRow? {
        if let row, control.writeGeneration == generation { accountCache.store(row, generation: generation) }
        return row
    }
}

extension XRPCCall {
    /// The DID of the repo a write goes to: the caller's own, active account, named by handle or DID.
    ///
    /// As the reference: a caller whose account is gone gets 403 `AccountNotFound`, taken down 401
    /// `AccountTakedown`, deactivated 401 `AccountDeactivated`; an unknown repo is 400, and someone
    /// else's repo 401.
    func writableRepo(_ repo: String) async throws -> String {
        let auth = try access()
        let caller = try await pds.liveAccount(did: auth.did)
        if caller.deactivatedAt != nil {
            throw XRPCError.unauthorized("Account is deactivated", name: "AccountDeactivated")
        }
        if repo == auth.did { return auth.did }
        guard let target = try await pds.account(named: repo) else {
            throw XRPCError.invalidRequest("Could not find repo: \(repo.prefix(256))")
        }
        guard target.did == auth.did else { throw XRPCError.unauthorized("Cannot write to another account's repo") }
        return auth.did
    }

    /// The local, active account a read names (`repo.getRecord`, `listRecords`): others count as absent.
    func readableRepo(_ repo: String) async throws -> AccountRow {
        guard let account = try await pds.account(named: repo), account.isActive else {
            throw XRPCError.invalidRequest("Could not find repo: \(repo.prefix(256))")
        }
        return account
    }

    /// Optional credentials of a sync read: admin Basic, a bearer token (which must verify), or none.
    func optionalCaller() throws(XRPCError) -> (did: String?, admin: Bool) {
        guard let header = request.headers[.authorization] else { return (nil, false) }
        if header.lowercased().hasPrefix("basic ") {
            try admin()
            return (nil, true)
        }
        return (try access(allowTakendown: true).did, false)
    }

    /// The `did` parameter of a sync method, checked.
    func didParam(_ name: String = "did") throws(XRPCError) -> String {
        let did = try requiredString(name)
        guard (try? DID(did)) != nil else { throw .invalidRequest("Error: \(name) must be a valid did") }
        return did
    }

    /// The account behind a sync read, as the reference's `assertRepoAvailability`: unknown →
    /// `RepoNotFound`; unless the caller is an admin or the account itself, taken down →
    /// `RepoTakendown` and deactivated → `RepoDeactivated` (all 400).
    func availableRepo(_ did: String) async throws -> AccountRow {
        guard let account = try await pds.account(did: did) else {
            throw XRPCError.invalidRequest("Could not find repo for DID: \(did)", name: "RepoNotFound")
        }
        let caller = try optionalCaller()
        if caller.admin || caller.did == did { return account }
        if account.takedownRef != nil {
            throw XRPCError.invalidRequest("Repo has been takendown: \(did)", name: "RepoTakendown")
        }
        if account.deactivatedAt != nil {
            throw XRPCError.invalidRequest("Repo has been deactivated: \(did)", name: "RepoDeactivated")
        }
        return account
    }

    /// The repo's head, or `RepoNotFound` when the account has no repo (yet).
    func head(_ did: String) async throws -> RepoRoot {
        let storage = pds.storage
        guard let root = try await pds.blocking({ try storage.repoID(did: did) == nil ? nil : storage.root(did: did) })
        else { throw XRPCError.invalidRequest("Could not find repo for DID: \(did)", name: "RepoNotFound") }
        return root
    }
}
