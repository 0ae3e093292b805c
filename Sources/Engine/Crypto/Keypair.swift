// Keypair.swift: key types and the protocols that let callers take either curve. Book: docs/04-c-engine.md.

/// The two curves atproto allows for signing keys.
public enum KeyType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// secp256k1 ("K-256"), the usual repo and PLC rotation key.
    case k256
    /// NIST P-256 (secp256r1), common in hardware and browsers.
    case p256

    /// The JWT `alg` name: "ES256K" or "ES256".
    public var jwtAlgorithm: String {
        switch self {
        case .k256: "ES256K"
        case .p256: "ES256"
        }
    }

    /// The multicodec code of the public key (secp256k1-pub 0xe7, p256-pub 0x1200).
    public var multicodec: UInt64 {
        switch self {
        case .k256: 0xe7
        case .p256: 0x1200
        }
    }

    /// The key type for a multicodec code, or nil if unsupported.
    public init?(multicodec: UInt64) {
        switch multicodec {
        case 0xe7: self = .k256
        case 0x1200: self = .p256
        default: return nil
        }
    }

    /// The key type for a JWT `alg` name, or nil if unsupported.
    public init?(jwtAlgorithm: String) {
        switch jwtAlgorithm {
        case "ES256K": self = .k256
        case "ES256": self = .p256
        default: return nil
        }
    }

    /// "k256" or "p256".
    public var description: String { rawValue }
}

/// A public signing key of either curve.
public protocol PublicKey: Sendable, Hashable {
    /// The curve.
    var keyType: KeyType { get }
    /// The 33-byte compressed SEC1 point.
    var compressed: [UInt8] { get }
    /// The 65-byte uncompressed SEC1 point.
    var uncompressed: [UInt8] { get }
    /// True if `signature` is a 64-byte compact low-S signature of `digest` by this key.
    func verify(signature: [UInt8], digest: Digest32) -> Bool
}

extension PublicKey {
    /// True if `signature` is a 64-byte compact low-S signature of SHA-256(`message`) by this key.
    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        verify(signature: signature, digest: SHA256.hash(message))
    }

    /// The key as `did:key:z...`.
    public var didKey: String { DIDKey.format(keyType: keyType, compressed: compressed) }

    /// The key as a multibase Multikey `z...` (a DID document's `publicKeyMultibase`).
    public var multikey: String { DIDKey.formatMultikey(keyType: keyType, compressed: compressed) }

    /// The JWT `alg` name for signatures by this key.
    public var jwtAlgorithm: String { keyType.jwtAlgorithm }
}

/// A private signing key of either curve.
public protocol PrivateKey: Sendable {
    /// The matching public key type.
    associatedtype Public: PublicKey
    /// The curve.
    var keyType: KeyType { get }
    /// The public half.
    var publicKey: Public { get }
    /// The 32-byte private scalar, big-endian; handle with care.
    var rawRepresentation: [UInt8] { get }
    /// A 64-byte compact low-S signature of a 32-byte digest.
    func sign(digest: Digest32) -> [UInt8]
}

extension PrivateKey {
    /// A 64-byte compact low-S signature of SHA-256(`message`), the atproto signing rule.
    public func sign(_ message: [UInt8]) -> [UInt8] { sign(digest: SHA256.hash(message)) }

    /// The public key as `did:key:z...`.
    public var didKey: String { publicKey.didKey }

    /// The JWT `alg` name for signatures by this key.
    public var jwtAlgorithm: String { keyType.jwtAlgorithm }
}

/// A public key of either curve, as a value: what did:key parsing returns.
public enum AnyPublicKey: PublicKey {
    /// A secp256k1 key.
    case k256(K256PublicKey)
    /// A P-256 key.
    case p256(P256PublicKey)

    /// Parses a 33- or 65-byte SEC1 point of the given curve.
    public init(keyType: KeyType, sec1: [UInt8]) throws(CryptoError) {
        switch keyType {
        case .k256: self = .k256(try K256PublicKey(sec1: sec1))
        case .p256: self = .p256(try P256PublicKey(sec1: sec1))
        }
    }

    /// The curve.
    public var keyType: KeyType {
        switch self {
        case .k256: .k256
        case .p256: .p256
        }
    }

    /// The 33-byte compressed SEC1 point.
    public var compressed: [UInt8] {
        switch self {
        case .k256(let k): k.compressed
        case .p256(let k): k.compressed
        }
    }

    /// The 65-byte uncompressed SEC1 point.
    public var uncompressed: [UInt8] {
        switch self {
        case .k256(let k): k.uncompressed
        case .p256(let k): k.uncompressed
        }
    }

    /// True if `signature` is a 64-byte compact low-S signature of `digest` by this key.
    public func verify(signature: [UInt8], digest: Digest32) -> Bool {
        switch self {
        case .k256(let k): k.verify(signature: signature, digest: digest)
        case .p256(let k): k.verify(signature: signature, digest: digest)
        }
    }
}

/// A private key of either curve, as a value: what configuration loading returns.
public enum AnyPrivateKey: PrivateKey, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A secp256k1 key.
    case k256(K256PrivateKey)
    /// A P-256 key.
    case p256(P256PrivateKey)

    /// A key from its 32-byte private scalar.
    public init(keyType: KeyType, rawRepresentation: [UInt8]) throws(CryptoError) {
        switch keyType {
        case .k256: self = .k256(try K256PrivateKey(rawRepresentation: rawRepresentation))
        case .p256: self = .p256(try P256PrivateKey(rawRepresentation: rawRepresentation))
        }
    }

    /// A fresh random key of the given curve.
    public static func generate(_ keyType: KeyType) -> AnyPrivateKey {
        switch keyType {
        case .k256: .k256(.generate())
        case .p256: .p256(.generate())
        }
    }

    /// The curve.
    public var keyType: KeyType {
        switch self {
        case .k256: .k256
        case .p256: .p256
        }
    }

    /// The public half.
    public var publicKey: AnyPublicKey {
        switch self {
        case .k256(let k): .k256(k.publicKey)
        case .p256(let k): .p256(k.publicKey)
        }
    }

    /// The 32-byte private scalar, big-endian; handle with care.
    public var rawRepresentation: [UInt8] {
        switch self {
        case .k256(let k): k.rawRepresentation
        case .p256(let k): k.rawRepresentation
        }
    }

    /// A 64-byte compact low-S signature of a 32-byte digest.
    public func sign(digest: Digest32) -> [UInt8] {
        switch self {
        case .k256(let k): k.sign(digest: digest)
        case .p256(let k): k.sign(digest: digest)
        }
    }

    /// Names the curve and public key only.
    public var description: String { "AnyPrivateKey(\(keyType), public: \(publicKey.didKey))" }
    /// Names the curve and public key only.
    public var debugDescription: String { description }
    /// No children, so `dump` cannot reach the scalar.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
