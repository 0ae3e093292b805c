// MSTNode+Wire.swift: the DAG-CBOR form of a node, {l, e: [{p, k, v, t}]}, written and read strictly.
// Book: docs/06-mst.md ("Nodes on the wire").

extension MSTNode {
    /// The node's DAG-CBOR bytes and CID.
    public func encoded() -> (bytes: [UInt8], cid: CID) {
        var w = MSTNodeWriter()
        w.mapHeader(2)
        w.text("e")
        w.arrayHeader(keys.count)
        var previous: [UInt8] = []
        for i in keys.indices {
            let key = keys[i]
            let prefix = MSTKey.commonPrefixLength(previous, key)
            w.mapHeader(4)
            w.text("k")
            w.bytes(key[prefix...])
            w.text("p")
            w.uint(UInt64(prefix))
            w.text("t")
            w.link(subtrees[i + 1])
            w.text("v")
            w.link(values[i])
            previous = key
        }
        w.text("l")
        w.link(subtrees[0])
        return (w.out, CID.dagCBOR(w.out))
    }

    /// Reads a node, rejecting anything but the exact canonical shape (`MSTNodeReader`).
    public init(decoding bytes: [UInt8], cid: CID) throws(MSTError) {
        let node: Result<MSTNode, MSTError> = bytes.withUnsafeBytes { raw in
            Result { () throws(MSTError) in try MSTNode(decoding: raw, cid: cid) }
        }
        self = try node.get()
    }

    /// Reads a node from borrowed bytes.
    public init(decoding bytes: UnsafeRawBufferPointer, cid: CID) throws(MSTError) {
        var reader = MSTNodeReader(bytes, cid: cid)
        self = try reader.read()
    }
}

/// A minimal DAG-CBOR writer for the fixed shape of MST nodes (keys written in canonical order by the caller).
struct MSTNodeWriter {
    var out: [UInt8] = []

    init() { out.reserveCapacity(256) }

    mutating func head(_ major: UInt8, _ v: UInt64) {
        let m = major << 5
        if v < 24 {
            out.append(m | UInt8(v))
        } else if v <= 0xFF {
            out.append(m | 24)
            out.append(UInt8(v))
        } else if v <= 0xFFFF {
            out.append(m | 25)
            out.append(UInt8(v >> 8))
            out.append(UInt8(v & 0xFF))
        } else {
            out.append(m | 26)
            for s in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) }
        }
    }

    mutating func mapHeader(_ n: Int) { head(5, UInt64(n)) }
    mutating func arrayHeader(_ n: Int) { head(4, UInt64(n)) }
    mutating func uint(_ v: UInt64) { head(0, v) }

    mutating func text(_ s: StaticString) {
        head(3, UInt64(s.utf8CodeUnitCount))
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func bytes(_ b: ArraySlice<UInt8>) {
        head(2, UInt64(b.count))
        out.append(contentsOf: b)
    }

    mutating func link(_ c: CID?) {
        guard let c else {
            out.append(0xF6)
            return
        }
        out.append(0xD8)
        out.append(42)
        head(2, UInt64(c.encodedLength + 1))
        out.append(0)
        c.encode(into: &out)
    }
}
