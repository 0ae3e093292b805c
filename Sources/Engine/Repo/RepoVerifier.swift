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
    /// record, no node that a canonical tree would not have). Blocks handed in as a dictionary are
    /// not trusted to sit under their own CIDs: each one the repo uses is hashed.
    public static func verify(
        root: CID, blocks: [CID: [UInt8]], did expectedDID: String? = nil, key: AnyPublicKey? = nil
    ) throws(CommitError) -> VerifiedRepo {
        var car = CARWriter(roots: [root])
        for (cid, bytes) in blocks { car.append(cid: cid, block: bytes) }
        let bytes = car.take()
        let result: Result<VerifiedRepo, CommitError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(CommitError) in
                let table: BlockTable
                do { table = try BlockTable(car: buffer) } catch { throw .malformedCommit("\(error)") }
                return try walk(table, root: root, did: expectedDID, key: key, hashesChecked: false).verified(table)
            }
        }
        return try result.get()
    }

    /// Reads a CAR (every block's hash checked) and verifies the repo in it.
    public static func verify(car: [UInt8], did: String? = nil, key: AnyPublicKey? = nil) throws -> VerifiedRepo {
        try car.withUnsafeBytes { buffer in
            let table = try BlockTable(car: buffer)
            try table.verifyHashes()
            guard table.header.roots.count == 1 else { throw CARError.badHeader("a repo CAR has exactly one root") }
            return try walk(table, root: table.header.roots[0], did: did, key: key, hashesChecked: true).verified(table)
        }
    }

    /// Checks the commit and walks the tree over `table`. `hashesChecked`: every block in the
    /// table is known to hash to its CID, so the walk does not hash again.
    static func walk(
        _ table: BlockTable, root: CID, did expectedDID: String?, key: AnyPublicKey?, hashesChecked: Bool
    ) throws(CommitError) -> WalkedRepo {
        guard let commitIndex = table.find(root) else { throw .malformedCommit("commit block \(root) missing") }
        let commitBytes = table.bytes(commitIndex)
        guard hashesChecked || root.matches(commitBytes) == true else {
            throw .malformedCommit("commit bytes do not hash to \(root)")
        }
        let commit = try SignedCommit(decoding: Array(commitBytes))
        if let expectedDID, commit.unsigned.did != expectedDID {
            throw .wrongDID(expected: expectedDID, found: commit.unsigned.did)
        }
        if let key, !commit.verify(with: key) { throw .badSignature }
        var walker = TreeWalker(table: table, checkHashes: !hashesChecked)
        do {
            try walker.checkRoot(commit.unsigned.data)
        } catch let e as MSTError {
            throw .mst(e)
        } catch {
            throw .malformedCommit("\(error)")
        }
        walker.use(commitIndex)
        return WalkedRepo(
            commitCID: root, commit: commit, records: walker.records, used: walker.usedIndices, nodeCount: walker.nodes)
    }
}

/// What a walk found: the commit, the records in key order and the table entries the repo uses.
struct WalkedRepo {
    var commitCID: CID
    var commit: SignedCommit
    /// Full keys (`collection/rkey`), record CIDs and their table indices, in key order.
    var records: [(key: [UInt8], cid: CID, index: Int)]
    /// Indices in the table of every block used (each CID once).
    var used: [Int]
    var nodeCount: Int

    /// The public form, with the used blocks copied out of the table.
    func verified(_ table: BlockTable) -> VerifiedRepo {
        var blocks: [CID: [UInt8]] = [:]
        blocks.reserveCapacity(used.count)
        for i in used { blocks[table.cids[i]] = Array(table.bytes(i)) }
        return VerifiedRepo(
            commitCID: commitCID, commit: commit,
            records: records.map { (String(decoding: $0.key, as: UTF8.self), $0.cid) },
            blocks: blocks, nodeCount: nodeCount)
    }
}

/// Walks a tree checking every rule.
struct TreeWalker {
    let table: BlockTable
    var records: [(key: [UInt8], cid: CID, index: Int)] = []
    var nodes = 0
    var lastKey: [UInt8]? = nil
    private var usedFlags: [Bool]
    private(set) var usedIndices: [Int] = []

    /// Whether blocks still need their hashes checked.
    let checkHashes: Bool

    init(table: BlockTable, checkHashes: Bool) {
        self.table = table
        self.checkHashes = checkHashes
        usedFlags = [Bool](repeating: false, count: table.count)
        usedIndices.reserveCapacity(table.count)
        records.reserveCapacity(table.count)
    }

    /// Marks block `i` as part of the repo (once).
    mutating func use(_ i: Int) {
        guard !usedFlags[i] else { return }
        usedFlags[i] = true
        usedIndices.append(i)
    }

    /// The table index of `cid`, its hash checked if need be.
    func find(_ cid: CID) throws -> Int {
        guard let i = table.find(cid) else { throw MSTError.missingNode(cid) }
        guard !checkHashes || cid.matches(table.bytes(i)) == true else {
            throw MSTError.malformedNode(cid, "bytes do not hash to the CID")
        }
        return i
    }

    func load(_ cid: CID) throws -> (MSTNode, Int) {
        let i = try find(cid)
        return (try MSTNode(decoding: table.bytes(i), cid: cid), i)
    }

    /// The layer a node must be on: its keys', or (keyless) one above its left subtree.
    func layer(of n: MSTNode, _ cid: CID) throws -> Int {
        if let k = n.keys.first { return MSTKey.height(k) }
        guard let left = n.subtrees[0] else { return 0 }
        return try layer(of: load(left).0, left) + 1
    }

    mutating func checkRoot(_ cid: CID) throws {
        let (n, i) = try load(cid)
        if n.keys.isEmpty && n.subtrees[0] != nil {
            throw MSTError.structure(cid, "root has no keys but a subtree (not trimmed)")
        }
        try check(cid, n, i, layer: try layer(of: n, cid))
    }

    mutating func check(_ cid: CID, _ n: MSTNode, _ index: Int, layer: Int) throws {
        guard layer <= 128 else { throw MSTError.structure(cid, "layer \(layer) is impossible") }
        nodes += 1
        use(index)
        for i in 0...n.keys.count {
            if let child = n.subtrees[i] {
                guard layer > 0 else { throw MSTError.structure(cid, "subtree below layer 0") }
                let (c, ci) = try load(child)
                if c.keys.isEmpty && c.subtrees[0] == nil { throw MSTError.structure(child, "empty subtree node") }
                try check(child, c, ci, layer: layer - 1)
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
            let record = try find(value)
            // A record is a map naming its `$type` (which also keeps it from ever being byte-identical
            // to a tree node or a commit).
            guard DagCBOR.recordType(table.bytes(record)) != nil else {
                throw MSTError.malformedNode(value, "record is not a DAG-CBOR map with a $type")
            }
            use(record)
            records.append((key, value, record))
        }
    }
}
