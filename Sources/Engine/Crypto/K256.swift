// K256.swift: secp256k1 keys and signatures; the only caller of cengine_k256_*. Book: docs/04-c-engine.md.
import CEngine

/// A secp256k1 public key, held parsed so verification does no decoding.
public struct K256PublicKey: PublicKey, CustomStringConvertible {
    /// libsecp256k1's 64-byte internal form, only ever handed back to libsecp256k1.
    var parsed: InlineBytes64
    /// The compressed point: equality, hashing and did:key use it (the internal form is not portable).
    var compressedBytes: InlineBytes33

    /// Parses a 33-byte compressed (02/03) or 65-byte uncompressed (04) SEC1 point.
    public init(sec1: [UInt8]) throws(CryptoError) {
        self = try withBytes(of: sec1) { (b) throws(CryptoError) in try K256PublicKey(sec1: b) }
    }

    /// Parses a 33-byte compressed (02/03) or 65-byte uncompressed (04) SEC1 point.
    public init(sec1: UnsafeRawBufferPointer) throws(CryptoError) {
        guard SEC1.hasValidPrefix(sec1) else { throw .invalidPublicKey(.k256) }
        var parsed = InlineBytes64()
        let ok = parsed.withUnsafeMutablePointer { out in
            cengine_k256_public_parse(sec1.baseAddress!.assumingMemoryBound(to: UInt8.self), sec1.count, out)
        }
        guard ok == 1 else { throw .invalidPublicKey(.k256) }
        self.init(parsed: parsed)
    }

    /// Wraps a parsed key, serialising its compressed form once.
    init(parsed: InlineBytes64) {
        self.parsed = parsed
        // libsecp256k1 wants room for 65 bytes even when it writes 33.
        var out = InlineBytes65()
        var n = 65
        let ok = out.withUnsafeMutablePointer { o in
            parsed.withUnsafePointer { cengine_k256_public_serialize($0, 1, o, &n) }
        }
        precondition(ok == 1 && n == 33, "serialising a parsed secp256k1 key cannot fail")
        compressedBytes = out.prefix33
    }

    /// Always `.k256`.
    public var keyType: KeyType { .k256 }

    /// The 33-byte compressed SEC1 point.
    public var compressed: [UInt8] { compressedBytes.array }

    /// The 65-byte uncompressed SEC1 point.
    public var uncompressed: [UInt8] {
        var out = [UInt8](repeating: 0, count: 65)
        var n = 65
        let ok = parsed.withUnsafePointer { p in
            out.withUnsafeMutableBufferPointer { cengine_k256_public_serialize(p, 0, $0.baseAddress, &n) }
        }
        precondition(ok == 1 && n == 65, "serialising a parsed secp256k1 key cannot fail")
        return out
    }

    /// True if `signature` is exactly 64 bytes of compact low-S `r || s` over `digest` by this key.
    public func verify(signature: [UInt8], digest: Digest32) -> Bool {
        guard signature.count == 64 else { return false }
        return parsed.withUnsafePointer { key in
            digest.withUnsafeBytes { d in
                signature.withUnsafeBufferPointer { s in
                    cengine_k256_verify(key, d.baseAddress!.assumingMemoryBound(to: UInt8.self), s.baseAddress) == 1
                }
            }
        }
    }

    /// Compares points.
    public static func == (a: K256PublicKey, b: K256PublicKey) -> Bool { a.compressedBytes == b.compressedBytes }

    /// Hashes the compressed point.
    public func hash(into hasher: inout Hasher) { compressedBytes.hash(into: &hasher) }

    /// The key as its did:key.
    public var description: String { didKey }
}

/// A secp256k1 private key with its public key computed once.
public struct K256PrivateKey: PrivateKey, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The 32-byte big-endian scalar.
    var secret: InlineBytes32
    /// The public half.
    public let publicKey: K256PublicKey

    /// A key from its 32-byte big-endian scalar; throws unless 0 < scalar < n.
    public init(rawRepresentation raw: [UInt8]) throws(CryptoError) {
        guard let secret = raw.withUnsafeBytes({ InlineBytes32($0) }) else { throw .invalidPrivateKey(.k256) }
        guard let key = K256PrivateKey(secret: secret) else { throw .invalidPrivateKey(.k256) }
        self = key
    }

    /// Validates the scalar and derives the public key; nil if out of range.
    init?(secret: InlineBytes32) {
        guard secret.withUnsafePointer({ cengine_k256_private_valid($0) }) == 1 else { return nil }
        var sec1 = InlineBytes65()
        var n = 65
        let ok = sec1.withUnsafeMutablePointer { out in
            secret.withUnsafePointer { cengine_k256_public_from_private($0, 1, out, &n) }
        }
        guard ok == 1, n == 33,
            let pub = try? sec1.prefix33.withUnsafeBytes({ (b) throws(CryptoError) in try K256PublicKey(sec1: b) })
        else { return nil }
        self.secret = secret
        self.publicKey = pub
    }

    /// A fresh key from the system's secure random source.
    public static func generate() -> K256PrivateKey {
        while true {
            // 32 random bytes are out of range (zero or >= n) with probability about 2^-128.
            let candidate = Secrets.randomBytes(32).withUnsafeBytes { InlineBytes32($0)! }
            if let key = K256PrivateKey(secret: candidate) { return key }
        }
    }

    /// Always `.k256`.
    public var keyType: KeyType { .k256 }

    /// The 32-byte big-endian scalar; handle with care.
    public var rawRepresentation: [UInt8] { secret.array }

    /// A 64-byte compact `r || s` signature of `digest`, deterministic (RFC 6979) and low-S.
    public func sign(digest: Digest32) -> [UInt8] {
        var sig = [UInt8](repeating: 0, count: 64)
        let ok = secret.withUnsafePointer { k in
            digest.withUnsafeBytes { d in
                sig.withUnsafeMutableBufferPointer {
                    cengine_k256_sign(k, d.baseAddress!.assumingMemoryBound(to: UInt8.self), $0.baseAddress)
                }
            }
        }
        precondition(ok == 1, "secp256k1 signing with a validated key cannot fail")
        return sig
    }

    /// Names the public key only.
    public var description: String { "K256PrivateKey(public: \(publicKey.didKey))" }
    /// Names the public key only.
    public var debugDescription: String { description }
    /// No children, so `dump` cannot reach the scalar.
    public var customMirror: Mirror { Mirror(self, children: []) }
}

/// SEC1 point encodings shared by both curves.
enum SEC1 {
    /// True for 33 bytes starting 02/03 or 65 bytes starting 04 (the C libraries also take hybrid 06/07).
    static func hasValidPrefix(_ b: UnsafeRawBufferPointer) -> Bool {
        switch b.count {
        case 33: b[0] == 0x02 || b[0] == 0x03
        case 65: b[0] == 0x04
        default: false
        }
    }
}
