// MSTNodeReader.swift: reads the one canonical byte layout of an MST node straight into an MSTNode.
// Book: docs/06-mst.md ("Nodes on the wire").

/// A strict reader for `{e: [{k, p, t, v}...], l}` in canonical DAG-CBOR.
///
/// Nodes are the most-read blocks in the engine (every commit loads a path of them), so they skip the
/// general decoder: no `IPLD` values, no strings, no map lookups, only the bytes this one shape can
/// have. Anything else (another key order, a non-shortest integer, a trailing byte, a float) is
/// refused, which is what the general path would do too, as a node's CID commits to canonical bytes.
struct MSTNodeReader {
    let buffer: UnsafeRawBufferPointer
    var position = 0
    let cid: CID

    init(_ buffer: UnsafeRawBufferPointer, cid: CID) {
        self.buffer = buffer
        self.cid = cid
    }

    func fail(_ reason: String) -> MSTError { .malformedNode(cid, reason) }

    mutating func byte() throws(MSTError) -> UInt8 {
        guard position < buffer.count else { throw fail("truncated") }
        defer { position += 1 }
        return buffer[position]
    }

    /// A head of major type `major` with its argument, which must be in shortest form.
    mutating func head(_ major: UInt8) throws(MSTError) -> Int {
        let ib = try byte()
        guard ib >> 5 == major else { throw fail("unexpected item at byte \(position - 1)") }
        let ai = ib & 31
        switch ai {
        case 0..<24: return Int(ai)
        case 24:
            let v = try byte()
            guard v >= 24 else { throw fail("integer not in shortest form") }
            return Int(v)
        case 25:
            let v = Int(try byte()) << 8 | Int(try byte())
            guard v > 0xFF else { throw fail("integer not in shortest form") }
            return v
        default:
            // Nothing in a valid node needs a 32-bit length or prefix.
            throw fail("length out of range")
        }
    }

    /// A one-letter text key.
    mutating func key(_ letter: UInt8) throws(MSTError) {
        guard try byte() == 0x61, try byte() == letter else { throw fail("expected key \"\(Character(Unicode.Scalar(letter)))\"") }
    }

    /// A byte string, returned as a view.
    mutating func bytes() throws(MSTError) -> UnsafeRawBufferPointer {
        let n = try head(2)
        guard n <= buffer.count - position else { throw fail("truncated") }
        defer { position += n }
        return UnsafeRawBufferPointer(rebasing: buffer[position..<position + n])
    }

    /// A tag-42 link, or null when `optional`.
    mutating func link(optional: Bool) throws(MSTError) -> CID? {
        if optional, position < buffer.count, buffer[position] == 0xF6 {
            position += 1
            return nil
        }
        guard try byte() == 0xD8, try byte() == 42 else { throw fail("expected a link") }
        let raw = try bytes()
        guard raw.count > 1, raw[0] == 0 else { throw fail("link without the 0x00 prefix") }
        let body = UnsafeRawBufferPointer(rebasing: raw[1...])
        do {
            let (c, used) = try CID.decodePrefix(body)
            guard used == body.count else { throw fail("bytes after the CID in a link") }
            return c
        } catch let e as MSTError {
            throw e
        } catch {
            throw fail("bad CID in a link: \(error)")
        }
    }

    /// Reads the whole node.
    mutating func read() throws(MSTError) -> MSTNode {
        guard try head(5) == 2 else { throw fail("not {e, l}") }
        try key(UInt8(ascii: "e"))
        let count = try head(4)
        // Each entry takes at least 4 bytes per field; a bogus count fails before reserving memory.
        guard count <= buffer.count / 16 else { throw fail("entry count larger than the block") }
        var keys: [[UInt8]] = []
        var values: [CID] = []
        var subtrees: [CID?] = [nil]
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        subtrees.reserveCapacity(count + 1)
        var previous: [UInt8] = []
        for _ in 0..<count {
            guard try head(5) == 4 else { throw fail("entry is not {k, p, t, v}") }
            try key(UInt8(ascii: "k"))
            let suffix = try bytes()
            try key(UInt8(ascii: "p"))
            let prefix = try head(0)
            guard prefix <= previous.count else { throw fail("prefix longer than previous key") }
            // Canonical compression: the prefix is the whole shared prefix.
            if prefix < previous.count, let first = suffix.first, first == previous[prefix] {
                throw fail("prefix not maximal")
            }
            try key(UInt8(ascii: "t"))
            let t = try link(optional: true)
            try key(UInt8(ascii: "v"))
            guard let v = try link(optional: false) else { throw fail("entry without a value") }
            var k = [UInt8]()
            k.reserveCapacity(prefix + suffix.count)
            k += previous[0..<prefix]
            k += suffix
            guard keys.isEmpty || MSTKey.less(previous, k) else { throw fail("keys not in order") }
            keys.append(k)
            values.append(v)
            subtrees.append(t)
            previous = k
        }
        try key(UInt8(ascii: "l"))
        subtrees[0] = try link(optional: true)
        guard position == buffer.count else { throw fail("bytes after the node") }
        return MSTNode(keys: keys, values: values, subtrees: subtrees)
    }
}
