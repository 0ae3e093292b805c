// SHA256.swift: SHA-256 over the C engine (OpenSSL, SHA-NI where present).
// Book: docs/04-c-engine.md.
import CEngine

/// A 32-byte digest held inline (no heap allocation).
public struct Digest32: Hashable, Sendable {
    /// The digest as four little-endian-loaded words; compare and hash without touching the heap.
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64)

    /// A digest of all zero bytes.
    public static let zero = Digest32(words: (0, 0, 0, 0))

    @usableFromInline init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// Builds a digest from exactly 32 bytes.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var d = Digest32.zero
        withUnsafeMutableBytes(of: &d.words) { dst in
            for (i, b) in bytes.enumerated() { dst[i] = b }
        }
        self = d
    }

    /// Lends the 32 bytes to `body`.
    @inlinable public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// The digest as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    public static func == (a: Digest32, b: Digest32) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

/// SHA-256 hashing.
public enum SHA256 {
    /// The digest of a raw buffer.
    @inlinable public static func hash(_ buffer: UnsafeRawBufferPointer) -> Digest32 {
        var d = Digest32.zero
        Swift.withUnsafeMutableBytes(of: &d.words) { out in
            cengine_sha256(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count,
                           out.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return d
    }

    /// The digest of a byte collection.
    @inlinable public static func hash<C: Collection<UInt8>>(_ bytes: C) -> Digest32 {
        if let d = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return d }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }
}

/// Incremental SHA-256 for streams; owns its C state.
public final class SHA256Hasher {
    private let ctx: OpaquePointer

    /// A fresh hasher.
    public init() {
        guard let c = cengine_sha256_new() else { fatalError("out of memory allocating SHA-256 state") }
        ctx = c
    }

    deinit { cengine_sha256_free(ctx) }

    /// Feeds bytes.
    public func update(_ buffer: UnsafeRawBufferPointer) {
        cengine_sha256_update(ctx, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count)
    }

    /// Feeds bytes.
    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The digest of everything fed so far; the hasher starts over afterwards.
    public func finalize() -> Digest32 {
        var d = Digest32.zero
        Swift.withUnsafeMutableBytes(of: &d.words) { out in
            cengine_sha256_final(ctx, out.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return d
    }
}
