// SMTPClient.swift: hands one message to an SMTP server per connection, within a time bound.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Engine
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A small SMTP client (RFC 5321) on SwiftNIO: connect, greeting, EHLO (HELO if refused),
/// STARTTLS or implicit TLS as the `SMTPURL` says, AUTH PLAIN or LOGIN when it has credentials,
/// MAIL FROM, RCPT TO, DATA, QUIT. One connection per message: the PDS sends a few mails an hour.
///
/// The whole delivery, connecting included, must finish within `timeout`; when it does not, the
/// connection is closed and `SMTPError.timeout` names the step that was waiting (unless the server
/// had already accepted the message and only QUIT was left). Every failure is an `SMTPError`.
struct SMTPClient: Sendable {
    /// Where to deliver and how.
    let url: SMTPURL
    /// The name this client gives in EHLO (the PDS's host name).
    let heloName: String
    /// The bound on one whole delivery.
    let timeout: Duration
    /// Certificate checks for STARTTLS and `smtps://` (full verification against the system's roots).
    let tlsConfiguration: TLSConfiguration
    /// Where connections run.
    let group: any EventLoopGroup

    /// A client for `url`. `heloName` keeps only letters, digits, dots and dashes.
    init(
        url: SMTPURL, heloName: String, timeout: Duration = .seconds(30),
        tlsConfiguration: TLSConfiguration = SMTPClient.defaultTLS,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.url = url
        let cleaned = heloName.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        self.heloName = cleaned.isEmpty ? "localhost" : cleaned
        self.timeout = timeout
        self.tlsConfiguration = tlsConfiguration
        self.group = group
    }

    /// TLS 1.2 or later with full certificate and host name verification.
    static var defaultTLS: TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        return tls
    }

    /// Delivers `message` to the server.
    func send(_ message: MailMessage) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let channel = try await connect(until: deadline)
        try await channel.executeThenClose { inbound, outbound in
            let progress = SMTPProgress()
            // The timer runs on the connection's event loop, not in a task: it closes the
            // connection on time however busy the task executor is, and closing ends whatever
            // the dialogue waits for (a reply, room to write).
            let timer = channel.channel.eventLoop.scheduleTask(in: Self.timeAmount(until: deadline)) {
                progress.markTimedOut()
                channel.channel.close(promise: nil)
            }
            defer { timer.cancel() }
            var dialogue = SMTPDialogue(
                client: self, replies: inbound.makeAsyncIterator(), outbound: outbound, progress: progress)
            do {
                try await dialogue.run(message)
            } catch {
                let state = progress.state
                throw state.timedOut ? SMTPError.timeout(step: state.step) : error
            }
        }
    }

    /// The time from now to `deadline` for NIO (zero if it has passed).
    private static func timeAmount(until deadline: ContinuousClock.Instant) -> TimeAmount {
        let remaining = ContinuousClock.now.duration(to: deadline).components
        guard remaining.seconds >= 0 else { return .zero }
        return .nanoseconds(remaining.seconds * 1_000_000_000 + remaining.attoseconds / 1_000_000_000)
    }

    /// Opens the TCP connection (and TLS for `smtps://`), with the replies decoded.
    private func connect(until deadline: ContinuousClock.Instant) async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer>
    {
        let sslContext: NIOSSLContext?
        do {
            sslContext = url.security == .none ? nil : try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw SMTPError.tls("\(error)")
        }
        // SNI and certificate names take a host name; for an IP address NIOSSL checks the peer's.
        let serverHostname = (try? SocketAddress(ipAddress: url.host, port: 0)) == nil ? url.host : nil
        let security = url.security
        let makeTLSHandler: @Sendable () throws -> NIOSSLClientHandler = {
            try NIOSSLClientHandler(context: sslContext!, serverHostname: serverHostname)
        }
        let remaining = Self.timeAmount(until: deadline)
        guard remaining > .zero else { throw SMTPError.timeout(step: .connect) }
        let bootstrap = ClientBootstrap(group: group).connectTimeout(remaining)
        do {
            return try await bootstrap.connect(host: url.host, port: url.port) {
                (channel: any Channel) -> EventLoopFuture<NIOAsyncChannel<SMTPReply, ByteBuffer>> in
                channel.eventLoop.makeCompletedFuture { try Self.setUp(channel, security, makeTLSHandler) }
            }
        } catch {
            if case ChannelError.connectTimeout = error { throw SMTPError.timeout(step: .connect) }
            throw SMTPError.connectFailed(host: url.host, port: url.port, reason: "\(error)")
        }
    }

    /// The pipeline of a new connection (on its event loop): TLS first for `smtps://`, then the
    /// reply decoder, then the async channel the dialogue reads and writes.
    private static func setUp(
        _ channel: any Channel, _ security: SMTPURL.Security,
        _ makeTLSHandler: @escaping @Sendable () throws -> NIOSSLClientHandler
    ) throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        let pipeline = channel.pipeline.syncOperations
        if security == .implicitTLS { try pipeline.addHandler(makeTLSHandler()) }
        var upgrade: (() throws -> NIOSSLClientHandler)? = nil
        if security == .startTLS { upgrade = makeTLSHandler }
        let decoder = SMTPReplyHandler(makeTLSHandler: upgrade)
        try pipeline.addHandler(decoder)
        return try NIOAsyncChannel(wrappingChannelSynchronously: channel)
    }

    /// `error`, raised while waiting at `step`, as an `SMTPError`.
    static func mapped(_ error: any Error, at step: SMTPError.Step) -> SMTPError {
        switch error {
        case let error as SMTPError: error
        case let error as SMTPReplyParser.Failure: .malformedReply(step: step, error)
        case let error as SMTPReplyHandler.DataBeforeTLS: .tls(error.description)
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: .tls("\(error)")
        default: .connectionClosed(step: step)
        }
    }
}

/// Where a delivery is, shared between the dialogue and the timer that may cut it short.
final class SMTPProgress: Sendable {
    private let mutex = Mutex<(step: SMTPError.Step, delivered: Bool, timedOut: Bool)>((.connect, false, false))

    /// The step being waited on, whether the server has accepted the message, and whether the
    /// timer has closed the connection.
    var state: (step: SMTPError.Step, delivered: Bool, timedOut: Bool) { mutex.withLock { $0 } }

    /// Records the step now being waited on.
    func enter(_ step: SMTPError.Step) { mutex.withLock { $0.step = step } }

    /// Records that the server accepted the message.
    func markDelivered() { mutex.withLock { $0.delivered = true } }

    /// Records that the timer fired.
    func markTimedOut() { mutex.withLock { $0.timedOut = true } }
}
