// Login.swift: finding an account by handle, DID or email and checking its password.
// Book: docs/13-sessions-and-auth.md ("Logging in").
import Engine

/// The password check behind `createSession`.
enum Login {
    /// The 401 every failed login gets, whatever failed, so logins do not reveal which accounts exist.
    static let failed = XRPCError.unauthorized("Invalid identifier or password")

    /// The account named by `identifier` (an email if it holds `@`, a DID if it starts with `did:`,
    /// else a handle), if `password` is its password or one of its app passwords (then also that
    /// app password). Unknown accounts take as long as wrong passwords.
    static func check(pds: PDS, identifier: String, password: String) async throws -> (AccountRow, AppPasswordRow?) {
        let id = identifier.lowercased()
        guard !id.isEmpty, id.utf8.count <= 2048, password.utf8.count <= PasswordHash.maxLoginPasswordLength else {
            throw failed
        }
        let account: AccountRow?
        if id.contains("@") {
            account = try await pds.control.account(email: id)
        } else if id.hasPrefix("did:") {
            account = try await pds.control.account(did: identifier)
        } else {
            account = try await pds.control.account(handle: id)
        }
        guard let account, let hash = account.passwordHash else {
            try await pds.blocking { PasswordHash.burn(password) }
            throw failed
        }
        let ok = try await pds.blocking { PasswordHash.verify(password, against: hash) }
        if ok { return (account, nil) }
        // As the reference: not the account password, so perhaps one of its app passwords.
        let did = account.did
        let appHash = try await pds.blocking { try PasswordHash.appPassword(password, did: did) }
        guard let app = try await pds.control.appPassword(did: did, passwordHash: appHash) else { throw failed }
        return (account, app)
    }
}
