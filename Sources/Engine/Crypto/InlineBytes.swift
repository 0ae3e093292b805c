// InlineBytes.swift: fixed-size byte buffers held inline in key structs (no heap). Book: docs/04-c-engine.md.

/// Fixed-size bytes stored in a tuple, so keys are plain values with no allocation.
protocol InlineBytes: Sendable, Hashable {
    associatedtype Storage
    /// How many bytes are meaningful.
    static var count: Int { get }
    /// Zeroed storage.
    init()
    /// The tuple holding the bytes.
    var storage: Storage { get set }
}

extension InlineBytes {
    /// Copies exactly `Self.count` bytes; nil for any other length.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == Self.count else { return nil }
        self.init()
        withUnsafeMutableBytes { $0.copyMemory(from: bytes) }
    }

    /// Lends the bytes to `body`.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[..<Self.count])) }
    }

    /// Lends the bytes, writable, to `body`.
    mutating func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeMutableBytes(of: &storage) {
            try body(UnsafeMutableRawBufferPointer(rebasing: $0[..<Self.count]))
        }
    }

    /// Lends the bytes, writable and typed as the C functions want them.
    mutating func withUnsafeMutablePointer<R>(_ body: (UnsafeMutablePointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeMutableBytes { try body($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Lends the bytes typed as the C functions want them.
    func withUnsafePointer<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBytes { try body($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    /// The bytes as an array.
    var array: [UInt8] { withUnsafeBytes { Array($0) } }

    static func == (a: Self, b: Self) -> Bool {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.elementsEqual(y) } }
    }

    func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// 32 bytes: a private scalar.
struct InlineBytes32: InlineBytes {
    static var count: Int { 32 }
    var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    init() {}
}

/// 33 bytes: a compressed SEC1 point.
struct InlineBytes33: InlineBytes {
    static var count: Int { 33 }
    var storage: (UInt64, UInt64, UInt64, UInt64, UInt8) = (0, 0, 0, 0, 0)
    init() {}
}

/// 64 bytes: libsecp256k1's parsed public key.
struct InlineBytes64: InlineBytes {
    static var count: Int { 64 }
    var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    init() {}
}

/// 65 bytes: an uncompressed SEC1 point, or scratch space for one.
struct InlineBytes65: InlineBytes {
    static var count: Int { 65 }
    var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
    init() {}

    /// The first 33 bytes (a compressed point written into this scratch space).
    var prefix33: InlineBytes33 { withUnsafeBytes { InlineBytes33(UnsafeRawBufferPointer(rebasing: $0[..<33]))! } }
}

/// `Array.withUnsafeBytes` for a body with typed throws (the standard one only rethrows `any Error`).
func withBytes<R>(of array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(CryptoError) -> R) throws(CryptoError) -> R
{
    let result = array.withUnsafeBytes { b in Result { () throws(CryptoError) in try body(b) } }
    return try result.get()
}
