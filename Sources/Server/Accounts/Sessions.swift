// Sessions.swift: opening a session (mint the token pair, store the refresh id) and describing one.
// Book: docs/13-sessions-and-auth.md ("Logging in").
import Engine
import Foundation

/// What a session answer says about its account.
enum AccountStatus {
    /// `active` and, when inactive, `status` as the lexicons name them.
    static func of(_ account: AccountRow) -> (active: Bool, status: String?) {
        if account.takedownRef != nil { return (false, "takendown") }
        if account.deactivatedAt != nil { return (false, "deactivated") }
        return (true, nil)
    }
}

extension PDS {
    /// Mints a token pair for `did` and, if `store`, records its refresh id in `db` (a taken-down
    /// session is not stored, so it can not be refreshed).
    func openSession(
        did: String, scope: AuthScope, appPasswordName: String? = nil, store: Bool = true,
        in db: some ControlDatabase
    ) async throws -> SessionTokens {
        let tokens = SessionTokens.mint(
            did: did, scope: scope, serviceDID: config.serviceDID, secret: secrets.jwtSecret, now: XRPCCall.now())
        if store {
            try await db.insertRefreshToken(
                RefreshTokenRow(
                    id: tokens.refreshID, did: did,
                    expiresAt: Date(timeIntervalSince1970: Double(tokens.refreshExpiresAt)),
                    appPasswordName: appPasswordName))
        }
        return tokens
    }
}

/// The JSON bodies of session answers.
enum SessionJSON {
    /// `{handle, did, email?, emailConfirmed, active, status?}` (getSession).
    static func account(_ account: AccountRow) -> [(String, IPLD)] {
        let (active, status) = AccountStatus.of(account)
        var pairs: [(String, IPLD)] = [
            ("handle", .string(account.handle ?? Handle.invalid)), ("did", .string(account.did)),
        ]
        if let email = account.email {
            pairs.append(("email", .string(email)))
            pairs.append(("emailConfirmed", .bool(account.emailConfirmedAt != nil)))
            pairs.append(("emailAuthFactor", .bool(false)))
        }
        pairs.append(("active", .bool(active)))
        if let status { pairs.append(("status", .string(status))) }
        return pairs
    }

    /// The tokens followed by the account fields (createSession, refreshSession).
    static func session(_ tokens: SessionTokens, _ account: AccountRow) -> IPLD {
        .map(try! IPLDMap([("accessJwt", .string(tokens.accessJwt)), ("refreshJwt", .string(tokens.refreshJwt))] + Self.account(account)))
    }
}
