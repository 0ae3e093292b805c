// P256.swift: NIST P-256 keys and signatures; the only caller of cengine_p256_*. Book: docs/04-c-engine.md.
import CEngine

/// Owns one OpenSSL-held P-256 key (`cengine_p256_key *`) and frees it in `deinit`.
///
/// `@unchecked Sendable` is safe: the key is never mutated after creation, and OpenSSL's
/// ECDSA sign and verify only read it (each call allocates its own scratch state), so any
/// number of threads may use one handle at once.
final class P256KeyHandle: @unchecked Sendable {
    /// The C key; lent to the C functions only for the duration of a call.
    let pointer: OpaquePointer

    /// Takes ownership of a non-NULL key.
    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { cengine_p256_free(pointer) }

    /// The SEC1 point, compressed (33 bytes) or not (65).
    func publicBytes(compressed: Bool) -> InlineBytes65 {
        var out = InlineBytes65()
        var n = 0
        let ok = out.withUnsafeMutablePointer { cengine_p256_public_bytes(pointer, compressed ? 1 : 0, $0, &n) }
        precondition(ok == 1 && n == (compressed ? 33 : 65), "serialising a valid P-256 key cannot fail")
        return out
    }
}

/// A P-256 public key.
public struct P256PublicKey: PublicKey, CustomStringConvertible {
    /// The OpenSSL key used for verification.
    let handle: P256KeyHandle
    /// The compressed point: equality, hashing and did:key use it.
    let compressedBytes: InlineBytes33

    /// Parses a 33-byte compressed (02/03) or 65-byte uncompressed (04) SEC1 point.
    public init(sec1: [UInt8]) throws(CryptoError) {
        self = try withBytes(of: sec1) { (b) throws(CryptoError) in try P256PublicKey(sec1: b) }
    }

    /// Parses a 33-byte compressed (02/03) or 65-byte uncompressed (04) SEC1 point.
    public init(sec1: UnsafeRawBufferPointer) throws(CryptoError) {
        guard SEC1.hasValidPrefix(sec1),
            let key = cengine_p256_public_new(sec1.baseAddress!.assumingMemoryBound(to: UInt8.self), sec1.count)
        else { throw .invalidPublicKey(.p256) }
        self.init(handle: P256KeyHandle(key))
    }

    /// Wraps a public-key handle, serialising its compressed form once.
    init(handle: P256KeyHandle) {
        self.handle = handle
        self.compressedBytes = handle.publicBytes(compressed: true).prefix33
    }

    /// Always `.p256`.
    public var keyType: KeyType { .p256 }

    /// The 33-byte compressed SEC1 point.
    public var compressed: [UInt8] { compressedBytes.array }

    /// The 65-byte uncompressed SEC1 point.
    public var uncompressed: [UInt8] { handle.publicBytes(compressed: false).array }

    /// True if `signature` is exactly 64 bytes of compact low-S `r || s` over `digest` by this key.
    public func verify(signature: [UInt8], digest: Digest32) -> Bool {
        guard signature.count == 64 else { return false }
        return digest.withUnsafeBytes { d in
            signature.withUnsafeBufferPointer { s in
                cengine_p256_verify(handle.pointer, d.baseAddress!.assumingMemoryBound(to: UInt8.self), s.baseAddress)
                    == 1
            }
        }
    }

    /// Compares points.
    public static func == (a: P256PublicKey, b: P256PublicKey) -> Bool { a.compressedBytes == b.compressedBytes }

    /// Hashes the compressed point.
    public func hash(into hasher: inout Hasher) { compressedBytes.hash(into: &hasher) }

    /// The key as its did:key.
    public var description: String { didKey }
}

/// A P-256 private key with its public key computed once.
public struct P256PrivateKey: PrivateKey, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The OpenSSL key used for signing.
    let handle: P256KeyHandle
    /// The 32-byte big-endian scalar, kept for export (OpenSSL holds it as a bignum).
    let secret: InlineBytes32
    /// The public half.
    public let publicKey: P256PublicKey

    /// A key from its 32-byte big-endian scalar; throws unless 0 < scalar < n.
    public init(rawRepresentation raw: [UInt8]) throws(CryptoError) {
        guard let secret = raw.withUnsafeBytes({ InlineBytes32($0) }), let key = P256PrivateKey(secret: secret) else {
            throw .invalidPrivateKey(.p256)
        }
        self = key
    }

    /// Validates the scalar and derives the public key; nil if out of range.
    init?(secret: InlineBytes32) {
        guard let key = secret.withUnsafePointer({ cengine_p256_private_new($0) }) else { return nil }
        let handle = P256KeyHandle(key)
        // The verifying key gets its own public-only handle, so it never carries the scalar around.
        let sec1 = handle.publicBytes(compressed: true).prefix33
        guard let pub = try? sec1.withUnsafeBytes({ (b) throws(CryptoError) in try P256PublicKey(sec1: b) }) else {
            return nil
        }
        self.handle = handle
        self.secret = secret
        self.publicKey = pub
    }

    /// A fresh key from the system's secure random source.
    public static func generate() -> P256PrivateKey {
        while true {
            // 32 random bytes are out of range (zero or >= n) with probability about 2^-32.
            let candidate = Secrets.randomBytes(32).withUnsafeBytes { InlineBytes32($0)! }
            if let key = P256PrivateKey(secret: candidate) { return key }
        }
    }

    /// Always `.p256`.
    public var keyType: KeyType { .p256 }

    /// The 32-byte big-endian scalar; handle with care.
    public var rawRepresentation: [UInt8] { secret.array }

    /// A 64-byte compact `r || s` signature of `digest`, normalised to low-S (the nonce is random).
    public func sign(digest: Digest32) -> [UInt8] {
        var sig = [UInt8](repeating: 0, count: 64)
        let ok = digest.withUnsafeBytes { d in
            sig.withUnsafeMutableBufferPointer {
                cengine_p256_sign(handle.pointer, d.baseAddress!.assumingMemoryBound(to: UInt8.self), $0.baseAddress)
            }
        }
        precondition(ok == 1, "P-256 signing with a valid key failed (out of memory?)")
        return sig
    }

    /// Names the public key only.
    public var description: String { "P256PrivateKey(public: \(publicKey.didKey))" }
    /// Names the public key only.
    public var debugDescription: String { description }
    /// No children, so `dump` cannot reach the scalar.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
