// CID.swift: content identifiers, held inline with no heap allocation.
// Book: docs/05-cid-dag-cbor.md.

/// A content identifier: version, content codec, multihash code and digest.
///
/// The digest (at most 32 bytes: SHA-256 and other 256-bit hashes) lives
/// inline, so a CID is a plain value: copying, hashing and comparing it
/// never touch the heap. atproto uses CIDv1 with SHA-256 and the codecs
/// dag-cbor (records, tree nodes, commits) and raw (blobs).
public struct CID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Multicodec of DAG-CBOR.
    public static let dagCBORCodec: UInt32 = 0x71
    /// Multicodec of raw bytes (blobs).
    public static let rawCodec: UInt32 = 0x55
    /// Multicodec of dag-pb (CIDv0 content).
    public static let dagPBCodec: UInt32 = 0x70
    /// Multihash code of SHA2-256.
    public static let sha256Code: UInt32 = 0x12

    /// 0 or 1.
    public let version: UInt8
    /// The multicodec of the content.
    public let codec: UInt32
    /// The multihash function code.
    public let hashCode: UInt32
    /// Length of the digest in bytes (0...32).
    public let digestLength: UInt8
    /// The digest, zero-padded to 32 bytes.
    public let paddedDigest: Digest32

    /// A CID from its parts; the digest must be at most 32 bytes.
    public init(version: UInt8 = 1, codec: UInt32, hashCode: UInt32 = CID.sha256Code, digest: [UInt8]) throws(CIDError) {
        guard version <= 1 else { throw .unsupportedVersion(UInt64(version)) }
        guard digest.count <= 32 else { throw .digestTooLong(digest.count) }
        // CIDv0 has exactly one shape: a dag-pb SHA2-256 multihash.
        if version == 0 {
            guard codec == CID.dagPBCodec, hashCode == CID.sha256Code else { throw .unsupportedVersion(0) }
            guard digest.count == 32 else { throw .digestLengthMismatch }
        }
        var padded = digest
        padded.append(contentsOf: repeatElement(0, count: 32 - digest.count))
        self.init(version: version, codec: codec, hashCode: hashCode, digestLength: UInt8(digest.count),
                  paddedDigest: Digest32(padded)!)
    }

    /// A CIDv1 SHA-256 CID from a digest.
    @inlinable public init(codec: UInt32, sha256 digest: Digest32) {
        self.init(version: 1, codec: codec, hashCode: CID.sha256Code, digestLength: 32, paddedDigest: digest)
    }

    @usableFromInline init(version: UInt8, codec: UInt32, hashCode: UInt32, digestLength: UInt8, paddedDigest: Digest32) {
        self.version = version
        self.codec = codec
        self.hashCode = hashCode
        self.digestLength = digestLength
        self.paddedDigest = paddedDigest
    }

    /// The CID of DAG-CBOR bytes (codec 0x71, SHA-256).
    @inlinable public static func dagCBOR(_ block: UnsafeRawBufferPointer) -> CID {
        CID(codec: dagCBORCodec, sha256: SHA256.hash(block))
    }

    /// The CID of DAG-CBOR bytes (codec 0x71, SHA-256).
    @inlinable public static func dagCBOR(_ block: [UInt8]) -> CID {
        block.withUnsafeBytes { dagCBOR($0) }
    }

    /// The CID of a blob's raw bytes (codec 0x55, SHA-256).
    @inlinable public static func raw(_ bytes: [UInt8]) -> CID {
        CID(codec: rawCodec, sha256: bytes.withUnsafeBytes { SHA256.hash($0) })
    }

    /// The digest bytes.
    public var digest: [UInt8] { Array(paddedDigest.bytes.prefix(Int(digestLength))) }

    /// True if `bytes` hash to this CID's digest (SHA-256 only; other hashes answer nil).
    public func matches(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        guard hashCode == CID.sha256Code, digestLength == 32 else { return nil }
        return SHA256.hash(bytes) == paddedDigest
    }

    public static func < (a: CID, b: CID) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    public var description: String { string }
}
