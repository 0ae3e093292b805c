// SignedPLCOperation.swift: a PLC operation with its signature; its CID, its DID, its signer.
// Book: docs/12-accounts-and-dids.md ("Signatures", "Deriving the DID").

/// A PLC operation with `sig`: what a PLC directory stores, serves and hashes.
///
/// `sig` is kept as the exact text received, because the operation's CID (and, for a genesis
/// operation, the DID) is the hash of that text; a non-canonical spelling is rejected when the
/// signature is checked, not silently rewritten.
public struct SignedPLCOperation: Sendable, Hashable {
    /// The signed fields.
    public var unsigned: UnsignedPLCOperation
    /// The signature as unpadded base64url of the 64-byte compact `r || s`.
    public var sig: String

    /// A signed operation.
    public init(unsigned: UnsignedPLCOperation, sig: String) {
        self.unsigned = unsigned
        self.sig = sig
    }

    /// The CID of the previous operation; nil for a genesis operation.
    public var prev: CID? { unsigned.prev }

    /// The data-model form, with `sig`.
    public var ipld: IPLDMap {
        var m = unsigned.ipld
        m["sig"] = .string(sig)
        return m
    }

    /// The DAG-CBOR bytes and CID of the signed operation (CIDv1, dag-cbor, SHA-256).
    public func encoded() -> (bytes: [UInt8], cid: CID) { DagCBOR.encodeWithCID(.map(ipld)) }

    /// The CID another operation's `prev` names this one by.
    public var cid: CID { encoded().cid }

    /// The JSON form a PLC directory accepts and serves.
    public var json: [UInt8] { AtprotoJSON.encode(.map(ipld)) }

    /// The JSON form as text.
    public var jsonString: String { String(decoding: json, as: UTF8.self) }

    /// The 64 signature bytes, if `sig` is canonical unpadded base64url of 64 bytes.
    public var signatureBytes: [UInt8]? {
        guard let bytes = Base64URL.decode(sig), bytes.count == 64 else { return nil }
        return bytes
    }

    /// The index of the first key in `allowedKeys` whose signature this is.
    ///
    /// Keys that do not parse as `did:key` never match. Throws `invalidSignatureEncoding` for a
    /// `sig` that is not strict base64url, `badSignature` when no key verifies (wrong key, wrong
    /// length, DER, high-S).
    @discardableResult
    public func verify(allowedKeys: [String]) throws(PLCError) -> Int {
        guard let bytes = Base64URL.decode(sig) else { throw .invalidSignatureEncoding }
        guard bytes.count == 64, !allowedKeys.isEmpty else { throw .badSignature }
        let message = unsigned.signingBytes
        let digest = SHA256.hash(message)
        for (index, didKey) in allowedKeys.enumerated() {
            guard let key = try? DIDKey.parse(didKey) else { continue }
            if key.verify(signature: bytes, digest: digest) { return index }
        }
        throw .badSignature
    }

    /// The DID this genesis operation creates: `did:plc:` + the first 24 characters of
    /// base32(SHA-256(DAG-CBOR of the signed operation)).
    public func derivedDID() throws(PLCError) -> DID {
        guard unsigned.isGenesis, !unsigned.isTombstone else { throw .notGenesis }
        let digest = SHA256.hash(encoded().bytes)
        let text = "did:plc:" + Base32.encode(digest.bytes).prefix(24)
        // Always valid: 24 lower-case base32 characters.
        return try! DID(text)
    }
}
