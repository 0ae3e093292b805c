// EmailTokens.swift: single-use tokens sent by mail, with expiry, compared in constant time.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Engine
import Foundation

/// The tokens behind email confirmation (and later password reset, email update, deletion and PLC
/// signing): `XXXXX-XXXXX` in upper-case base32 (50 random bits), one per account and purpose (a
/// new request replaces the old token), valid for 15 minutes, and deleted when used.
enum EmailTokens {
    /// How long a token is valid.
    static let lifetime: TimeInterval = 15 * 60

    /// A fresh token text.
    static func make() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let chars = Secrets.randomBytes(10).map { alphabet[Int($0 & 31)] }
        return String(chars[0..<5]) + "-" + String(chars[5..<10])
    }

    /// Stores a new token for `did` and `purpose` and returns it.
    private static func issue(_ pds: PDS, _ purpose: EmailTokenPurpose, did: String) async throws -> String {
        let token = make()
        try await pds.control.putEmailToken(purpose: purpose, did: did, token: token)
        return token
    }

    /// The account holding `token` for `purpose` (password reset, where the caller is not signed
    /// in), using the token up; the same errors as `redeem`. The lookup is by the token's text, an
    /// indexed equality as in the reference: the 50 random bits are what protects it.
    static func redeem(_ pds: PDS, _ purpose: EmailTokenPurpose, token: String, now: Date = Date()) async throws
        -> String
    {
        guard let row = try await pds.control.emailToken(purpose: purpose, token: token.uppercased()) else {
            throw XRPCError.invalidRequest("Token is invalid", name: "InvalidToken")
        }
        try await redeem(pds, purpose, did: row.did, token: token, now: now)
        return row.did
    }

    /// The answer when the account has no address to mail.
    static let noAddress = XRPCError.invalidRequest("account does not have an email address")

    /// Issues a token and mails it to the account's address (400 if it has none); `body` words the
    /// message around the account's name (handle, else DID) and the token.
    static func mail(
        _ pds: PDS, _ purpose: EmailTokenPurpose, to account: AccountRow, subject: String,
        body: (_ name: String, _ token: String) -> String
    ) async throws {
        guard let address = account.email else { throw noAddress }
        let token = try await issue(pds, purpose, did: account.did)
        try await pds.mailer.send(to: address, subject: subject, body: body(account.handle ?? account.did, token))
    }

    /// Checks `token` against the account's token for `purpose` and uses it up. A missing or wrong
    /// token is 400 `InvalidToken`; an expired one 400 `ExpiredToken` (and it is deleted).
    static func redeem(_ pds: PDS, _ purpose: EmailTokenPurpose, did: String, token: String, now: Date = Date())
        async throws
    {
        guard let row = try await pds.control.emailToken(purpose: purpose, did: did),
            Secrets.constantTimeEqual(Array(row.token.utf8), Array(token.uppercased().utf8))
        else { throw XRPCError.invalidRequest("Token is invalid", name: "InvalidToken") }
        try await pds.control.deleteEmailToken(purpose: purpose, did: did)
        guard now.timeIntervalSince(row.requestedAt) <= lifetime else {
            throw XRPCError.invalidRequest("Token is expired", name: "ExpiredToken")
        }
    }
}
