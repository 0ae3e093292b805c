// MailMessageTests.swift: message headers (injection, RFC 2047, Date, Message-ID), DATA encoding, SMTP URLs.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Foundation
import Testing

@testable import Server

@Suite struct MailMessageTests {
    /// The text of RFC 2047 `=?utf-8?B?...?=` words separated by folding white space.
    static func decodeWords(_ encoded: String) -> String? {
        var bytes: [UInt8] = []
        for word in encoded.split(whereSeparator: \.isWhitespace) {
            guard word.hasPrefix("=?utf-8?B?"), word.hasSuffix("?="),
                let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
            else { return nil }
            bytes += data
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    static func text(_ message: MailMessage) -> String { String(decoding: message.rendered, as: UTF8.self) }

    @Test func headers() throws {
        let message = try MailMessage(
            from: "pds@pds.example", to: "alice@mail.example.com", subject: "Confirm your email",
            body: "Code: ABCDE-FGHIJ",
            date: Date(timeIntervalSince1970: 1_704_207_845))
        let text = Self.text(message)
        #expect(
            text.hasPrefix(
                "Date: Tue, 02 Jan 2024 15:04:05 +0000\r\nFrom: <pds@pds.example>\r\nTo: <alice@mail.example.com>\r\n"))
        #expect(text.contains("\r\nSubject: Confirm your email\r\n"))
        #expect(text.contains(/\r\nMessage-ID: <[0-9a-f]{32}@pds\.example>\r\n/))
        #expect(text.contains("\r\nContent-Transfer-Encoding: 7bit\r\n\r\nCode: ABCDE-FGHIJ\r\n"))
        // A fresh Message-ID each time.
        let again = try MailMessage(from: "pds@pds.example", to: "alice@mail.example.com", subject: "s", body: "b")
        let id = try #require(text.firstMatch(of: /Message-ID: (\S+)/)?.1)
        #expect(Self.text(again).firstMatch(of: /Message-ID: (\S+)/)?.1 != id)
    }

    /// A line break in the recipient or subject would add headers: refused.
    @Test func headerInjectionIsRefused() {
        for to in [
            "a@b.example\r\nBcc: c@d.example", "a@b.example\nBcc: c@d.example", "a@b.example\r", "<a@b.example>",
            "a b@c.example", "", "nobody",
        ] {
            #expect(throws: SMTPError.invalidHeader(field: "recipient")) {
                try MailMessage(from: "pds@pds.example", to: to, subject: "s", body: "b")
            }
        }
        for subject in ["Hi\r\nBcc: c@d.example", "Hi\nX: y", "Hi\r", "Hi\u{0}"] {
            #expect(throws: SMTPError.invalidHeader(field: "subject")) {
                try MailMessage(from: "pds@pds.example", to: "a@b.example", subject: subject, body: "b")
            }
        }
    }

    /// Non-ASCII subjects: words of at most 75 characters, never splitting a character, that decode back.
    @Test func rfc2047Subjects() {
        #expect(MailMessage.encodeSubject("Plain ASCII subject") == "Plain ASCII subject")
        for subject in [
            "é", "Réinitialiser votre mot de passe", String(repeating: "日本語", count: 40),
            String(repeating: "a✉️", count: 30),
        ] {
            let encoded = MailMessage.encodeSubject(subject)
            #expect(Self.decodeWords(encoded) == subject)
            let words = encoded.components(separatedBy: "\r\n ")
            #expect(words.allSatisfy { $0.count <= 75 && Self.decodeWords($0) != nil })
        }
    }

    /// A body that is not short-lined ASCII goes as base64.
    @Test func bodyEncodings() throws {
        let ascii = MailMessage.encodeBody("a\nb\r\nc")
        #expect(ascii.encoding == "7bit" && ascii.text == "a\r\nb\r\nc\r\n")
        let (encoding, text) = MailMessage.encodeBody("Bonjour, voilà\nà bientôt")
        #expect(encoding == "base64")
        let decoded = Data(base64Encoded: text.replacingOccurrences(of: "\r\n", with: ""))
        #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == "Bonjour, voilà\r\nà bientôt")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(MailMessage.encodeBody(String(repeating: "x", count: 999)).encoding == "base64")
    }

    /// The DATA section: CRLF everywhere, leading dots doubled, the final dot line.
    @Test func dataEncoding() {
        func encode(_ text: String) -> String { String(decoding: SMTPData.encode(Array(text.utf8)), as: UTF8.self) }
        #expect(encode("") == ".\r\n")
        #expect(encode("a") == "a\r\n.\r\n")
        #expect(encode("a\r\n") == "a\r\n.\r\n")
        #expect(encode(".a\r\n.\r\nb.c\r\n..d") == "..a\r\n..\r\nb.c\r\n...d\r\n.\r\n")
        #expect(encode("a\nb\rc\r\n\nd") == "a\r\nb\r\nc\r\n\r\nd\r\n.\r\n")
        // A bare CR or LF before a dot cannot end the message early.
        #expect(encode("a\n.\nb") == "a\r\n..\r\nb\r\n.\r\n")
        #expect(encode("a\r.\rb") == "a\r\n..\r\nb\r\n.\r\n")
    }

    @Test func smtpURLs() throws {
        let plain = try SMTPURL("smtp://127.0.0.1:2525?tls=none")
        #expect(plain.host == "127.0.0.1" && plain.port == 2525 && plain.security == .none && plain.user == nil)
        let submission = try SMTPURL("smtp://us%40er:p%3Ass%2Fw@mail.example.com")
        #expect(submission.port == 587 && submission.security == .startTLS)
        #expect(submission.user == "us@er" && submission.password == "p:ss/w")
        let implicit = try SMTPURL("SMTPS://mail.example.com")
        #expect(implicit.port == 465 && implicit.security == .implicitTLS && implicit.user == nil)
        #expect(try SMTPURL("smtp://[::1]:25?tls=none").host == "::1")
        #expect(try SMTPURL("smtp://mail.example.com/?tls=starttls").security == .startTLS)
        for bad in [
            "mail.example.com", "http://mail.example.com", "smtp://", "smtp://host?tls=tls", "smtps://host?tls=none",
            "smtp://host?tls=none&tls=none", "smtp://host?other=1", "smtp://host/path", "smtp://user@host",
            "smtp://host:0", "smtp://host:70000", "smtp://us%0Aer:pw@host",
        ] {
            #expect(throws: ConfigError.self, "\(bad)") { try SMTPURL(bad) }
        }
        // The error never repeats the URL (it may hold a password).
        do {
            _ = try SMTPURL("smtp://user:hunter2@host?tls=bogus")
        } catch {
            #expect(!"\(error)".contains("hunter2"))
        }
    }

    /// Server text in errors: addresses blanked out, and cut short.
    @Test func errorDescriptionsAreRedacted() {
        let error = SMTPError.unexpectedReply(
            step: .rcptTo, code: 550, text: "5.1.1 <alice@mail.example.com>: unknown user")
        #expect("\(error)" == "SMTP: rcpt to answered 550 5.1.1 <address> unknown user")
        #expect(
            "\(SMTPError.unexpectedReply(step: .data, code: 554, text: String(repeating: "x", count: 5000)))".count
                < 400)
    }
}
