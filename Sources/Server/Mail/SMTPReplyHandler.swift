// SMTPReplyHandler.swift: the channel handler that turns bytes into SMTP replies and starts TLS after STARTTLS.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Engine
import NIOCore
import NIOSSL

/// Reads `SMTPReply` values off the connection for `SMTPClient`, and switches the connection to
/// TLS at the exact byte where the server's `220` to STARTTLS ends.
///
/// The switch happens here, on the event loop, rather than in the client's task: between the
/// reply and the moment a task could add the TLS handler, more plain-text bytes might be read and
/// queued as if they had come through TLS (a man in the middle could inject a fake EHLO reply that
/// way). For the same reason a `220` followed by any further byte in the same read is an error.
final class SMTPReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SMTPReply
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Bytes after the STARTTLS reply, before the TLS handshake.
    struct DataBeforeTLS: Error, CustomStringConvertible {
        var description: String { "the server sent data after its reply to STARTTLS, before the handshake" }
    }

    private static let startTLSCommand = Array("STARTTLS\r\n".utf8)
    private var parser = SMTPReplyParser()
    private let makeTLSHandler: (() throws -> NIOSSLClientHandler)?
    private var awaitingStartTLS = false
    private var failed = false

    /// A handler; `makeTLSHandler` is given when the connection may be upgraded with STARTTLS.
    init(makeTLSHandler: (() throws -> NIOSSLClientHandler)?) {
        self.makeTLSHandler = makeTLSHandler
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if makeTLSHandler != nil, unwrapOutboundIn(data).readableBytesView.elementsEqual(Self.startTLSCommand) {
            awaitingStartTLS = true
        }
        context.write(data, promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        parser.append(unwrapInboundIn(data).readableBytesView)
        do {
            while let reply = try parser.next() {
                let upgrade = awaitingStartTLS && reply.code == 220
                awaitingStartTLS = false
                if upgrade, let makeTLSHandler {
                    guard !parser.hasPendingInput else { throw DataBeforeTLS() }
                    try context.pipeline.syncOperations.addHandler(makeTLSHandler(), position: .first)
                }
                context.fireChannelRead(wrapInboundOut(reply))
                // This read's read-complete now passes the TLS handler, which keeps it (it has
                // decrypted nothing), and the async channel hands replies on only at a
                // read-complete: send one for the 220.
                if upgrade { context.fireChannelReadComplete() }
            }
        } catch {
            failed = true
            context.fireErrorCaught(error)
            context.close(promise: nil)
        }
    }
}
