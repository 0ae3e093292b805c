// MailMessage.swift: one plain-text message in RFC 5322 form, with checked headers.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Engine
import Foundation

/// A plain-text message ready for SMTP: the envelope addresses and the rendered header and body.
///
/// The recipient and subject come from accounts and callers, so both are checked: a line break
/// in either would let the text add headers of its own (header injection). A non-ASCII subject is
/// sent as RFC 2047 encoded words; a body that is not short-lined ASCII as base64.
struct MailMessage: Sendable {
    /// The envelope and `From` address.
    let from: String
    /// The envelope and `To` address.
    let to: String
    /// The whole message, header and body, lines ending in CRLF (not yet dot-stuffed).
    let rendered: [UInt8]

    /// A message dated `date`; `SMTPError.invalidHeader` for an unsafe recipient or subject.
    init(from: String, to: String, subject: String, body: String, date: Date = Date()) throws {
        try Self.checkAddress(from, field: "sender")
        try Self.checkAddress(to, field: "recipient")
        guard !subject.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else {
            throw SMTPError.invalidHeader(field: "subject")
        }
        self.from = from
        self.to = to
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let id = Secrets.randomBytes(16).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let (encoding, encodedBody) = Self.encodeBody(body)
        let header = [
            "Date: \(Self.dateHeader(date))",
            "From: <\(from)>",
            "To: <\(to)>",
            "Subject: \(Self.encodeSubject(subject))",
            "Message-ID: <\(id)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(encoding)",
        ]
        rendered = Array((header.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody).utf8)
    }

    /// Refuses an address that is empty, over-long, or holds spaces, angle brackets or control
    /// characters (line breaks among them).
    static func checkAddress(_ address: String, field: String) throws {
        let bad = address.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "<" || $0 == ">" }
        guard !bad, address.contains("@"), address.utf8.count <= 320 else {
            throw SMTPError.invalidHeader(field: field)
        }
    }

    /// `Tue, 02 Jan 2024 15:04:05 +0000`.
    static func dateHeader(_ date: Date) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return format.string(from: date)
    }

    /// The subject as is when it is printable ASCII, else as RFC 2047 `=?utf-8?B?...?=` words of
    /// at most 75 characters (45 bytes of text each, never splitting a character), folded onto
    /// continuation lines.
    static func encodeSubject(_ subject: String) -> String {
        guard subject.unicodeScalars.contains(where: { !$0.isASCII }) else { return subject }
        func word(_ bytes: [UInt8]) -> String { "=?utf-8?B?" + Data(bytes).base64EncodedString() + "?=" }
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in subject.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// The transfer encoding and the body with CRLF line endings: `7bit` for ASCII whose lines fit
    /// in 998 bytes, otherwise `base64` in 76-character lines.
    static func encodeBody(_ body: String) -> (encoding: String, text: String) {
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        if body.unicodeScalars.allSatisfy(\.isASCII), lines.allSatisfy({ $0.utf8.count <= 998 }) {
            return ("7bit", lines.joined(separator: "\r\n") + "\r\n")
        }
        let base64 = Data(lines.joined(separator: "\r\n").utf8).base64EncodedString()
        var out = ""
        var rest = Substring(base64)
        while !rest.isEmpty {
            out += rest.prefix(76) + "\r\n"
            rest = rest.dropFirst(76)
        }
        return ("base64", out)
    }
}

extension String {
    /// The string with zeros in front, up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
