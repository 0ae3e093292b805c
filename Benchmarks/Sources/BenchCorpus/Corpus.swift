// Corpus.swift: deterministic benchmark corpora (posts and a large CAR).
// Book: docs/25-performance.md.
import Engine

/// SplitMix64: small, fast and deterministic.
public struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    /// A generator from a seed.
    public init(seed: UInt64) { state = seed }
    /// The next value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The corpora every benchmark and comparison script uses.
public enum Corpus {
    static let words = ("the a to of and in is it you that for on was with he as at be this have from or one had by "
        + "word but not what all were we when your can said there use an each which she do how their if will up other "
        + "about out many then them these so some her would make like him into time has look two more write go see "
        + "café naïve 日本語 テスト 😀 🎉 über straße ñandú").split(separator: " ").map(String.init)

    static func sentence(_ rng: inout SplitMix, maxBytes: Int) -> String {
        var s = ""
        while s.utf8.count < maxBytes {
            s += (s.isEmpty ? "" : " ") + words.randomElement(using: &rng)!
        }
        while s.utf8.count > maxBytes { s.removeLast() }
        return s
    }

    static func cid(_ rng: inout SplitMix, codec: UInt32 = CID.dagCBORCodec) -> CID {
        var d = [UInt8](repeating: 0, count: 32)
        for i in d.indices { d[i] = UInt8.random(in: 0...255, using: &rng) }
        return CID(codec: codec, sha256: SHA256.hash(d))
    }

    static func strongRef(_ rng: inout SplitMix) -> IPLD {
        let rkey = TIDLike.make(&rng)
        return ["cid": .link(cid(&rng)),
                "uri": .string("at://did:plc:\(TIDLike.base32(&rng, 24))/app.bsky.feed.post/\(rkey)")]
    }

    /// One realistic `app.bsky.feed.post` record.
    public static func post(_ rng: inout SplitMix) -> IPLD {
        let text = sentence(&rng, maxBytes: Int.random(in: 10...280, using: &rng))
        var m: [(String, IPLD)] = [
            ("$type", "app.bsky.feed.post"),
            ("text", .string(text)),
            ("createdAt", .string("2024-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))T12:3\(Int.random(in: 0...9, using: &rng)):00.\(Int.random(in: 100...999, using: &rng))Z")),
            ("langs", ["en"]),
        ]
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll < 30 { m.append(("reply", ["root": strongRef(&rng), "parent": strongRef(&rng)])) }
        if roll % 5 == 0 {
            let link: IPLD = [
                "$type": "app.bsky.richtext.facet#link",
                "uri": .string("https://example.com/\(TIDLike.base32(&rng, 12))"),
            ]
            m.append(("facets", [["index": ["byteStart": 0, "byteEnd": 5], "features": [link]]]))
        }
        if roll % 7 == 0 {
            let blob: IPLD = [
                "$type": "blob", "ref": .link(cid(&rng, codec: CID.rawCodec)), "mimeType": "image/jpeg",
                "size": .int(Int64.random(in: 10_000...900_000, using: &rng)),
            ]
            let image: IPLD = [
                "alt": .string(sentence(&rng, maxBytes: 40)), "image": blob,
                "aspectRatio": ["width": 1200, "height": 800],
            ]
            m.append(("embed", ["$type": "app.bsky.embed.images", "images": [image]]))
        }
        return .map(try! IPLDMap(m))
    }

    /// `count` posts from a fixed seed.
    public static func posts(count: Int = 20_000, seed: UInt64 = 2024) -> [IPLD] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in post(&rng) }
    }

    /// The DAG-CBOR blocks of `posts()`.
    public static func postBlocks(count: Int = 20_000) -> [CARBlock] {
        posts(count: count).map { let (b, c) = DagCBOR.encodeWithCID($0); return CARBlock(cid: c, bytes: b) }
    }

    /// Blocks totalling about `bytes` bytes (post records repeated with distinct seeds).
    public static func largeBlocks(bytes: Int = 50_000_000) -> [CARBlock] {
        var out: [CARBlock] = []
        var total = 0
        var rng = SplitMix(seed: 77)
        while total < bytes {
            let (b, c) = DagCBOR.encodeWithCID(post(&rng))
            out.append(CARBlock(cid: c, bytes: b))
            total += b.count
        }
        return out
    }
}

/// Random TID-shaped and base32 strings.
enum TIDLike {
    static let alphabet = Array("234567abcdefghijklmnopqrstuvwxyz")
    static func base32(_ rng: inout SplitMix, _ n: Int) -> String {
        String((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
    }
    static func make(_ rng: inout SplitMix) -> String { "3" + base32(&rng, 12) }
}
