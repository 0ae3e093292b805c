// LexiconHostileValueTests.swift: deep nesting, recursive schemas, huge arrays and strings: bounded, no crash.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("Hostile values")
struct LexiconHostileValueTests {
    /// A record whose schema refers to itself, directly, through an array and through an open union.
    static let tree: LexiconCatalog = {
        let doc = json(
            #"""
            {"lexicon":1,"id":"com.example.tree","defs":{
              "main":{"type":"record","key":"any","record":{"type":"object","properties":{"node":{"type":"ref","ref":"#node"}}}},
              "node":{"type":"object","properties":{
                "child":{"type":"ref","ref":"#node"},
                "kids":{"type":"array","items":{"type":"ref","ref":"#node"}},
                "any":{"type":"union","refs":[]},
                "n":{"type":"integer"},
                "short":{"type":"array","maxLength":10,"items":{"type":"integer"}},
                "text":{"type":"string","maxGraphemes":5},
                "bounded":{"type":"string","maxLength":100,"maxGraphemes":5}}}}}
            """#)
        do { return try LexiconCatalog(documents: [try LexiconDocument(value: doc)]) } catch { fatalError("\(error)") }
    }()

    static let collection = nsid("com.example.tree")

    static func record(node: IPLD) -> IPLD { .map(try! IPLDMap([("$type", "com.example.tree"), ("node", node)])) }

    static func nested(_ depth: Int, key: String, leaf: IPLD = [:], wrap: (IPLD) -> IPLD = { $0 }) -> IPLD {
        var v = leaf
        for _ in 0..<depth { v = .map(try! IPLDMap([(key, wrap(v))])) }
        return v
    }

    @Test func shallowRecursionIsValid() {
        let v = Self.record(node: Self.nested(10, key: "child"))
        #expect(Self.tree.validateRecord(collection: Self.collection, value: v) == .valid)
    }

    @Test func deepRecursionStopsAtTheLimit() {
        let v = Self.record(node: Self.nested(2000, key: "child"))
        let result = Self.tree.validateRecord(collection: Self.collection, value: v)
        #expect(result.violation?.kind == .tooDeep(limit: LexiconValidationOptions.default.maxDepth))
        let shallowLimit = LexiconValidationOptions(maxDepth: 8)
        #expect(
            Self.tree.validateRecord(
                collection: Self.collection, value: Self.record(node: Self.nested(5, key: "child")),
                options: shallowLimit
            ).violation?.kind == .tooDeep(limit: 8))
    }

    @Test func deepRecursionThroughArraysAndOpenUnions() {
        let viaArrays = Self.record(node: Self.nested(2000, key: "kids", wrap: { .list([$0]) }))
        #expect(
            Self.tree.validateRecord(collection: Self.collection, value: viaArrays).violation?.kind
                == .tooDeep(limit: 64))
        let viaUnion = Self.record(
            node: Self.nested(2000, key: "any", leaf: ["$type": "com.example.tree#node"]) { inner in
                var m = inner.mapValue!
                m["$type"] = "com.example.tree#node"
                return .map(m)
            })
        #expect(
            Self.tree.validateRecord(collection: Self.collection, value: viaUnion).violation?.kind
                == .tooDeep(limit: 64))
    }

    @Test func deepRecursionOnACooperativeThread() async {
        let v = Self.record(node: Self.nested(2000, key: "kids", wrap: { .list([$0]) }))
        let result = await Task.detached { Self.tree.validateRecord(collection: Self.collection, value: v) }.value
        #expect(result.violation?.kind == .tooDeep(limit: 64))
    }

    @Test func hugeArrayOverTheLimitIsRejectedWithoutWalkingIt() {
        let big = IPLD.list(Array(repeating: .int(1), count: 1_000_000))
        let v = Self.record(node: ["short": big])
        #expect(
            Self.tree.validateRecord(collection: Self.collection, value: v).violation
                == LexiconViolation(path: "record/node/short", kind: .tooLong(max: 10, unit: .items)))
    }

    @Test func hugeUnboundedArrayIsWalked() {
        let kids = IPLD.list(Array(repeating: ["n": 1], count: 100_000))
        #expect(
            Self.tree.validateRecord(collection: Self.collection, value: Self.record(node: ["kids": kids])) == .valid)
        var bad = Array(repeating: IPLD(dictionaryLiteral: ("n", 1)), count: 100_000)
        bad[99_999] = ["n": "x"]
        #expect(
            Self.tree.validateRecord(collection: Self.collection, value: Self.record(node: ["kids": .list(bad)])).path
                == "record/node/kids/99999/n")
    }

    @Test func hugeStringsAreCheckedCheaply() {
        let huge = String(repeating: "ab", count: 5_000_000)
        let start = ContinuousClock.now
        let r1 = Self.tree.validateRecord(
            collection: Self.collection, value: Self.record(node: ["text": .string(huge)]))
        let r2 = Self.tree.validateRecord(
            collection: Self.collection, value: Self.record(node: ["bounded": .string(huge)]))
        #expect(r1.violation?.kind == .tooLong(max: 5, unit: .graphemes))
        #expect(r2.violation?.kind == .tooLong(max: 100, unit: .utf8Bytes))
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func wrongShapesEverywhere() {
        let shapes: [IPLD] = [.null, true, 1, "s", .bytes([1]), [], [:], .list([.null]), ["child": 5], ["kids": [:]]]
        for s in shapes {
            _ = Self.tree.validateRecord(collection: Self.collection, value: Self.record(node: s))
            _ = Self.tree.validateRecord(collection: Self.collection, value: s)
            _ = LexiconFixtures.all.validateRecord(collection: nsid("app.bsky.feed.post"), value: s)
        }
    }

    @Test func randomValuesNeverCrashThePostValidator() {
        var rng = SplitMix(seed: 0x1E61C0)
        let post = nsid("app.bsky.feed.post")
        let keys = [
            "$type", "text", "createdAt", "embed", "facets", "langs", "reply", "labels", "tags", "images", "features",
            "index", "image", "alt",
        ]
        func random(_ depth: Int) -> IPLD {
            switch Int.random(in: 0..<(depth > 4 ? 5 : 8), using: &rng) {
            case 0: return .null
            case 1: return .int(Int64.random(in: -5...5, using: &rng))
            case 2:
                return .string(
                    [
                        "app.bsky.feed.post", "app.bsky.embed.images", "app.bsky.richtext.facet#tag", "", "en",
                        "2024-11-25T14:00:00Z",
                    ].randomElement(using: &rng)!)
            case 3: return .bool(true)
            case 4: return .bytes([1, 2])
            case 5, 6:
                var m = IPLDMap()
                for _ in 0..<Int.random(in: 0...4, using: &rng) {
                    m[keys.randomElement(using: &rng)!] = random(depth + 1)
                }
                return .map(m)
            default: return .list((0..<Int.random(in: 0...3, using: &rng)).map { _ in random(depth + 1) })
            }
        }
        for _ in 0..<5_000 {
            var m = random(0).mapValue ?? IPLDMap()
            m["$type"] = "app.bsky.feed.post"
            _ = LexiconFixtures.all.validateRecord(collection: post, value: .map(m))
        }
    }
}
