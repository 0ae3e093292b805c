// Mailer.swift: the mail this PDS sends (email confirmation, password reset), by SMTP or to an outbox file.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Foundation
import Logging
import NIOPosix
import Synchronization

/// Sends the PDS's mail.
///
/// With `PDS_EMAIL_SMTP_URL` set, each message goes to that server (`SMTPClient`), and the call
/// waits for the server to accept it: a failure fails the request (a 500), as in the reference
/// PDS, where the mail transport's error propagates. Without it, every message is appended to
/// `<data>/outbox.eml` in RFC 5322 form, separated by a line `-- end of message --`, so
/// development works offline and tests read tokens back. Either way the log names the recipient
/// and subject, never the body, which holds a token.
public final class Mailer: Sendable {
    /// The outbox file (used when no SMTP server is configured).
    public let outbox: String
    /// The `From` address.
    public let from: String
    let smtp: SMTPClient?
    let logger: Logger
    private let lock = Mutex(())

    /// A mailer for `config`: SMTP if it names a server, else the outbox in the data directory.
    /// A `ConfigError` for an unusable `PDS_EMAIL_SMTP_URL` or `PDS_EMAIL_FROM_ADDRESS`.
    convenience init(config: ServerConfig, logger: Logger) throws {
        do {
            try MailMessage.checkAddress(config.emailFromAddress, field: "sender")
        } catch {
            throw ConfigError("PDS_EMAIL_FROM_ADDRESS is not a plain address")
        }
        let smtp = try config.emailSMTPURL.map { SMTPClient(url: try SMTPURL($0), heloName: config.hostname) }
        self.init(
            outbox: (config.dataDirectory as NSString).appendingPathComponent("outbox.eml"),
            from: config.emailFromAddress, smtp: smtp, logger: logger)
    }

    /// A mailer sending through `smtp`, or writing to `outbox` when it is nil.
    init(outbox: String, from: String, smtp: SMTPClient?, logger: Logger) {
        self.outbox = outbox
        self.from = from
        self.smtp = smtp
        self.logger = logger
    }

    /// Sends one plain-text message. `SMTPError.invalidHeader` if the recipient or subject could
    /// add header lines; with SMTP, any other `SMTPError` once delivery fails.
    public func send(to recipient: String, subject: String, body: String) async throws {
        let message = try MailMessage(from: from, to: recipient, subject: subject, body: body)
        let metadata: Logger.Metadata = ["to": "\(recipient)", "subject": "\(subject)"]
        guard let smtp else {
            try await NIOThreadPool.singleton.runIfActive {
                try self.append(to: recipient, subject: subject, body: body)
            }
            logger.info("mail to the outbox", metadata: metadata)
            return
        }
        do {
            try await smtp.send(message)
        } catch {
            logger.error("mail not sent", metadata: metadata.merging(["error": "\(error)"]) { a, _ in a })
            throw error
        }
        logger.info(
            "mail sent", metadata: metadata.merging(["server": "\(smtp.url.host):\(smtp.url.port)"]) { a, _ in a })
    }

    /// Appends the message to the outbox file (mode 0600).
    private func append(to recipient: String, subject: String, body: String) throws {
        let message = """
            From: \(from)\r
            To: \(recipient)\r
            Subject: \(subject)\r
            Date: \(MailMessage.dateHeader(Date()))\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(body)\r
            -- end of message --\r

            """
        try lock.withLock { _ in
            if !FileManager.default.fileExists(atPath: outbox) {
                _ = FileManager.default.createFile(
                    atPath: outbox, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            guard let handle = FileHandle(forWritingAtPath: outbox) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(message.utf8))
        }
    }
}
