// SMTPSink.swift: a real SMTP server for a test (scripts/smtp_sink.py on aiosmtpd), and a test certificate.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Foundation

/// An aiosmtpd server on 127.0.0.1 that stores what it receives, for the length of one test.
/// Python 3 with aiosmtpd is required (`scripts/install-deps.sh` installs it): without it the
/// test fails and says so, rather than being skipped.
struct SMTPSink: Sendable {
    /// The port it listens on.
    let port: Int
    /// Where it writes `<n>.eml` and `<n>.json`.
    let directory: String

    /// One received message.
    struct Received: Sendable {
        /// The envelope sender (MAIL FROM).
        var mailFrom: String
        /// The envelope recipients (RCPT TO).
        var recipients: [String]
        /// The AUTH user, if the client logged in.
        var login: String?
        /// The message as received after DATA (dot-unstuffed), header and body.
        var raw: String

        /// The value of the first header line named `name`.
        func header(_ name: String) -> String? {
            let head = raw.components(separatedBy: "\r\n\r\n").first ?? ""
            // Unfold continuation lines first.
            let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ")
            for line in unfolded.components(separatedBy: "\r\n")
            where line.lowercased().hasPrefix(name.lowercased() + ":") {
                return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
            }
            return nil
        }

        /// The body after the blank line.
        var body: String { raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n") }
    }

    /// The sink script.
    static let script = TestPDS.root.appendingPathComponent("scripts/smtp_sink.py").path

    /// Runs `body` with a sink started with `options` (`--auth user:pass`, `--login-only`,
    /// `--cert`/`--key`, `--implicit-tls`); the server is stopped and its files removed after.
    static func with(_ options: [String] = [], _ body: (SMTPSink) async throws -> Void) async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)").path
        let mail = base + "/mail", portFile = base + "/port", errors = base + "/stderr"
        try FileManager.default.createDirectory(atPath: mail, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        _ = FileManager.default.createFile(atPath: errors, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--dir", mail, "--port-file", portFile] + options
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errors)
        try process.run()
        defer {
            // Closing its standard input stops it; terminate in case it is stuck.
            try? stdin.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }

        let started = ContinuousClock.now
        var port: Int?
        while port == nil {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let number = Int(text) {
                port = number
                break
            }
            guard process.isRunning, ContinuousClock.now - started < .seconds(60) else {
                let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
                let hint = "python3 scripts/smtp_sink.py, needs aiosmtpd: scripts/install-deps.sh"
                throw TestFailure("the SMTP sink (\(hint)) did not start: " + (stderr.isEmpty ? "no output" : stderr))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await body(SMTPSink(port: port!, directory: mail))
    }

    /// `smtp://[credentials@]127.0.0.1:<port>?tls=none`.
    func url(credentials: String? = nil, tls: String? = "none") -> String {
        "smtp://" + (credentials.map { $0 + "@" } ?? "") + "127.0.0.1:\(port)" + (tls.map { "?tls=" + $0 } ?? "")
    }

    /// The messages received so far, oldest first.
    func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }
        return try names.compactMap { Int($0.dropLast(5)) }.sorted().map { n in
            let meta = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(n).json")))
            let fields = meta as? [String: Any] ?? [:]
            let raw = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(n).eml"))
            return Received(
                mailFrom: fields["mail_from"] as? String ?? "", recipients: fields["rcpt_tos"] as? [String] ?? [],
                login: fields["login"] as? String, raw: String(decoding: raw, as: UTF8.self))
        }
    }
}

/// A self-signed certificate for 127.0.0.1, made with the `openssl` command for the TLS tests.
struct TestCertificate {
    /// The certificate, PEM.
    let certificate: String
    /// Its private key, PEM.
    let key: String

    /// Makes one in `directory`.
    static func make(in directory: String) throws -> TestCertificate {
        let cert = directory + "/cert.pem", key = directory + "/key.pem"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("openssl could not make a test certificate (is the openssl command installed?)")
        }
        return TestCertificate(certificate: cert, key: key)
    }
}
