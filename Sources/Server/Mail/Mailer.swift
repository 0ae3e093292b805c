// Mailer.swift: the mail this PDS sends (email confirmation, later resets and deletion), to an outbox.
// Book: docs/13-sessions-and-auth.md ("Email tokens").
import Foundation
import Logging
import Synchronization

/// Sends the PDS's mail. Without an SMTP server (not implemented yet), every message is appended
/// to `<data>/outbox.eml` in RFC 5322 form, separated by a line `-- end of message --`, and the log
/// names its recipient and subject (never its body, which holds a token). Dev works offline, and a
/// test reads the token back from the outbox.
public final class Mailer: Sendable {
    /// The outbox file.
    public let outbox: String
    /// The `From` address.
    public let from: String
    let logger: Logger
    private let lock = Mutex(())

    /// A mailer writing to `outbox`.
    init(outbox: String, from: String, logger: Logger) {
        self.outbox = outbox
        self.from = from
        self.logger = logger
    }

    /// Sends one plain-text message.
    public func send(to recipient: String, subject: String, body: String) throws {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let date = format.string(from: Date())
        let message = """
            From: \(from)\r
            To: \(recipient)\r
            Subject: \(subject)\r
            Date: \(date)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(body)\r
            -- end of message --\r

            """
        try lock.withLock { _ in
            if !FileManager.default.fileExists(atPath: outbox) {
                FileManager.default.createFile(atPath: outbox, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            guard let handle = FileHandle(forWritingAtPath: outbox) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(message.utf8))
        }
        logger.info("mail to the outbox", metadata: ["to": "\(recipient)", "subject": "\(subject)"])
    }
}
