// InviteCodeText.swift: the text of a new invite code.
// Book: docs/12-accounts-and-dids.md ("Invite codes").
import Engine

/// Invite codes in the reference's shape: the host name with dots turned into dashes, then two groups
/// of five lower-case base32 characters (`pds-example-com-abcde-fghij`), 50 random bits.
public enum InviteCodeText {
    /// A fresh code for `hostname`.
    public static func make(hostname: String) -> String {
        let random = Base32.encode(Secrets.randomBytes(8))
        let a = random.prefix(5), b = random.dropFirst(5).prefix(5)
        return String(hostname.map { $0 == "." ? "-" : $0 }) + "-" + a + "-" + b
    }
}
