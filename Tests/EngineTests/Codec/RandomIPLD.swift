// RandomIPLD.swift: seeded random data-model values for property tests.
@testable import Engine

enum RandomIPLD {
    static let words = ["", "a", "text", "$type", "createdAt", "héllo wörld", "日本語", "emoji 😀", "\"quoted\"\n", "x\u{0}y"]

    static func value(_ rng: inout SplitMix, depth: Int = 0) -> IPLD {
        let pick = Int.random(in: 0..<(depth > 3 ? 6 : 8), using: &rng)
        switch pick {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2:
            let kinds: [Int64] = [0, 23, 24, 255, 256, 65535, 65536, Int64(UInt32.max), Int64(UInt32.max) + 1, .max, .min, -1, -24, -25]
            return Bool.random(using: &rng) ? .int(kinds.randomElement(using: &rng)!) : .int(Int64.random(in: .min ... .max, using: &rng))
        case 3: return .string(words.randomElement(using: &rng)! + String(Int.random(in: 0..<1000, using: &rng)))
        case 4: return .bytes((0..<Int.random(in: 0..<40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case 5:
            let d = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
            return .link(CID(codec: Bool.random(using: &rng) ? CID.dagCBORCodec : CID.rawCodec, sha256: Digest32(d)!))
        case 6: return .list((0..<Int.random(in: 0..<5, using: &rng)).map { _ in value(&rng, depth: depth + 1) })
        default:
            var pairs: [String: IPLD] = [:]
            for _ in 0..<Int.random(in: 0..<6, using: &rng) {
                pairs[words.randomElement(using: &rng)! + String(Int.random(in: 0..<30, using: &rng))] = value(&rng, depth: depth + 1)
            }
            return .map(try! IPLDMap(pairs.map { ($0.key, $0.value) }))
        }
    }
}
