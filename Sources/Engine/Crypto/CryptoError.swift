// CryptoError.swift: the signing-key layer's one error type, never carrying key material. Book: docs/04-c-engine.md.

/// What went wrong while reading keys, did:keys or signatures.
///
/// No case carries key bytes or the text being parsed: descriptions are safe to log.
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A private key that is not 32 bytes, or is zero or not below the curve order.
    case invalidPrivateKey(KeyType)
    /// Public key bytes that are not a 33-byte compressed or 65-byte uncompressed point on the curve.
    case invalidPublicKey(KeyType)
    /// A signature whose length is not the 64 bytes of compact `r || s` (DER is not accepted).
    case badSignatureLength(Int)
    /// A multicodec code that names no key type this layer supports.
    case unsupportedMulticodec(UInt64)
    /// A did:key or multibase string that does not decode; the reason names the failing step.
    case malformedDIDKey(reason: String)

    /// A log-safe description.
    public var description: String {
        switch self {
        case .invalidPrivateKey(let type): "invalid \(type) private key"
        case .invalidPublicKey(let type): "invalid \(type) public key"
        case .badSignatureLength(let n): "signature is \(n) bytes, expected 64 (compact r||s)"
        case .unsupportedMulticodec(let code): "unsupported multicodec 0x\(String(code, radix: 16))"
        case .malformedDIDKey(let reason): "malformed did:key: \(reason)"
        }
    }
}
