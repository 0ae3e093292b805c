// EmailAddress.swift: the syntax check an email address passes before an account is created.
// Book: docs/12-accounts-and-dids.md ("Creating an account").

/// A deliberately plain email check: `local@domain`, no spaces or control characters, a local part of
/// 1–64 bytes, and a domain that is a DNS name with at least two labels. Whether mail arrives is only
/// known once the address is confirmed.
public enum EmailAddress {
    /// The longest address accepted (RFC 5321's path limit).
    public static let maxLength = 254

    /// Whether `text` looks like a deliverable address.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxLength, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), !domain.isEmpty else { return false }
        guard !local.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "@") || $0 >= 0x80 }) else {
            return false
        }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return false }
            for c in label {
                let ok =
                    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                    || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
                guard ok else { return false }
            }
        }
        return true
    }
}
