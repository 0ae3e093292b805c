// DagCBOR.swift: strict DAG-CBOR entry points (validate, decode, encode).
// Book: docs/05-cid-dag-cbor.md.
import CEngine

/// Strict DAG-CBOR for the atproto data model.
///
/// Decoding is two passes: the C scanner checks every rule without
/// allocating, then a Swift builder that trusts the checked bytes makes the
/// `IPLD` tree. Encoding walks the tree once into a growable scratch buffer.
public enum DagCBOR {
    /// Deepest nesting accepted by default.
    public static let defaultMaxDepth: UInt32 = 128

    /// Checks that `buffer` holds exactly one strict DAG-CBOR item.
    public static func validate(_ buffer: UnsafeRawBufferPointer, maxDepth: UInt32 = defaultMaxDepth)
        throws(CBORError)
    {
        let r = cengine_cbor_validate(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, maxDepth)
        if r.status != CENGINE_CBOR_OK { throw CBORError(r) }
    }

    /// Length of the one strict DAG-CBOR item at the start of `buffer`.
    public static func scan(_ buffer: UnsafeRawBufferPointer, maxDepth: UInt32 = defaultMaxDepth)
        throws(CBORError) -> Int
    {
        let r = cengine_cbor_scan(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, maxDepth)
        if r.status != CENGINE_CBOR_OK { throw CBORError(r) }
        return r.offset
    }

    /// Decodes exactly one item filling `buffer`.
    public static func decode(_ buffer: UnsafeRawBufferPointer, maxDepth: UInt32 = defaultMaxDepth) throws(CBORError)
        -> IPLD
    {
        try validate(buffer, maxDepth: maxDepth)
        var reader = TrustedCBORReader(buffer)
        return reader.readValue()
    }

    /// Decodes exactly one item filling `bytes`.
    public static func decode(_ bytes: [UInt8], maxDepth: UInt32 = defaultMaxDepth) throws(CBORError) -> IPLD {
        try bytes.withUnsafeBytes { b in Result { () throws(CBORError) in try decode(b, maxDepth: maxDepth) } }.get()
    }

    /// Encodes a value.
    public static func encode(_ value: IPLD) -> [UInt8] {
        var w = CBORWriter(capacity: 1024)
        defer { w.deallocate() }
        w.write(value)
        return w.bytes
    }

    /// Encodes a value and computes its CID in one go.
    public static func encodeWithCID(_ value: IPLD) -> (bytes: [UInt8], cid: CID) {
        let bytes = encode(value)
        return (bytes, CID.dagCBOR(bytes))
    }
}
