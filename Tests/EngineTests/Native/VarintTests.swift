// VarintTests.swift: unsigned varints at the boundaries, minimality, the 9-byte cap and truncation.
import Testing

@testable import Engine

@Suite struct VarintTests {
    static func decode(_ bytes: [UInt8]) -> Varint.Decoded {
        bytes.withUnsafeBytes { Varint.decode($0) }
    }

    static func encode(_ value: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        Varint.encode(value, into: &out)
        return out
    }

    static let known: [(UInt64, [UInt8])] = [
        (0, [0x00]),
        (1, [0x01]),
        (127, [0x7f]),
        (128, [0x80, 0x01]),
        (255, [0xff, 0x01]),
        (300, [0xac, 0x02]),
        (16383, [0xff, 0x7f]),
        (16384, [0x80, 0x80, 0x01]),
        (0xe7, [0xe7, 0x01]),
        (0x1200, [0x80, 0x24]),
        (1 << 32, [0x80, 0x80, 0x80, 0x80, 0x10]),
        (UInt64(Int64.max), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
    ]

    @Test(arguments: known)
    func knownEncodings(_ value: UInt64, _ bytes: [UInt8]) {
        #expect(Self.encode(value) == bytes)
        #expect(Varint.length(value) == bytes.count)
        #expect(Self.decode(bytes) == .value(value, length: bytes.count))
        #expect(Self.decode(bytes + [0xff, 0x00]) == .value(value, length: bytes.count))  // stops at its end
    }

    @Test func roundTripsAroundEverySevenBitBoundary() {
        for shift in stride(from: 0, through: 63, by: 7) {
            for delta: Int64 in [-1, 0, 1] {
                let v = ((UInt64(1) << UInt64(shift)) &+ UInt64(bitPattern: delta)) & UInt64(Int64.max)
                let bytes = Self.encode(v)
                #expect(bytes.count == Varint.length(v))
                #expect(Self.decode(bytes) == .value(v, length: bytes.count))
            }
        }
    }

    @Test(arguments: [
        [UInt8(0x80), 0x00] as [UInt8],
        [0xff, 0x00],
        [0x81, 0x80, 0x00],
        [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00],
    ])
    func nonMinimalRejected(_ bytes: [UInt8]) {
        #expect(Self.decode(bytes) == .invalid)
    }

    @Test func tenByteEncodingsRejected() {
        // 2^63 and UInt64.max need 10 bytes: beyond the multiformats 9-byte cap (the encoder refuses them).
        #expect(Self.decode([UInt8](repeating: 0xff, count: 9) + [0x01]) == .invalid)
        #expect(Self.decode([UInt8](repeating: 0x80, count: 9) + [0x01]) == .invalid)
        #expect(Self.decode([UInt8](repeating: 0xff, count: 9)) == .invalid)
    }

    @Test(arguments: [[UInt8](), [0x80], [0xff, 0xff], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80]])
    func truncatedDetected(_ bytes: [UInt8]) {
        #expect(Self.decode(bytes) == .truncated)
    }
}
