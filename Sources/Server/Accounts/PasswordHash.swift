// PasswordHash.swift: account passwords as self-describing scrypt hashes, and checking one.
// Book: docs/13-sessions-and-auth.md ("Passwords").
import Engine

/// A password hash in the stored form `scrypt$<N>$<r>$<p>$<salt hex>$<key hex>`.
///
/// The parameters travel with the hash, so they can be raised later without breaking old rows.
/// The reference PDS's `<salt hex>:<key hex>` form (N=16384, r=8, p=1, 64-byte key, the salt's hex
/// *text* used as the salt bytes) is also accepted, so accounts migrated from it can log in.
public enum PasswordHash {
    /// scrypt cost N.
    public static let n: UInt64 = 16384
    /// scrypt block size r.
    public static let r: UInt32 = 8
    /// scrypt parallelism p.
    public static let p: UInt32 = 1
    /// Derived key length in bytes.
    public static let keyLength = 64
    /// The longest password accepted at account creation (the reference's limit).
    public static let maxNewPasswordLength = 256
    /// The longest password looked at on login (the reference accepts legacy ones up to 512).
    public static let maxLoginPasswordLength = 512

    /// Hashes `password` with a fresh 16-byte salt. Slow (tens of milliseconds): run it off the event loop.
    public static func make(_ password: String) throws -> String {
        let salt = Secrets.randomBytes(16)
        let key = try Secrets.scrypt(password: Array(password.utf8), salt: salt, n: n, r: r, p: p, length: keyLength)
        return "scrypt$\(n)$\(r)$\(p)$\(ServerSecrets.hex(salt))$\(ServerSecrets.hex(key))"
    }

    /// Hashes an app password with a salt derived from the account's DID, so the same password
    /// gives the same hash for that account and login can find it with one lookup (app passwords
    /// are random, so a per-account salt is enough). Slow: run it off the event loop.
    public static func appPassword(_ password: String, did: String) throws -> String {
        let salt = Array(SHA256.hash(Array("atproto app password\u{0}\(did)".utf8)).bytes.prefix(16))
        let key = try Secrets.scrypt(password: Array(password.utf8), salt: salt, n: n, r: r, p: p, length: keyLength)
        return "scrypt$\(n)$\(r)$\(p)$\(ServerSecrets.hex(salt))$\(ServerSecrets.hex(key))"
    }

    /// A new app password: four groups of four lower-case base32 characters (80 random bits), the
    /// reference's `xxxx-xxxx-xxxx-xxxx` shape.
    public static func newAppPassword() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        let chars = Secrets.randomBytes(16).map { alphabet[Int($0 & 31)] }
        return stride(from: 0, to: 16, by: 4).map { String(chars[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// Whether `password` matches `stored`, compared in constant time. A malformed or unknown form is a
    /// mismatch. Slow: run it off the event loop.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        let pw = Array(password.utf8)
        if parts.count == 6, parts[0] == "scrypt", let n = UInt64(parts[1]), let r = UInt32(parts[2]),
            let p = UInt32(parts[3]), let salt = ServerSecrets.unhex(String(parts[4])),
            let expected = ServerSecrets.unhex(String(parts[5])), !expected.isEmpty, expected.count <= 128,
            n <= 1 << 20, r <= 32, p <= 16
        {
            guard let key = try? Secrets.scrypt(password: pw, salt: salt, n: n, r: r, p: p, length: expected.count)
            else { return false }
            return Secrets.constantTimeEqual(key, expected)
        }
        let legacy = stored.split(separator: ":", omittingEmptySubsequences: false)
        if legacy.count == 2, let expected = ServerSecrets.unhex(String(legacy[1])), expected.count == keyLength {
            guard
                let key = try? Secrets.scrypt(
                    password: pw, salt: Array(legacy[0].utf8), n: n, r: r, p: p, length: keyLength)
            else { return false }
            return Secrets.constantTimeEqual(key, expected)
        }
        return false
    }

    /// Spends the time of one verification, so a login for an unknown account takes as long as a wrong password.
    public static func burn(_ password: String) {
        _ = try? Secrets.scrypt(
            password: Array(password.utf8), salt: Array(repeating: 0, count: 16), n: n, r: r, p: p, length: keyLength)
    }
}
