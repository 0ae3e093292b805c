// UTF8ValidationTests.swift: well-formed UTF-8 against the Unicode table, in and out of the ASCII fast path.
import Testing

@testable import Engine

@Suite struct UTF8ValidationTests {
    typealias B = NativeTestBytes

    static func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { UTF8Validation.isValid($0) } }

    /// The standard library's decoder: an independent reference.
    static func reference(_ bytes: [UInt8]) -> Bool {
        !transcode(bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in })
    }

    static let validSequences: [[UInt8]] = [
        Array("é".utf8), Array("ß".utf8), Array("日".utf8),
        Array("€".utf8), Array("😀".utf8), Array("𝄞".utf8),
        [0xC2, 0x80], [0xDF, 0xBF],  // U+0080, U+07FF
        // U+0800, U+D7FF, U+E000, U+FFFF
        [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],  // U+10000, U+10FFFF
    ]

    static let invalidSequences: [[UInt8]] = [
        [0xC0, 0x80], [0xC1, 0xBF],  // overlong 2-byte
        [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],  // overlong 3-byte
        [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],  // overlong 4-byte
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // surrogates U+D800, U+DFFF
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF7, 0xBF, 0xBF, 0xBF],  // above U+10FFFF
        [0x80], [0xBF], [0xFE], [0xFF],  // lone continuation, never-valid bytes
        [0xC3], [0xE6, 0x97], [0xF0, 0x9F, 0x98],  // truncated
        [0xC3, 0x41], [0xE6, 0x41, 0xA5], [0xE6, 0x97, 0x41], [0xF0, 0x9F, 0x41, 0x80], [0xF0, 0x9F, 0x98, 0xC0],
    ]

    /// Offsets before and after the 16-byte blocks of the ASCII fast path.
    static let offsets = [0, 1, 7, 8, 14, 15, 16, 17, 31, 32, 33, 47, 64]

    @Test func plainText() {
        #expect(Self.valid([]))
        #expect(Self.valid(Array("hello".utf8)))
        #expect(Self.valid(Array(String(repeating: "ascii only text, ", count: 10).utf8)))
        #expect(Self.valid(Array("Grüße aus Köln, 日本語のテキスト, emoji 😀🎉 and 𝄞 mixed in".utf8)))
        #expect(Self.valid([0x00]))  // NUL is well-formed
        #expect(Self.valid([0x7F]))
    }

    @Test(arguments: validSequences)
    func validSequenceAtEveryOffset(_ seq: [UInt8]) {
        for before in Self.offsets {
            for after in [0, 1, 16, 20] {
                let bytes = [UInt8](repeating: 0x61, count: before) + seq + [UInt8](repeating: 0x62, count: after)
                #expect(Self.valid(bytes), "offset \(before), \(after) after")
            }
        }
    }

    @Test(arguments: invalidSequences)
    func invalidSequenceAtEveryOffset(_ seq: [UInt8]) {
        for before in Self.offsets {
            for after in [0, 1, 16, 20] {
                let bytes = [UInt8](repeating: 0x61, count: before) + seq + [UInt8](repeating: 0x62, count: after)
                #expect(!Self.valid(bytes), "\(B.hexString(seq)) at offset \(before), \(after) after")
                #expect(!Self.reference(bytes))
            }
        }
    }

    @Test func invalidAfterValidMultibyteText() {
        let prefix = Array("日本語テキスト".utf8)  // 21 bytes, none of them ASCII
        for seq in Self.invalidSequences {
            #expect(!Self.valid(prefix + seq + Array("tail that is long enough".utf8)))
        }
    }

    @Test func agreesWithTheStandardLibraryOnRandomInput() {
        var rng = SplitMix(seed: 8)
        let pieces = Self.validSequences + Self.invalidSequences + [[0x61], Array("sixteen bytes!!!".utf8)]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    bytes += B.random(Int.random(in: 1...3, using: &rng), using: &rng)
                } else {
                    bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
                }
            }
            #expect(Self.valid(bytes) == Self.reference(bytes), "\(B.hexString(bytes))")
        }
    }
}
