// SMTPURL.swift: PDS_EMAIL_SMTP_URL: where mail goes, how it is encrypted, and who logs in.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Foundation

/// A parsed `PDS_EMAIL_SMTP_URL`:
///
/// - `smtp://[user:password@]host[:port]`: port 587 by default; STARTTLS is required, and the
///   delivery fails if the server does not offer it;
/// - `smtp://host:port?tls=none`: plain text throughout (a relay on the same machine, tests);
/// - `smtps://[user:password@]host[:port]`: TLS from the first byte, port 465 by default.
///
/// User and password are percent-decoded (`%40` for an `@` in a user name).
struct SMTPURL: Sendable, Equatable {
    /// How the connection is encrypted.
    enum Security: String, Sendable, Equatable {
        /// Plain connection upgraded with STARTTLS, which the server must offer.
        case startTLS
        /// TLS from the start (`smtps://`).
        case implicitTLS
        /// No encryption (`?tls=none`).
        case none
    }

    /// The server's host name or IP address (without brackets).
    let host: String
    /// The server's port.
    let port: Int
    /// How the connection is encrypted.
    let security: Security
    /// The AUTH user name, if any.
    let user: String?
    /// The AUTH password, if any.
    let password: String?

    /// Parses `text`; a `ConfigError` naming the variable if it cannot be used. The message never
    /// repeats the URL, which may hold a password.
    init(_ text: String) throws {
        func invalid(_ why: String) -> ConfigError { ConfigError("PDS_EMAIL_SMTP_URL: \(why)") }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased() else {
            throw invalid("not a URL")
        }
        guard let host = parts.host, !host.isEmpty else { throw invalid("no host") }
        guard parts.path.isEmpty || parts.path == "/", parts.fragment == nil else {
            throw invalid("a path or fragment is not allowed")
        }
        var tls: String?
        for item in parts.queryItems ?? [] {
            guard item.name == "tls", tls == nil, let value = item.value?.lowercased() else {
                throw invalid("the only query parameter is tls=none")
            }
            tls = value
        }
        switch (scheme, tls) {
        case ("smtp", nil), ("smtp", "starttls"): security = .startTLS
        case ("smtp", "none"): security = .none
        case ("smtps", nil): security = .implicitTLS
        case ("smtp", _), ("smtps", _): throw invalid("tls= takes only 'none' (with smtp://)")
        default: throw invalid("the scheme must be smtp or smtps")
        }
        if let port = parts.port {
            guard (1...65_535).contains(port) else { throw invalid("port out of range") }
            self.port = port
        } else {
            self.port = security == .implicitTLS ? 465 : 587
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        user = try parts.percentEncodedUser.map { encoded in
            guard let user = encoded.removingPercentEncoding, !user.isEmpty else { throw invalid("bad user name") }
            return user
        }
        password = try parts.percentEncodedPassword.map { encoded in
            guard let password = encoded.removingPercentEncoding else { throw invalid("bad password encoding") }
            return password
        }
        guard (user == nil) == (password == nil) else { throw invalid("give both user and password, or neither") }
        for value in [self.host, user ?? "", password ?? ""] where value.contains(where: { $0.isNewline || $0 == "\0" })
        {
            throw invalid("control characters in the URL")
        }
    }
}
