// BlockingStream.swift: a response body produced by blocking code on the storage pool, with backpressure.
// Book: docs/17-sync.md ("Streaming a repo").
import Dispatch
import Engine
import Hummingbird
import NIOPosix
import Synchronization

/// Streams bytes that blocking code (a RocksDB scan, a file read) produces on the storage pool to
/// the HTTP response writer.
///
/// The producer runs on one pool thread and hands chunks over an `AsyncThrowingStream`; a
/// semaphore with `slots` permits makes it wait while that many chunks are unsent, so memory stays
/// at `slots` chunks whatever the size of the whole, and a slow client slows the scan rather than
/// filling memory. The producer starts only when the body is written; if the client goes away,
/// the writer fails, the gate is closed and the producer's next `send` throws, ending the scan.
///
/// A producer holds its thread while it waits for the client, so producers get their own pool
/// (`producers`) rather than the storage pool: a crowd of slow downloads queues behind itself and
/// never starves record writes of threads.
enum BlockingStream {
    /// Threads for stream producers: at most this many downloads scan at once; more wait their turn.
    static let producerThreads = 16
    /// How long a producer waits for a client that reads nothing before abandoning the transfer.
    static let stallTimeout: DispatchTimeInterval = .seconds(30)

    /// The producers' pool: started on first use, lives as long as the process.
    static let producers: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: producerThreads)
        pool.start()
        return pool
    }()

    /// Thrown into the producer when the response has been abandoned.
    struct Abandoned: Error {}

    /// Hands chunks from one producer thread to the writer; at most `slots` in flight.
    final class Gate: Sendable {
        private let semaphore: DispatchSemaphore
        private let closed = Atomic<Bool>(false)

        init(slots: Int) { semaphore = DispatchSemaphore(value: slots) }

        /// Waits for a free slot (producer side); throws once the gate is closed, or when the client
        /// has read nothing for `stallTimeout`, so a reader that stops cannot hold a producer forever.
        func acquire() throws {
            if closed.load(ordering: .acquiring) { throw Abandoned() }
            if semaphore.wait(timeout: .now() + BlockingStream.stallTimeout) == .timedOut {
                closed.store(true, ordering: .releasing)
                throw Abandoned()
            }
            if closed.load(ordering: .acquiring) { throw Abandoned() }
        }

        /// A chunk was written: frees its slot.
        func release() { semaphore.signal() }

        /// The consumer is gone: wakes a waiting producer so it can stop.
        func close() {
            closed.store(true, ordering: .releasing)
            semaphore.signal()
        }
    }

    /// A body whose bytes `produce` writes through `send` on a storage pool thread.
    static func body(
        slots: Int = 4, _ produce: @escaping @Sendable (_ send: ([UInt8]) throws -> Void) throws -> Void
    ) -> ResponseBody {
        ResponseBody { writer in
            let gate = Gate(slots: slots)
            let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
            continuation.onTermination = { _ in gate.close() }
            let producer = Task {
                do {
                    try await producers.runIfActive {
                        try produce { chunk in
                            guard !chunk.isEmpty else { return }
                            try gate.acquire()
                            continuation.yield(chunk)
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            do {
                for try await chunk in stream {
                    try await writer.write(ByteBuffer(bytes: chunk))
                    gate.release()
                }
                try await writer.finish(nil)
            } catch {
                gate.close()
                producer.cancel()
                throw error
            }
        }
    }
}
