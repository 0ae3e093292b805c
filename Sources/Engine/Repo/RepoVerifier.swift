// RepoVerifier.swift: full verification of a repo received as blocks (a CAR import, a relay's check).
// Book: docs/07-commits.md ("Verifying a whole repo").

/// A repo that passed every check.
public struct VerifiedRepo: Sendable {
    /// The commit's CID (the CAR root).
    public var commitCID: CID
    /// The signed commit.
    public var commit: SignedCommit
    /// Every record, in key order.
    public var records: [(path: String, cid: CID)]
    /// Exactly the blocks the repo uses: commit, tree nodes and records.
    public var blocks: [CID: [UInt8]]
    /// Number of tree nodes.
    public var nodeCount: Int
}

/// Checks a whole repo.
public enum RepoVerifier {
    /// Verifies the repo whose commit is `root` among `blocks`: commit shape, DID, signature (when
    /// `key` is given), and the whole tree (node encoding, key order and layers, no missing node or
    /// record, no node that a canonical tree would not have).
    public static func verify(
        root: CID, blocks: [CID: [UInt8]], did expectedDID: String? = nil, key: AnyPublicKey? = nil
    ) throws(CommitError) -> VerifiedRepo {
        try verify(root: root, blocks: blocks, did: expectedDID, key: key, hashesChecked: false)
    }

    /// `hashesChecked`: every block is already known to hash to its CID (a CAR read with
    /// verification), so the walk does not hash it again.
    static func verify(
        root: CID, blocks: [CID: [UInt8]], did expectedDID: String?, key: AnyPublicKey?, hashesChecked: Bool
    ) throws(CommitError) -> VerifiedRepo {
        guard let commitBytes = blocks[root] else { throw .malformedCommit("commit block \(root) missing") }
        guard hashesChecked || commitBytes.withUnsafeBytes({ root.matches($0) }) == true else {
            throw .malformedCommit("commit bytes do not hash to \(root)")
        }
        let commit = try SignedCommit(decoding: commitBytes)
        if let expectedDID, commit.unsigned.did != expectedDID {
            throw .wrongDID(expected: expectedDID, found: commit.unsigned.did)
        }
        if let key, !commit.verify(with: key) { throw .badSignature }
        var walker = TreeWalker(blocks: blocks, checkHashes: !hashesChecked)
        do {
            try walker.checkRoot(commit.unsigned.data)
        } catch let e as MSTError {
            throw .mst(e)
        } catch {
            throw .malformedCommit("\(error)")
        }
        walker.used[root] = commitBytes
        return VerifiedRepo(
            commitCID: root, commit: commit, records: walker.records, blocks: walker.used, nodeCount: walker.nodes)
    }

    /// Reads a CAR (hashes checked) and verifies the repo in it.
    public static func verify(car: [UInt8], did: String? = nil, key: AnyPublicKey? = nil) throws -> VerifiedRepo {
        var blocks: [CID: [UInt8]] = [:]
        // A repo block averages well over 100 bytes: reserving for that avoids rehashing.
        blocks.reserveCapacity(car.count / 128)
        let header = try car.withUnsafeBytes { buf in
            try CAR.forEachBlock(in: buf, verify: true) { cid, bytes in blocks[cid] = Array(bytes) }
        }
        guard header.roots.count == 1 else { throw CARError.badHeader("a repo CAR has exactly one root") }
        return try verify(root: header.roots[0], blocks: blocks, did: did, key: key, hashesChecked: true)
    }
}

/// Walks a tree checking every rule.
struct TreeWalker {
    let blocks: [CID: [UInt8]]
    var used: [CID: [UInt8]] = [:]
    var records: [(path: String, cid: CID)] = []
    var nodes = 0
    var lastKey: [UInt8]? = nil

    /// Whether blocks still need their hashes checked.
    let checkHashes: Bool

    init(blocks: [CID: [UInt8]], checkHashes: Bool) {
        self.blocks = blocks
        self.checkHashes = checkHashes
        used.reserveCapacity(blocks.count)
    }

    func load(_ cid: CID) throws -> MSTNode {
        guard let bytes = blocks[cid] else { throw MSTError.missingNode(cid) }
        try checkHash(cid, bytes)
        return try MSTNode(decoding: bytes, cid: cid)
    }

    /// Blocks handed in as a dictionary are not trusted to sit under their own CIDs.
    func checkHash(_ cid: CID, _ bytes: [UInt8]) throws {
        guard !checkHashes || bytes.withUnsafeBytes({ cid.matches($0) }) == true else {
            throw MSTError.malformedNode(cid, "bytes do not hash to the CID")
        }
    }

    /// The layer a node must be on: its keys', or (keyless) one above its left subtree.
    func layer(of n: MSTNode, _ cid: CID) throws -> Int {
        if let k = n.keys.first { return MSTKey.height(k) }
        guard let left = n.subtrees[0] else { return 0 }
        return try layer(of: load(left), left) + 1
    }

    mutating func checkRoot(_ cid: CID) throws {
        let n = try load(cid)
        if n.keys.isEmpty && n.subtrees[0] != nil {
            throw MSTError.structure(cid, "root has no keys but a subtree (not trimmed)")
        }
        try check(cid, n, layer: try layer(of: n, cid))
    }

    mutating func check(_ cid: CID, _ n: MSTNode, layer: Int) throws {
        guard layer <= 128 else { throw MSTError.structure(cid, "layer \(layer) is impossible") }
        nodes += 1
        used[cid] = blocks[cid]
        for i in 0...n.keys.count {
            if let child = n.subtrees[i] {
                guard layer > 0 else { throw MSTError.structure(cid, "subtree below layer 0") }
                let c = try load(child)
                if c.keys.isEmpty && c.subtrees[0] == nil { throw MSTError.structure(child, "empty subtree node") }
                try check(child, c, layer: layer - 1)
            }
            guard i < n.keys.count else { break }
            let key = n.keys[i]
            guard MSTKey.height(key) == layer else {
                throw MSTError.structure(cid, "key on layer \(layer) belongs on layer \(MSTKey.height(key))")
            }
            if let last = lastKey, !MSTKey.less(last, key) { throw MSTError.structure(cid, "keys out of order") }
            try MSTKey.validate(key)
            lastKey = key
            let value = n.values[i]
            guard let record = blocks[value] else { throw MSTError.missingNode(value) }
            try checkHash(value, record)
            // A record is a map naming its `$type` (which also keeps it from ever being byte-identical
            // to a tree node or a commit).
            guard DagCBOR.recordType(record) != nil else {
                throw MSTError.malformedNode(value, "record is not a DAG-CBOR map with a $type")
            }
            used[value] = record
            records.append((String(decoding: key, as: UTF8.self), value))
        }
    }
}
