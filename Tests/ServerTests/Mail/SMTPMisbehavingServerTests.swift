// SMTPMisbehavingServerTests.swift: the mail client against servers that inject, refuse EHLO, or send garbage.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Foundation
import Synchronization
import Testing

@testable import Server

/// The client against servers that misbehave, played by `ScriptedServer`.
@Suite struct SMTPMisbehavingServerTests {
    static func send(to port: Int, tls: String = "none") async throws {
        try await SMTPDeliveryTests.client("smtp://127.0.0.1:\(port)?tls=\(tls)", timeout: .seconds(5))
            .send(try SMTPDeliveryTests.message())
    }

    /// A plain-text reply smuggled in after the 220 to STARTTLS is refused, not read as if it had
    /// come through TLS.
    @Test func bytesAfterTheStartTLSReplyAreRefused() async throws {
        try await ScriptedServer.with(greeting: "220 scripted\r\n") { line in
            switch line.uppercased() {
            case let l where l.hasPrefix("EHLO"): "250-scripted\r\n250 STARTTLS\r\n"
            case "STARTTLS": "220 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n"
            default: "500 unexpected\r\n"
            }
        } _: { port in
            await #expect(throws: SMTPError.tls(SMTPReplyHandler.DataBeforeTLS().description)) {
                try await Self.send(to: port, tls: "starttls")
            }
        }
    }

    /// A server that refuses EHLO gets HELO, and the delivery goes on.
    @Test func heloWhenEHLOIsRefused() async throws {
        let seen = Mutex<[String]>([])
        try await ScriptedServer.with(greeting: "220 old server\r\n") { line in
            seen.withLock { $0.append(line) }
            switch line.uppercased() {
            case let l where l.hasPrefix("EHLO"): return "502 command not implemented\r\n"
            case let l where l.hasPrefix("HELO"): return "250 hello\r\n"
            case let l where l.hasPrefix("MAIL FROM:"), let l where l.hasPrefix("RCPT TO:"): return "250 ok\r\n"
            case "DATA": return "354 go on\r\n"
            case ".": return "250 queued\r\n"
            case "QUIT": return "221 bye\r\n"
            default: return nil  // the message's lines
            }
        } _: { port in
            try await Self.send(to: port)
        }
        let commands = seen.withLock { $0 }
        #expect(commands.first == "EHLO pds.example" && commands[1] == "HELO pds.example")
        #expect(commands.contains("MAIL FROM:<pds@pds.example>") && commands.contains("RCPT TO:<bob@mail.example.com>"))
        #expect(commands.last == "QUIT")
    }

    /// Garbage, an over-long line, a refused recipient, a server that hangs up: each a typed error.
    @Test func badReplies() async throws {
        try await ScriptedServer.with(greeting: "hello there\r\n", answer: { _ in nil }) { port in
            await #expect(throws: SMTPError.malformedReply(step: .greeting, .badLine)) { try await Self.send(to: port) }
        }
        let long = "220 " + String(repeating: "x", count: 5000) + "\r\n"
        try await ScriptedServer.with(greeting: long, answer: { _ in nil }) { port in
            await #expect(throws: SMTPError.malformedReply(step: .greeting, .lineTooLong)) {
                try await Self.send(to: port)
            }
        }
        try await ScriptedServer.with(greeting: "220 hi\r\n") { line in
            line.hasPrefix("RCPT") ? "550 5.1.1 <bob@mail.example.com>: no such user\r\n" : "250 ok\r\n"
        } _: { port in
            await #expect(
                throws: SMTPError.unexpectedReply(
                    step: .rcptTo, code: 550, text: "5.1.1 <bob@mail.example.com>: no such user")
            ) {
                try await Self.send(to: port)
            }
        }
        try await ScriptedServer.with(greeting: "554 go away\r\n", answer: { _ in nil }) { port in
            await #expect(throws: SMTPError.unexpectedReply(step: .greeting, code: 554, text: "go away")) {
                try await Self.send(to: port)
            }
        }
    }
}
