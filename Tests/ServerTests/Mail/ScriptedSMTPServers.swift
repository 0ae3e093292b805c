// ScriptedSMTPServers.swift: stand-in servers for the mail client tests: one silent, one playing a script.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A TCP listener on 127.0.0.1 that accepts connections and never sends a byte: the server an
/// SMTP client must not wait on forever. It records how long each connection stayed open, timed on
/// its event loop (so a test run that keeps the task executor busy cannot blur the number).
enum SilentServer {
    /// How long each closed connection was held open.
    final class Log: Sendable {
        private let held = Mutex<[Duration]>([])
        /// The connections closed so far.
        var durations: [Duration] { held.withLock { $0 } }
        func add(_ duration: Duration) { held.withLock { $0.append(duration) } }
    }

    /// Notes when its connection opens and closes.
    final class Timing: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let log: Log
        var opened = ContinuousClock.now
        init(log: Log) { self.log = log }
        func channelActive(context: ChannelHandlerContext) {
            opened = .now
            context.fireChannelActive()
        }
        func channelInactive(context: ChannelHandlerContext) {
            log.add(ContinuousClock.now - opened)
            context.fireChannelInactive()
        }
    }

    /// Runs `body` with the listener's port and its log.
    static func with(_ body: (Int, Log) async throws -> Void) async throws {
        let log = Log()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Timing(log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        do {
            try await body(listener.localAddress?.port ?? 0, log)
        } catch {
            try? await listener.close()
            throw error
        }
        try await listener.close()
    }
}

/// A TCP server on 127.0.0.1 that plays a fixed SMTP script: it sends `greeting`, then answers each
/// line it receives with `answer(line)` (raw bytes, sent in one write; nil sends nothing). For
/// what a well-behaved server never does: injected bytes, garbage, refusing EHLO.
enum ScriptedServer {
    /// Runs `body` with the port of a server playing the script.
    static func with(
        greeting: String, answer: @escaping @Sendable (String) -> String?, _ body: (Int) async throws -> Void
    ) async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ScriptHandler(greeting: greeting, answer: answer))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        do {
            try await body(listener.localAddress?.port ?? 0)
        } catch {
            try? await listener.close()
            throw error
        }
        try await listener.close()
    }

    /// One connection's side of the script.
    final class ScriptHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let greeting: String
        let answer: @Sendable (String) -> String?
        var pending: [UInt8] = []

        init(greeting: String, answer: @escaping @Sendable (String) -> String?) {
            self.greeting = greeting
            self.answer = answer
        }

        func channelActive(context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: greeting)), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            pending += unwrapInboundIn(data).readableBytesView
            while let lf = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<lf], as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                pending.removeFirst(lf + 1)
                if let reply = answer(line) {
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
                }
            }
        }
    }
}
