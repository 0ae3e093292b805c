// MSTTests.swift: the Merkle Search Tree against the interop fixtures and an independent implementation.
import Foundation
import Testing

@testable import Engine

@Suite struct MSTTests {
    struct RootCase: Decodable {
        let name: String
        let keys: [String]
        let root: String
    }

    static func valueCID(_ i: Int) -> CID { DagCBOR.encodeWithCID(["i": .int(Int64(i))]).cid }

    static func rootCases() throws -> [RootCase] {
        try JSONDecoder().decode([RootCase].self, from: Fixtures.data("generated/mst_roots.json"))
    }

    /// All node CIDs reachable from the root, read through the tree.
    static func reachable(_ mst: MST) throws -> Set<CID> {
        var out: Set<CID> = []
        var stack = [mst.root]
        while let c = stack.popLast() {
            out.insert(c)
            for case let s? in try mst.node(c).subtrees { stack.append(s) }
        }
        return out
    }

    @Test func keyHeightsMatchTheInteropFixture() throws {
        struct Case: Decodable { let key: String; let height: Int }
        let cases = try JSONDecoder().decode([Case].self, from: Fixtures.data("interop/mst/key_heights.json"))
        #expect(!cases.isEmpty)
        for c in cases { #expect(MSTKey.height(c.key) == c.height, "\(c.key)") }
    }

    @Test func commonPrefixMatchesTheInteropFixture() throws {
        struct Case: Decodable { let left: String; let right: String; let len: Int }
        let cases = try JSONDecoder().decode([Case].self, from: Fixtures.data("interop/mst/common_prefix.json"))
        for c in cases {
            #expect(MSTKey.commonPrefixLength(Array(c.left.utf8), Array(c.right.utf8)) == c.len)
        }
    }

    @Test(arguments: try rootCases())
    func rootsMatchAnIndependentImplementationInAnyOrder(_ c: RootCase) throws {
        for seed in [UInt64(1), 2, 3] {
            var rng = SplitMix(seed: seed)
            let mst = MST(emptyWith: MemoryBlockSource())
            let order = Array(c.keys.enumerated()).shuffled(using: &rng)
            for (i, k) in order { try mst.put(k, Self.valueCID(i)) }
            #expect(mst.root.string == c.root, "\(c.name) seed \(seed)")
            for (i, k) in c.keys.enumerated() { #expect(try mst.get(k) == Self.valueCID(i)) }
            #expect(try mst.entries().map(\.key) == c.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        }
    }

    @Test func deletingGivesTheTreeOfTheRemainingKeys() throws {
        let all = try Self.rootCases().first { $0.name == "1000 random post keys" }!.keys
        var rng = SplitMix(seed: 11)
        let mst = MST(emptyWith: MemoryBlockSource())
        for (i, k) in all.enumerated() { try mst.put(k, Self.valueCID(i)) }
        var remaining = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        for k in all.shuffled(using: &rng).prefix(700) {
            try mst.delete(k)
            remaining[k] = nil
        }
        let fresh = MST(emptyWith: MemoryBlockSource())
        for (k, i) in remaining { try fresh.put(k, Self.valueCID(i)) }
        #expect(mst.root == fresh.root)
        for k in all { try mst.delete(k) }
        #expect(mst.root == MST(emptyWith: MemoryBlockSource()).root)
        try mst.delete("com.example.record/absent")  // a missing key is a no-op
    }

    @Test func updatesAndNoOpPutsKeepTheShape() throws {
        let mst = MST(emptyWith: MemoryBlockSource())
        for i in 0..<50 { try mst.put("com.example.record/k\(i)", Self.valueCID(i)) }
        let before = mst.root
        try mst.put("com.example.record/k7", Self.valueCID(7))
        #expect(mst.root == before)
        try mst.put("com.example.record/k7", Self.valueCID(999))
        #expect(mst.root != before)
        try mst.put("com.example.record/k7", Self.valueCID(7))
        #expect(mst.root == before)
    }

    /// After each batch, writing `changes()` into a store leaves it holding exactly the tree's nodes.
    @Test func changesKeepTheStoreEqualToTheTree() throws {
        var store = MemoryBlockSource()
        var rng = SplitMix(seed: 5)
        var mst = MST(emptyWith: store)
        var live: [String: Int] = [:]
        for batch in 0..<40 {
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                let k = "app.bsky.feed.like/\(Int.random(in: 0..<300, using: &rng))"
                if Bool.random(using: &rng) || live.isEmpty {
                    let v = Int.random(in: 0..<1000, using: &rng)
                    try mst.put(k, Self.valueCID(v))
                    live[k] = v
                } else {
                    try mst.delete(k)
                    live[k] = nil
                }
            }
            let changes = mst.changes()
            for (cid, bytes) in changes.newNodes {
                #expect(store.blocks[cid] == nil, "batch \(batch): new node already stored")
                store.blocks[cid] = bytes
            }
            for cid in changes.removedNodes {
                #expect(store.blocks.removeValue(forKey: cid) != nil, "batch \(batch): removed a node not stored")
            }
            // A fresh view over the store alone must see exactly the same tree.
            mst = MST(source: store, root: mst.root)
            #expect(try Set(store.blocks.keys) == Self.reachable(mst), "batch \(batch)")
            #expect(try Dictionary(uniqueKeysWithValues: mst.entries().map { ($0.key, $0.value) }) == live.mapValues(Self.valueCID))
        }
    }

    @Test func nodeDecodingIsStrict() throws {
        let mst = MST(emptyWith: MemoryBlockSource())
        for i in 0..<5 { try mst.put("com.example.record/k\(i)", Self.valueCID(i)) }
        let (bytes, cid) = try mst.node(mst.root).encoded()
        #expect(try MSTNode(decoding: bytes, cid: cid) == mst.node(mst.root))
        // Swap two entries: keys out of order.
        var node = try mst.node(mst.root)
        if node.keys.count >= 2 {
            node.keys.swapAt(0, 1)
            let bad = node.encoded()
            #expect(throws: MSTError.self) { try MSTNode(decoding: bad.bytes, cid: bad.cid) }
        }
        // Not a node at all.
        let notNode = DagCBOR.encode(["e": [], "l": .null, "x": 1])
        #expect(throws: MSTError.self) { try MSTNode(decoding: notNode, cid: CID.dagCBOR(notNode)) }
        let badEntry = DagCBOR.encode(["e": [["k": .bytes([1]), "p": 0, "v": .null, "t": .null]], "l": .null])
        #expect(throws: MSTError.self) { try MSTNode(decoding: badEntry, cid: CID.dagCBOR(badEntry)) }
        // A prefix that is not maximal.
        let v = Self.valueCID(0)
        let nonMaximal = DagCBOR.encode(["e": [
            ["k": .bytes(Array("ab".utf8)), "p": 0, "t": .null, "v": .link(v)],
            ["k": .bytes(Array("bc".utf8)), "p": 1, "t": .null, "v": .link(v)],
        ], "l": .null])
        #expect(throws: MSTError.self) { try MSTNode(decoding: nonMaximal, cid: CID.dagCBOR(nonMaximal)) }
    }

    @Test func nodeReaderRefusesNonCanonicalBytes() throws {
        let mst = MST(emptyWith: MemoryBlockSource())
        for i in 0..<3 { try mst.put("com.example.record/k\(i)", Self.valueCID(i)) }
        let (bytes, cid) = try mst.node(mst.root).encoded()
        // Every truncation fails, and so does a trailing byte.
        for cut in 0..<bytes.count {
            #expect(throws: MSTError.self) { try MSTNode(decoding: Array(bytes[..<cut]), cid: cid) }
        }
        #expect(throws: MSTError.self) { try MSTNode(decoding: bytes + [0], cid: cid) }
        // The prefix 0 of the first entry written as a one-byte integer (0x18 0x00) is not shortest form.
        let p0 = try #require((0..<bytes.count - 2).first { bytes[$0] == 0x61 && bytes[$0 + 1] == 0x70 }) + 2  // after "p"
        #expect(bytes[p0] == 0x00)
        var long = bytes
        long.replaceSubrange(p0...p0, with: [0x18, 0x00])
        #expect(throws: MSTError.self) { try MSTNode(decoding: long, cid: CID.dagCBOR(long)) }
        // A map header claiming more entries than the block could hold fails before allocating.
        var huge = bytes
        huge[3] = 0x99; huge.insert(0xFF, at: 4); huge.insert(0xFF, at: 5)
        #expect(throws: MSTError.self) { try MSTNode(decoding: huge, cid: CID.dagCBOR(huge)) }
        // `l` before `e` (not canonical key order).
        let swapped = [0xA2, 0x61, 0x6C, 0xF6, 0x61, 0x65, 0x80] as [UInt8]
        #expect(throws: MSTError.self) { try MSTNode(decoding: swapped, cid: CID.dagCBOR(swapped)) }
        let empty = [0xA2, 0x61, 0x65, 0x80, 0x61, 0x6C, 0xF6] as [UInt8]
        #expect(try MSTNode(decoding: empty, cid: CID.dagCBOR(empty)) == .empty)
    }

    @Test func missingNodesAreReported() throws {
        let mst = MST(source: MemoryBlockSource(), root: CID.dagCBOR([0xA0]))
        #expect(throws: MSTError.missingNode(CID.dagCBOR([0xA0]))) { try mst.get("com.example.record/x") }
    }
}

extension MSTTests {
    @Test(arguments: try rootCases())
    func bulkBuildMatchesIncrementalBuild(_ c: RootCase) throws {
        let entries = c.keys.enumerated()
            .map { (key: Array($1.utf8), value: Self.valueCID($0)) }
            .sorted { MSTKey.less($0.key, $1.key) }
        let mst = MST.build(sortedEntries: entries)
        #expect(mst.root.string == c.root, "\(c.name)")
        // Every pending node is part of the tree, so changes() writes exactly the tree.
        let written = mst.changes()
        var store = MemoryBlockSource()
        for (cid, bytes) in written.newNodes { store.blocks[cid] = bytes }
        #expect(written.removedNodes.isEmpty)
        #expect(try Set(store.blocks.keys) == Self.reachable(MST(source: store, root: mst.root)))
    }
}
