// BlockTable.swift: a CAR's blocks found by CID where they lie in its buffer, without copying them.
// Book: docs/07-commits.md ("Verifying a whole repo"), docs/25-performance.md ("CAR export and import").

/// The blocks of a CAR held in one buffer, indexed by CID: each block is a range of the buffer,
/// and an open-addressing table keyed on the digest's first word finds it. Building it allocates
/// a few flat arrays, never a block, which is what lets a whole-repo import run near memory speed.
///
/// The table points into the buffer it was built over: use it only while that buffer lives
/// (inside the `withUnsafeBytes` or the mapping that lent it).
struct BlockTable {
    /// The CAR's bytes.
    let buffer: UnsafeRawBufferPointer
    /// The CAR's header.
    let header: CARHeader
    /// Each block's CID, in CAR order.
    private(set) var cids: [CID] = []
    /// Each block's start in `buffer`.
    private(set) var starts: [Int] = []
    /// Each block's length.
    private(set) var lengths: [Int32] = []
    /// Open addressing: block index + 1, or 0 for an empty slot.
    private var slots: [Int32] = []
    private var mask = 0

    /// Walks the CAR's sections (checking their framing, not yet their hashes) and indexes them.
    init(car buffer: UnsafeRawBufferPointer, limits: CARLimits = .default) throws(CARError) {
        self.buffer = buffer
        let length: UInt64, n: Int
        switch Varint.decode(buffer) {
        case .value(let v, let len): (length, n) = (v, len)
        case .truncated: throw .truncated(offset: 0)
        case .invalid: throw .badVarint(offset: 0)
        }
        guard length > 0 else { throw .badHeader("empty") }
        guard length <= UInt64(limits.maxHeaderBytes) else { throw .tooLarge(offset: 0, length: length) }
        guard buffer.count - n >= Int(length) else { throw .truncated(offset: 0) }
        header = try CARHeader(decoding: UnsafeRawBufferPointer(rebasing: buffer[n..<(n + Int(length))]))
        // A repo block averages well over 100 bytes.
        let expected = buffer.count / 128
        cids.reserveCapacity(expected)
        starts.reserveCapacity(expected)
        lengths.reserveCapacity(expected)
        var p = n + Int(length)
        while p < buffer.count {
            switch try CARSection.parse(buffer, at: p, streamOffset: p, limits: limits) {
            case .needMore: throw .truncated(offset: p)
            case .section(let cid, let range, let total):
                guard range.count <= Int(Int32.max) else { throw .tooLarge(offset: p, length: UInt64(range.count)) }
                cids.append(cid)
                starts.append(range.lowerBound)
                lengths.append(Int32(range.count))
                p += total
            }
        }
        var capacity = 16
        while capacity < cids.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for i in cids.indices where find(cids[i]) == nil {
            var s = Self.hash(cids[i]) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(i + 1)
        }
    }

    @inline(__always) private static func hash(_ cid: CID) -> Int {
        Int(truncatingIfNeeded: cid.paddedDigest.words.0 ^ UInt64(cid.codec) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Number of blocks (duplicates included).
    var count: Int { cids.count }

    /// The index of the block with this CID, or nil.
    @inline(__always) func find(_ cid: CID) -> Int? {
        var s = Self.hash(cid) & mask
        while true {
            let slot = Int(slots[s])
            if slot == 0 { return nil }
            if cids[slot - 1] == cid { return slot - 1 }
            s = (s + 1) & mask
        }
    }

    /// The bytes of block `i`.
    @inline(__always) func bytes(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[starts[i]..<(starts[i] + Int(lengths[i]))])
    }

    /// Checks every block's hash against its CID, on `threads` threads; the first mismatch (or an
    /// unsupported hash) in CAR order is thrown.
    func verifyHashes(threads: Int = 2) throws(CARError) {
        let n = cids.count
        guard n > 0 else { return }
        let parts = max(1, min(threads, n / 1024 + 1))
        var firstBad = [Int](repeating: Int.max, count: parts)
        firstBad.withUnsafeMutableBufferPointer { bad in
            parallelFor(parts) { part in
                let range = (n * part / parts)..<(n * (part + 1) / parts)
                for i in range where cids[i].matches(bytes(i)) != true {
                    bad[part] = i
                    return
                }
            }
        }
        guard let i = firstBad.min(), i != .max else { return }
        try CARSection.verify(cids[i], bytes(i))
    }
}
