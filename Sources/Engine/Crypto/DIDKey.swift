// DIDKey.swift: did:key and Multikey text for public keys. Book: docs/04-c-engine.md.

/// did:key encoding: `did:key:z` + base58btc(varint(multicodec) || compressed SEC1 point).
///
/// The same text without `did:key:` is a Multikey, a DID document's `publicKeyMultibase`.
/// Decoding accepts compressed and uncompressed points and always normalises to compressed.
public enum DIDKey {
    /// The did:key method prefix.
    public static let prefix = "did:key:"

    /// Longest text accepted: an uncompressed key is about 101 characters.
    static let maxLength = 128

    /// `did:key:z...` for a compressed point of the given curve.
    public static func format(keyType: KeyType, compressed: [UInt8]) -> String {
        prefix + formatMultikey(keyType: keyType, compressed: compressed)
    }

    /// Multikey `z...` for a compressed point of the given curve.
    public static func formatMultikey(keyType: KeyType, compressed: [UInt8]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 + compressed.count)
        Varint.encode(keyType.multicodec, into: &bytes)
        bytes.append(contentsOf: compressed)
        return "z" + Base58.encode(bytes)
    }

    /// Parses `did:key:z...` into a key of either curve.
    public static func parse(_ text: some StringProtocol) throws(CryptoError) -> AnyPublicKey {
        let utf8 = text.utf8
        guard utf8.count <= maxLength + prefix.utf8.count, utf8.starts(with: prefix.utf8) else {
            throw .malformedDIDKey(reason: "missing did:key: prefix")
        }
        // Cut on bytes, not Characters: a combining mark must not merge into the prefix.
        return try parseMultikey(String(decoding: utf8.dropFirst(prefix.utf8.count), as: UTF8.self))
    }

    /// Parses a Multikey `z...` (multicodec-prefixed, as in `publicKeyMultibase` of type Multikey).
    public static func parseMultikey(_ text: some StringProtocol) throws(CryptoError) -> AnyPublicKey {
        let bytes = try base58btc(text)
        return try withBytes(of: bytes) { (raw) throws(CryptoError) -> AnyPublicKey in
            guard case .value(let code, let n) = Varint.decode(raw) else {
                throw .malformedDIDKey(reason: "bad multicodec varint")
            }
            guard let keyType = KeyType(multicodec: code) else { throw .unsupportedMulticodec(code) }
            return try key(keyType, UnsafeRawBufferPointer(rebasing: raw[n...]))
        }
    }

    /// Parses a legacy multibase `z...` holding the bare point with no multicodec, as DID documents'
    /// `EcdsaSecp256k1VerificationKey2019` / `EcdsaSecp256r1VerificationKey2019` entries do.
    public static func parseLegacyMultibase(_ text: some StringProtocol, keyType: KeyType) throws(CryptoError)
        -> AnyPublicKey
    {
        let bytes = try base58btc(text)
        return try withBytes(of: bytes) { (raw) throws(CryptoError) in try key(keyType, raw) }
    }

    /// Decodes multibase base58btc ('z' + text).
    static func base58btc(_ text: some StringProtocol) throws(CryptoError) -> [UInt8] {
        let utf8 = text.utf8
        guard utf8.count <= maxLength, utf8.first == UInt8(ascii: "z") else {
            throw .malformedDIDKey(reason: "not multibase base58btc ('z')")
        }
        guard let bytes = Base58.decode(String(decoding: utf8.dropFirst(), as: UTF8.self)) else {
            throw .malformedDIDKey(reason: "invalid base58btc")
        }
        return bytes
    }

    /// Builds a key of the given curve from SEC1 bytes.
    static func key(_ keyType: KeyType, _ sec1: UnsafeRawBufferPointer) throws(CryptoError) -> AnyPublicKey {
        switch keyType {
        case .k256: .k256(try K256PublicKey(sec1: sec1))
        case .p256: .p256(try P256PublicKey(sec1: sec1))
        }
    }
}

/// Parses `did:key:z...` into a public key of either curve.
public func parseDIDKey(_ text: String) throws(CryptoError) -> AnyPublicKey { try DIDKey.parse(text) }

extension AnyPublicKey {
    /// Parses `did:key:z...`.
    public init(didKey: String) throws(CryptoError) { self = try DIDKey.parse(didKey) }

    /// Parses a Multikey `z...`.
    public init(multikey: String) throws(CryptoError) { self = try DIDKey.parseMultikey(multikey) }
}
