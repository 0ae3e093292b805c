// SMTPDeliveryTests.swift: mail delivered to a real SMTP server (aiosmtpd) on loopback, and the failures.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOSSL
import Testing

@testable import Server

@Suite struct SMTPDeliveryTests {
    /// The token in a mail.
    static func token(_ text: String) throws -> String {
        try #require(text.matches(of: /[A-Z2-7]{5}-[A-Z2-7]{5}/).last.map { String($0.output) })
    }

    /// A client for `url` with a short bound.
    static func client(_ url: String, timeout: Duration = .seconds(10), tls: TLSConfiguration = SMTPClient.defaultTLS)
        throws -> SMTPClient
    {
        SMTPClient(url: try SMTPURL(url), heloName: "pds.example", timeout: timeout, tlsConfiguration: tls)
    }

    /// A message from the PDS's test sender.
    static func message(to: String = "bob@mail.example.com", subject: String = "Hello", body: String = "Hi.") throws
        -> MailMessage
    {
        try MailMessage(from: "pds@pds.example", to: to, subject: subject, body: body)
    }

    @Test func confirmEmailByMail() async throws {
        try await SMTPSink.with { sink in
            let env = ["PDS_EMAIL_SMTP_URL": sink.url(), "PDS_EMAIL_FROM_ADDRESS": "accounts@pds.example"]
            try await TestPDS.with(env) { client, pds in
                let alice = try await TestAccounts.create(client, name: "alice")
                let auth = TestAccounts.bearer(alice.accessJwt)
                #expect(
                    try await TestAccounts.post(client, "com.atproto.server.requestEmailConfirmation", auth: auth)
                        .status == .ok)
                let mail = try #require(try sink.received().first)
                #expect(mail.recipients == [alice.email])
                #expect(mail.mailFrom == "accounts@pds.example")
                #expect(mail.header("Subject") == "Confirm your email")
                #expect(mail.header("To") == "<\(alice.email)>")
                #expect(mail.header("Message-ID")?.hasSuffix("@pds.example>") == true)
                #expect(mail.header("Date")?.hasSuffix("+0000") == true)
                let token = try Self.token(mail.body)
                // SMTP replaces the outbox.
                #expect(!FileManager.default.fileExists(atPath: pds.mailer.outbox))
                let confirm = try await TestAccounts.post(
                    client, "com.atproto.server.confirmEmail",
                    ["email": .string(alice.email), "token": .string(token)],
                    auth: auth)
                #expect(confirm.status == .ok)
                let session = try await TestAccounts.get(client, "com.atproto.server.getSession", auth: auth)
                #expect(session.json["emailConfirmed"] == true)
            }
        }
    }

    /// AUTH PLAIN with a percent-encoded password, through a password reset.
    @Test func passwordResetByMailWithAuth() async throws {
        try await SMTPSink.with(["--auth", "mailer:p@ss:w/rd"]) { sink in
            let env = ["PDS_EMAIL_SMTP_URL": sink.url(credentials: "mailer:p%40ss%3Aw%2Frd")]
            try await TestPDS.with(env) { client, _ in
                let alice = try await TestAccounts.create(client, name: "alice")
                let request = try await TestAccounts.post(
                    client, "com.atproto.server.requestPasswordReset", ["email": .string(alice.email)])
                #expect(request.status == .ok)
                let mail = try #require(try sink.received().first)
                #expect(mail.login == "mailer" && mail.recipients == [alice.email])
                #expect(mail.header("Subject") == "Reset your password")
                let reset = try await TestAccounts.post(
                    client, "com.atproto.server.resetPassword",
                    ["token": .string(try Self.token(mail.body)), "password": "new-password-1"])
                #expect(reset.status == .ok)
            }
        }
    }

    /// A wrong password: the client gets the server's 535 (not a timeout), the XRPC call a plain
    /// 500, and no mail goes.
    @Test func wrongPasswordFailsCleanly() async throws {
        try await SMTPSink.with(["--auth", "mailer:secret"]) { sink in
            do {
                try await Self.client(sink.url(credentials: "mailer:wrong")).send(try Self.message())
                Issue.record("a wrong password was accepted")
            } catch let error as SMTPError {
                guard case .unexpectedReply(.auth, 535, _) = error else { throw TestFailure("unexpected \(error)") }
                #expect(!"\(error)".contains("wrong"))
            }
            try await TestPDS.with(["PDS_EMAIL_SMTP_URL": sink.url(credentials: "mailer:wrong")]) { client, _ in
                let alice = try await TestAccounts.create(client, name: "alice")
                let reply = try await TestAccounts.post(
                    client, "com.atproto.server.requestEmailConfirmation", auth: TestAccounts.bearer(alice.accessJwt))
                #expect(reply.status == .internalServerError && reply.error == "InternalServerError")
                #expect(!reply.text.contains("535"))
            }
            #expect(try sink.received().isEmpty)
        }
    }

    /// A server that offers AUTH LOGIN only gets LOGIN.
    @Test func authLoginWhenPlainIsNotOffered() async throws {
        try await SMTPSink.with(["--auth", "mailer:secret", "--login-only"]) { sink in
            try await Self.client(sink.url(credentials: "mailer:secret")).send(try Self.message())
            #expect(try sink.received().map(\.login) == ["mailer"])
        }
    }

    /// Lines starting with a dot arrive intact (stuffed on the wire, unstuffed by the server), and
    /// bare LF and CR line endings become CRLF.
    @Test func dotStuffingAndLineEndings() async throws {
        try await SMTPSink.with { sink in
            let body = ".leading dot\n..two dots\n.\nmiddle . dot\rlast"
            try await Self.client(sink.url()).send(try Self.message(body: body))
            let mail = try #require(try sink.received().first)
            #expect(mail.body == ".leading dot\r\n..two dots\r\n.\r\nmiddle . dot\r\nlast\r\n")
        }
    }

    /// A non-ASCII subject arrives as RFC 2047 words that decode to it.
    @Test func nonASCIISubject() async throws {
        try await SMTPSink.with { sink in
            let subject = "Confirmez votre adresse électronique, s'il vous plaît ✉️ 日本語のテキスト"
            try await Self.client(sink.url()).send(try Self.message(subject: subject))
            let mail = try #require(try sink.received().first)
            let encoded = try #require(mail.header("Subject"))
            #expect(encoded.hasPrefix("=?utf-8?B?"))
            #expect(MailMessageTests.decodeWords(encoded) == subject)
        }
    }

    /// `smtp://` without `?tls=none` requires STARTTLS, and the plain sink does not offer it.
    @Test func startTLSIsRequiredByDefault() async throws {
        try await SMTPSink.with { sink in
            await #expect(throws: SMTPError.startTLSUnavailable) {
                try await Self.client(sink.url(tls: nil)).send(try Self.message())
            }
            let received = try sink.received()
            #expect(received.isEmpty)
        }
    }

    /// STARTTLS with a certificate the client trusts delivers; with the system's roots, the
    /// self-signed certificate is refused.
    @Test func startTLS() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cert = try TestCertificate.make(in: dir)
        var trusting = SMTPClient.defaultTLS
        trusting.trustRoots = .file(cert.certificate)
        try await SMTPSink.with(["--cert", cert.certificate, "--key", cert.key]) { sink in
            try await Self.client(sink.url(tls: nil), tls: trusting).send(try Self.message())
            #expect(try sink.received().count == 1)
            do {
                try await Self.client(sink.url(tls: nil)).send(try Self.message())
                Issue.record("an untrusted certificate was accepted")
            } catch let error as SMTPError {
                guard case .tls = error else { throw TestFailure("unexpected \(error)") }
            }
            #expect(try sink.received().count == 1)
        }
        try await SMTPSink.with(["--cert", cert.certificate, "--key", cert.key, "--implicit-tls"]) { sink in
            try await Self.client("smtps://127.0.0.1:\(sink.port)", tls: trusting).send(try Self.message())
            #expect(try sink.received().count == 1)
        }
    }

    /// A server that accepts the connection and never speaks: a timeout at the greeting, and the
    /// connection dropped at the deadline.
    @Test func silentServerTimesOut() async throws {
        try await SilentServer.with { port, log in
            let started = ContinuousClock.now
            await #expect(throws: SMTPError.timeout(step: .greeting)) {
                try await Self.client("smtp://127.0.0.1:\(port)?tls=none", timeout: .seconds(1)).send(
                    try Self.message())
            }
            // Measured here, the time includes waits for the task executor, which the whole suite
            // in parallel on two cores can make long; the bound is that nothing hangs.
            #expect(ContinuousClock.now - started < .seconds(60))
            // Measured on the server's event loop, the connection lasted the bound, give or take.
            var held = log.durations
            while held.isEmpty, ContinuousClock.now - started < .seconds(60) {
                try await Task.sleep(for: .milliseconds(20))
                held = log.durations
            }
            let duration = try #require(held.first)
            #expect(duration >= .milliseconds(900) && duration < .seconds(4), "held \(duration)")
        }
    }

    /// Nothing listening: a connect error, at once.
    @Test func connectionRefused() async throws {
        var port = 0
        try await SilentServer.with { listening, _ in port = listening }
        await #expect(throws: SMTPError.self) {
            try await Self.client("smtp://127.0.0.1:\(port)?tls=none").send(try Self.message())
        }
    }

    /// A bad URL or sender address stops the server from starting.
    @Test func badConfigurationIsAStartUpError() async throws {
        await #expect(throws: ConfigError.self) {
            try await TestPDS.with(["PDS_EMAIL_SMTP_URL": "http://mail.example.com"]) { _, _ in }
        }
        await #expect(throws: ConfigError.self) {
            try await TestPDS.with(["PDS_EMAIL_FROM_ADDRESS": "pds@example.com\r\nBcc: x@example.com"]) { _, _ in }
        }
    }
}
