// SignatureVerification.swift: the one-call "does this did:key sign these bytes" check. Book: docs/04-c-engine.md.

/// True if `signature` is a 64-byte compact low-S ECDSA signature of SHA-256(`data`) by the key in `didKey`.
///
/// False for any malformed did:key, unsupported curve, wrong length (DER) or high-S signature.
public func verifySignature(didKey: String, data: [UInt8], signature: [UInt8]) -> Bool {
    guard signature.count == 64, let key = try? DIDKey.parse(didKey) else { return false }
    return key.verify(signature: signature, message: data)
}
