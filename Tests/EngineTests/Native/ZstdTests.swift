// ZstdTests.swift: zstd round trips, size limits and corrupt frames.
import Testing

@testable import Engine

@Suite struct ZstdTests {
    typealias B = NativeTestBytes

    static func samples() -> [[UInt8]] {
        var rng = SplitMix(seed: 7)
        return [
            [],
            [42],
            Array("hello hello hello hello hello hello".utf8),
            [UInt8](repeating: 0, count: 100_000),
            B.random(70_000, using: &rng),  // incompressible
            (0..<50_000).map { UInt8(truncatingIfNeeded: $0 / 10) },
        ]
    }

    @Test(arguments: samples())
    func roundTrip(_ input: [UInt8]) throws {
        for level: Int32 in [1, 3, 19] {
            let packed = Zstd.compress(input, level: level)
            #expect(try Zstd.decompress(packed, maxSize: input.count) == input)
        }
    }

    @Test func compressesRepetitiveInput() {
        #expect(Zstd.compress([UInt8](repeating: 0, count: 100_000)).count < 100)
    }

    @Test func declaredSizeAboveLimitThrows() {
        let packed = Zstd.compress([UInt8](repeating: 1, count: 1000))
        #expect(throws: Zstd.Error.corrupt) { try Zstd.decompress(packed, maxSize: 999) }
    }

    @Test func garbageIsNotAFrame() {
        #expect(throws: Zstd.Error.corrupt) { try Zstd.decompress([], maxSize: 100) }
        #expect(throws: Zstd.Error.corrupt) { try Zstd.decompress(Array("not a zstd frame at all".utf8), maxSize: 100) }
        var packed = Zstd.compress(Array("hello hello hello".utf8))
        packed[0] ^= 0xFF  // magic number
        #expect(throws: Zstd.Error.corrupt) { try Zstd.decompress(packed, maxSize: 100) }
    }

    @Test func truncatedFramesThrow() {
        var rng = SplitMix(seed: 9)
        let input = B.random(3000, using: &rng) + [UInt8](repeating: 5, count: 3000)
        let packed = Zstd.compress(input)
        for cut in [1, 2, 10, packed.count / 2, packed.count - 8] {
            #expect(throws: Zstd.Error.self, "cut \(cut)") {
                try Zstd.decompress(Array(packed.dropLast(cut)), maxSize: input.count)
            }
        }
    }

    @Test func trailingBytesAfterTheFrameThrow() {
        let packed = Zstd.compress(Array("abcabcabcabc".utf8))
        #expect(throws: Zstd.Error.self) { try Zstd.decompress(packed + [0, 1, 2, 3], maxSize: 100) }
        #expect(throws: Zstd.Error.self) { try Zstd.decompress(packed + packed, maxSize: 100) }
    }
}
