// FirehoseSocket.swift: writes firehose frames straight to the connection, many per flush.
// Book: docs/16-sequencer-and-firehose.md ("Writing to the socket").
import Engine
import NIOCore
import NIOWebSocket

/// The subscriber's connection, for sending event frames.
///
/// The WebSocket library's writer sends one frame per event-loop hop and per flush, which is one
/// system call per event per subscriber, and encodes each frame again for every subscriber. Here:
///
/// - every event is encoded once as a complete WebSocket message (header and payload in one
///   buffer; server frames are unmasked, so the bytes are the same for every subscriber) and that
///   buffer is shared, kept on the event itself (`SequencedFrame.encoding`);
/// - a whole batch goes to the event loop in one hop and out in one flush, written just below the
///   library's frame encoder (already encoded), so its pings and close frame still pass through
///   the encoder and interleave safely, all on the same event loop;
/// - the call returns when the batch has reached the socket: that is the backpressure.
struct FirehoseSocket: Sendable {
    let channel: any Channel

    /// Sends `events` as binary WebSocket messages; returns once written.
    func send(_ events: some Collection<SequencedFrame>) async throws {
        guard !events.isEmpty else { return }
        try await write(events.map(Self.message))
    }

    /// Sends raw firehose frames (error and info frames, made per connection).
    func send(frames: [[UInt8]]) async throws {
        try await send(frames.map { SequencedFrame(seq: 0, millis: 0, bytes: $0) })
    }

    /// Sends `frames`, then a close frame with `code` and `reason`, and closes the connection once
    /// they are written (or after two seconds if the subscriber does not read). The close is done
    /// here rather than through the library's close handshake, which waits on the subscriber: the
    /// connection ends whatever the subscriber does, and after the frames, not before.
    func close(after frames: [[UInt8]], code: UInt16, reason: String) async {
        var wire = frames.map { Self.message(SequencedFrame(seq: 0, millis: 0, bytes: $0)) }
        var payload: [UInt8] = [UInt8(code >> 8), UInt8(code & 0xFF)]
        payload += Array(reason.utf8.prefix(123))
        var close = ByteBuffer()
        close.writeInteger(UInt8(0x88))  // FIN, opcode 8 (close)
        close.writeInteger(UInt8(payload.count))
        close.writeBytes(payload)
        wire.append(close)
        let all = wire
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await self.write(all) }
            group.addTask { try? await Task.sleep(for: .seconds(2)) }
            await group.next()
            group.cancelAll()
        }
        abort()
    }

    /// Writes already-encoded WebSocket messages below the frame encoder, one flush for all.
    private func write(_ wire: [ByteBuffer]) async throws {
        let channel = self.channel
        try await channel.eventLoop.flatSubmit { () -> EventLoopFuture<Void> in
            let below: ChannelHandlerContext
            do {
                below = try channel.pipeline.syncOperations.context(handlerType: WebSocketFrameEncoder.self)
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
            for buffer in wire.dropLast() { below.write(NIOAny(buffer), promise: nil) }
            let done = channel.eventLoop.makePromise(of: Void.self)
            below.writeAndFlush(NIOAny(wire[wire.count - 1]), promise: done)
            return done.futureResult
        }.get()
    }

    /// Closes the connection without a close handshake (for a subscriber whose socket is stuck).
    func abort() { channel.close(promise: nil) }

    /// The event as one unmasked, final, binary WebSocket frame, encoded once per event.
    static func message(_ event: SequencedFrame) -> ByteBuffer {
        if let made = event.encoding.load()?.value as? ByteBuffer { return made }
        let payload = event.frame
        var buffer = ByteBuffer()
        buffer.reserveCapacity(payload.count + 10)
        buffer.writeInteger(UInt8(0x82))  // FIN, opcode 2 (binary)
        switch payload.count {
        case ..<126: buffer.writeInteger(UInt8(payload.count))
        case ..<65_536:
            buffer.writeInteger(UInt8(126))
            buffer.writeInteger(UInt16(payload.count))
        default:
            buffer.writeInteger(UInt8(127))
            buffer.writeInteger(UInt64(payload.count))
        }
        buffer.writeBytes(payload)
        return event.encoding.storeIfNilThenLoad(FrameEncoding(buffer)).value as? ByteBuffer ?? buffer
    }
}
