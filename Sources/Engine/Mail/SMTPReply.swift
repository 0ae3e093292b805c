// SMTPReply.swift: one SMTP server reply (a code and its text lines) and the EHLO keywords it lists.
// Book: docs/13-sessions-and-auth.md ("Sending mail").

/// A complete SMTP reply (RFC 5321 section 4.2): a three-digit code and one or more text lines,
/// as `SMTPReplyParser` reads them off the wire.
public struct SMTPReply: Sendable, Equatable {
    /// The reply code, 200 to 559.
    public let code: Int
    /// The text of each line after the code and its separator, control characters shown as `?`.
    public let lines: [String]

    /// A reply.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// A 2xx reply: the command worked.
    public var isPositive: Bool { (200..<300).contains(code) }

    /// A 3xx reply: the server waits for more (DATA's 354, AUTH's 334 challenges).
    public var isIntermediate: Bool { (300..<400).contains(code) }

    /// The text of all lines on one line, for logs and errors.
    public var text: String { lines.joined(separator: " ") }

    /// The extensions an EHLO reply advertises: every line after the first is a keyword
    /// (upper-cased) with its space-separated parameters, e.g. `AUTH` -> `["PLAIN", "LOGIN"]`.
    public var ehloKeywords: [String: [String]] {
        var keywords: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            keywords[keyword] = words.dropFirst().map { $0.uppercased() }
        }
        return keywords
    }
}
