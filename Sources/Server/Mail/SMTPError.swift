// SMTPError.swift: why a message was not handed to the mail server, safe to log.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Engine

/// A failed delivery. The description is for the log: it names the step and what the server said
/// (with anything that looks like an address blanked out), never a command we sent, a password or
/// the message. At the XRPC edge it is an unmapped error: a 500 with nothing of this in it.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A point in the dialogue, for errors and timeouts.
    public enum Step: String, Sendable {
        /// Opening the TCP connection (and the TLS handshake of `smtps://`).
        case connect
        /// Waiting for the server's 220.
        case greeting
        /// EHLO.
        case ehlo
        /// HELO, after the server refused EHLO.
        case helo
        /// STARTTLS and the handshake after it.
        case startTLS = "starttls"
        /// AUTH PLAIN or AUTH LOGIN.
        case auth
        /// MAIL FROM.
        case mailFrom = "mail from"
        /// RCPT TO.
        case rcptTo = "rcpt to"
        /// DATA, up to the server's 354.
        case data
        /// The message and its final dot, up to the server's 250.
        case message
        /// QUIT.
        case quit
    }

    /// The TCP connection could not be made.
    case connectFailed(host: String, port: Int, reason: String)
    /// The whole delivery took longer than the client's timeout; `step` is where it was waiting.
    case timeout(step: Step)
    /// The server answered a step with a code the client cannot go on from.
    case unexpectedReply(step: Step, code: Int, text: String)
    /// The server closed the connection in the middle of `step`.
    case connectionClosed(step: Step)
    /// The reply bytes were not SMTP.
    case malformedReply(step: Step, SMTPReplyParser.Failure)
    /// The TLS handshake (or the encrypted connection) failed, e.g. an untrusted certificate.
    case tls(String)
    /// `smtp://` without `?tls=none`, and the server does not offer STARTTLS.
    case startTLSUnavailable
    /// The URL has credentials, and the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authUnavailable
    /// A recipient or subject with a line break or other control character (header injection),
    /// or a recipient that is not a plain address.
    case invalidHeader(field: String)
    /// A non-ASCII address, and the server does not offer SMTPUTF8.
    case smtpUTF8Unavailable

    /// What went wrong, for the log.
    public var description: String {
        switch self {
        case .connectFailed(let host, let port, let reason): "SMTP: cannot connect to \(host):\(port): \(reason)"
        case .timeout(let step): "SMTP: timed out at \(step.rawValue)"
        case .unexpectedReply(let step, let code, let text):
            "SMTP: \(step.rawValue) answered \(code) \(Self.redacted(text))"
        case .connectionClosed(let step): "SMTP: the server closed the connection at \(step.rawValue)"
        case .malformedReply(let step, let failure): "SMTP: at \(step.rawValue): \(failure)"
        case .tls(let reason): "SMTP: TLS failed: \(reason)"
        case .startTLSUnavailable: "SMTP: the server does not offer STARTTLS (set ?tls=none to send in plain text)"
        case .authUnavailable: "SMTP: the server offers neither AUTH PLAIN nor AUTH LOGIN"
        case .invalidHeader(let field): "mail: refused a \(field) with a line break or control character"
        case .smtpUTF8Unavailable: "SMTP: a non-ASCII address, and the server does not offer SMTPUTF8"
        }
    }

    /// Server text cut to 300 characters, with every word holding an `@` replaced: servers quote
    /// the addresses they refuse, and addresses stay out of logs of errors.
    static func redacted(_ text: String) -> String {
        text.prefix(300).split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.contains("@") ? "<address>" : String($0) }.joined(separator: " ")
    }
}
