// DagCBORTests.swift: strict DAG-CBOR round trips and rejections.
import Testing

@testable import Engine

@Suite struct DagCBORTests {
    @Test func roundTripsRandomValues() throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<2000 {
            let v = RandomIPLD.value(&rng)
            let bytes = DagCBOR.encode(v)
            #expect(try DagCBOR.decode(bytes) == v)
            // Canonical input re-encodes to itself.
            #expect(DagCBOR.encode(try DagCBOR.decode(bytes)) == bytes)
            #expect(try DagCBOR.scan(bytes.withUnsafeBytes { $0 }) == bytes.count)
        }
    }

    @Test func integerBoundariesUseShortestForm() throws {
        let cases: [(Int64, [UInt8])] = [
            (0, [0x00]), (23, [0x17]), (24, [0x18, 24]), (255, [0x18, 0xFF]), (256, [0x19, 1, 0]),
            (65536, [0x1A, 0, 1, 0, 0]), (4_294_967_296, [0x1B, 0, 0, 0, 1, 0, 0, 0, 0]),
            (-1, [0x20]), (-24, [0x37]), (-25, [0x38, 24]),
            (.max, [0x1B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
            (.min, [0x3B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        ]
        for (i, bytes) in cases {
            #expect(DagCBOR.encode(.int(i)) == bytes)
            #expect(try DagCBOR.decode(bytes) == .int(i))
        }
    }

    @Test func mapsEncodeInCanonicalKeyOrder() throws {
        let m: IPLD = ["bb": 1, "a": 2, "aaa": 3, "b": 4]
        #expect(m.mapValue!.keys == ["a", "b", "bb", "aaa"])
        let bytes = DagCBOR.encode(m)
        #expect(bytes == [0xA4, 0x61, 0x61, 0x02, 0x61, 0x62, 0x04, 0x62, 0x62, 0x62, 0x01, 0x63, 0x61, 0x61, 0x61, 0x03])
    }

    static func expectError(_ bytes: [UInt8], _ kind: CBORError.Kind, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try DagCBOR.decode(bytes)
            Issue.record("accepted invalid CBOR \(bytes.prefix(16))", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == kind, sourceLocation: sourceLocation)
        }
    }

    @Test func rejectsNonCanonicalAndForbiddenInput() {
        Self.expectError([0x18, 0x05], .nonMinimal)
        Self.expectError([0x19, 0x00, 0xFF], .nonMinimal)
        Self.expectError([0x78, 0x01, 0x61], .nonMinimal)  // text with a 1-byte length of 1
        Self.expectError([0x9F, 0x01, 0xFF], .indefiniteLength)
        Self.expectError([0x5F, 0x41, 0x00, 0xFF], .indefiniteLength)
        Self.expectError([0xFB, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0], .float)
        Self.expectError([0xF9, 0x3C, 0x00], .float)
        Self.expectError([0xF7], .simpleValue)  // undefined
        Self.expectError([0xF0], .simpleValue)
        Self.expectError([0xC1, 0x00], .tag)
        Self.expectError([0xD8, 0x2A, 0x61, 0x61], .badLink)  // tag 42 over text
        Self.expectError([0xD8, 0x2A, 0x42, 0x01, 0x71], .badLink)  // missing 0x00 prefix
        Self.expectError([0x62, 0xC3, 0x28], .invalidUTF8)
        Self.expectError([0x63, 0xED, 0xA0, 0x80], .invalidUTF8)  // surrogate
        Self.expectError([0xA2, 0x61, 0x62, 0x01, 0x61, 0x61, 0x02], .keyOrder)
        Self.expectError([0xA2, 0x62, 0x61, 0x61, 0x01, 0x61, 0x62, 0x02], .keyOrder)  // longer key first
        Self.expectError([0xA2, 0x61, 0x61, 0x01, 0x61, 0x61, 0x02], .duplicateKey)
        Self.expectError([0xA1, 0x01, 0x02], .keyNotString)
        Self.expectError([0x1B, 0x80, 0, 0, 0, 0, 0, 0, 0], .integerRange)
        Self.expectError([0x3B, 0x80, 0, 0, 0, 0, 0, 0, 0], .integerRange)
        Self.expectError([0x1C], .reserved)
        Self.expectError([0x01, 0x02], .trailingBytes)
        Self.expectError([], .truncated)
    }

    @Test func rejectsHugeLengthPrefixesWithoutAllocating() {
        Self.expectError([0x5B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], .lengthTooLarge)
        Self.expectError([0x7B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x61], .lengthTooLarge)
        Self.expectError([0x9B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], .lengthTooLarge)
        Self.expectError([0xBB, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], .lengthTooLarge)
    }

    @Test func rejectsDeepNesting() throws {
        let deep = [UInt8](repeating: 0x81, count: 100_000) + [0x00]
        Self.expectError(deep, .tooDeep)
        let ok = [UInt8](repeating: 0x81, count: 100) + [0x00]
        #expect(throws: Never.self) { try DagCBOR.decode(ok) }
        #expect(throws: CBORError.self) { try DagCBOR.decode(ok, maxDepth: 50) }
    }

    @Test func rejectsWrongCIDMultihashLengths() {
        let cid = CID.dagCBOR([0xA0]).bytes
        // Digest length byte says 32 but 31 bytes follow.
        let short = [UInt8]([0xD8, 0x2A, 0x58, UInt8(cid.count)]) + [0x00] + cid.dropLast()
        Self.expectError(short, .badLink)
        // A digest longer than 32 bytes.
        let long = [UInt8]([0xD8, 0x2A, 0x58, 0x45, 0x00, 0x01, 0x71, 0x13, 0x40]) + [UInt8](repeating: 7, count: 64)
        Self.expectError(long, .badLink)
    }

    @Test func everyTruncationOfAValidItemIsRejected() throws {
        var rng = SplitMix(seed: 7)
        for _ in 0..<50 {
            let bytes = DagCBOR.encode(RandomIPLD.value(&rng))
            for cut in 0..<bytes.count {
                #expect(throws: CBORError.self) { try DagCBOR.decode(Array(bytes[0..<cut])) }
            }
        }
    }

    @Test func linksRoundTripThroughTag42() throws {
        let cid = CID.dagCBOR([0xA0])
        let v: IPLD = ["l": .link(cid)]
        let bytes = DagCBOR.encode(v)
        #expect(bytes[3] == 0xD8 && bytes[4] == 42 && bytes[7] == 0x00)
        #expect(try DagCBOR.decode(bytes) == v)
    }

    @Test func keyCompareMatchesSwiftOrdering() {
        #expect(IPLDMap.keyPrecedes("b", "aa"))
        #expect(IPLDMap.keyPrecedes("aa", "ab"))
        #expect(!IPLDMap.keyPrecedes("ab", "ab"))
        var m = IPLDMap()
        m["zz"] = 1
        m["a"] = 2
        m["zz"] = 3
        #expect(m.keys == ["a", "zz"])
        #expect(m["zz"] == 3)
        m["a"] = nil
        #expect(m.keys == ["zz"])
        #expect(throws: IPLDMap.DuplicateKey.self) { try IPLDMap([("a", 1), ("a", 2)]) }
    }
}

/// Regressions found by review and fuzzing.
@Suite struct DagCBORRegressionTests {
    /// A link whose CID codec needs more than 32 bits passed the scanner but trapped the decoder.
    @Test func linkWithA36BitCodecIsRejectedNotTrapped() {
        let cid: [UInt8] = [0x01, 0x80, 0x80, 0x80, 0x80, 0x20, 0x12, 0x20] + [UInt8](repeating: 0xAB, count: 32)
        let item: [UInt8] = [0xD8, 0x2A, 0x58, UInt8(cid.count + 1), 0x00] + cid
        DagCBORTests.expectError(item, .badLink)
    }

    @Test func recordTypeIsReadWithoutDecoding() throws {
        #expect(DagCBOR.recordType(DagCBOR.encode(["$type": "app.bsky.feed.post", "text": "hi", "a": 1])) == "app.bsky.feed.post")
        // Shorter keys come first in canonical order, with nested values skipped.
        #expect(DagCBOR.recordType(DagCBOR.encode(["$type": "x.y.z", "b": ["c": [1, 2]], "zz": .bytes([1])])) == "x.y.z")
        #expect(DagCBOR.recordType(DagCBOR.encode(["text": "no type"])) == nil)
        #expect(DagCBOR.recordType(DagCBOR.encode(["$type": ""])) == nil)
        #expect(DagCBOR.recordType(DagCBOR.encode(["$type": 5])) == nil)
        #expect(DagCBOR.recordType(DagCBOR.encode(.list(["$type"]))) == nil)
        let ok = DagCBOR.encode(["$type": "a.b.c"])
        #expect(DagCBOR.recordType(ok + [0]) == nil)
        for cut in 0..<ok.count { #expect(DagCBOR.recordType(Array(ok[..<cut])) == nil) }
    }
}
