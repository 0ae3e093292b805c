// SMTPDialogue.swift: the commands and replies of one delivery, in order.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Engine
import Foundation
import NIOCore

/// One delivery's conversation over an open connection: `SMTPClient` makes one, runs it, and
/// closes the connection after. Every wait records its step in `progress` first, so a timeout can
/// say where it happened.
struct SMTPDialogue {
    let client: SMTPClient
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let progress: SMTPProgress

    /// Greeting, EHLO, STARTTLS, AUTH, the envelope, the message and QUIT.
    mutating func run(_ message: MailMessage) async throws {
        try Self.expect(await reply(.greeting), [220], .greeting)
        var keywords = try await hello()
        if client.url.security == .startTLS {
            guard keywords["STARTTLS"] != nil else { throw SMTPError.startTLSUnavailable }
            // The reply handler switches to TLS right after this 220; then the server's
            // extensions are asked for again, as what it said in plain text does not count.
            try Self.expect(await command("STARTTLS", .startTLS), [220], .startTLS)
            keywords = try await hello()
        }
        if let user = client.url.user, let password = client.url.password {
            try await authenticate(user: user, password: password, offered: keywords["AUTH"] ?? [])
        }
        let international = !(message.from + message.to).unicodeScalars.allSatisfy(\.isASCII)
        if international && keywords["SMTPUTF8"] == nil { throw SMTPError.smtpUTF8Unavailable }
        let utf8 = international ? " SMTPUTF8" : ""
        try Self.expect(await command("MAIL FROM:<\(message.from)>\(utf8)", .mailFrom), [250], .mailFrom)
        try Self.expect(await command("RCPT TO:<\(message.to)>", .rcptTo), [250, 251], .rcptTo)
        try Self.expect(await command("DATA", .data), [354], .data)
        try await write(SMTPData.encode(message.rendered), .message)
        try Self.expect(await reply(.message), [250], .message)
        progress.markDelivered()
        // The message is the server's now: a failed QUIT changes nothing.
        _ = try? await command("QUIT", .quit)
    }

    /// EHLO, or HELO if the server refuses EHLO with a 5xx; the extensions it lists (none after HELO).
    private mutating func hello() async throws -> [String: [String]] {
        let ehlo = try await command("EHLO \(client.heloName)", .ehlo)
        if ehlo.code == 250 { return ehlo.ehloKeywords }
        guard (500..<600).contains(ehlo.code) else { throw Self.unexpected(ehlo, .ehlo) }
        try Self.expect(await command("HELO \(client.heloName)", .helo), [250], .helo)
        return [:]
    }

    /// AUTH PLAIN with the initial response, or AUTH LOGIN if only that is offered.
    private mutating func authenticate(user: String, password: String, offered: [String]) async throws {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if offered.contains("PLAIN") {
            try Self.expect(await command("AUTH PLAIN " + base64("\0\(user)\0\(password)"), .auth), [235], .auth)
        } else if offered.contains("LOGIN") {
            try Self.expect(await command("AUTH LOGIN", .auth), [334], .auth)
            try Self.expect(await command(base64(user), .auth), [334], .auth)
            try Self.expect(await command(base64(password), .auth), [235], .auth)
        } else {
            throw SMTPError.authUnavailable
        }
    }

    /// Sends one command line and reads its reply.
    private mutating func command(_ line: String, _ step: SMTPError.Step) async throws -> SMTPReply {
        try await write(Array((line + "\r\n").utf8), step)
        return try await reply(step)
    }

    /// Writes bytes (commands and the message).
    private mutating func write(_ bytes: [UInt8], _ step: SMTPError.Step) async throws {
        progress.enter(step)
        do {
            try await outbound.write(ByteBuffer(bytes: bytes))
        } catch {
            // A write fails only once the connection is closed; why it closed (a TLS alert, a
            // reset) is on the reading side, so that error is the one to report if there is one.
            _ = try await reply(step)
            throw SMTPClient.mapped(error, at: step)
        }
    }

    /// The next reply.
    private mutating func reply(_ step: SMTPError.Step) async throws -> SMTPReply {
        progress.enter(step)
        let next: SMTPReply?
        do {
            next = try await replies.next()
        } catch {
            throw SMTPClient.mapped(error, at: step)
        }
        guard let next else { throw SMTPError.connectionClosed(step: step) }
        return next
    }

    /// `reply` if its code is one of `codes`, else `SMTPError.unexpectedReply`.
    @discardableResult
    private static func expect(_ reply: SMTPReply, _ codes: [Int], _ step: SMTPError.Step) throws -> SMTPReply {
        guard codes.contains(reply.code) else { throw unexpected(reply, step) }
        return reply
    }

    /// The error for a reply the dialogue cannot go on from.
    private static func unexpected(_ reply: SMTPReply, _ step: SMTPError.Step) -> SMTPError {
        .unexpectedReply(step: step, code: reply.code, text: reply.text)
    }
}
