// CARTests.swift: CAR v1 writing and reading, including split input and tampering.
import Foundation
import Testing

@testable import Engine

@Suite struct CARTests {
    static func sample(_ count: Int, seed: UInt64 = 1) -> (CID, [CARBlock]) {
        var rng = SplitMix(seed: seed)
        var blocks: [CARBlock] = []
        for _ in 0..<count {
            let bytes = DagCBOR.encode(RandomIPLD.value(&rng))
            blocks.append(CARBlock(cid: CID.dagCBOR(bytes), bytes: bytes))
        }
        return (blocks[0].cid, blocks)
    }

    static func readIncrementally(_ car: [UInt8], splits: [Int]) throws -> (CARHeader?, [CARBlock]) {
        var reader = CARReader()
        var header: CARHeader?
        var blocks: [CARBlock] = []
        var start = 0
        for end in splits + [car.count] where end >= start {
            reader.append(Array(car[start..<end]))
            start = end
            while let e = try reader.next() {
                switch e {
                case .header(let h): header = h
                case .block(let b): blocks.append(b)
                }
            }
        }
        try reader.finish()
        return (header, blocks)
    }

    @Test func roundTrip() throws {
        let (root, blocks) = Self.sample(200)
        let car = CAR.encode(roots: [root], blocks: blocks)
        let (header, read) = try CAR.read(car)
        #expect(header.roots == [root])
        #expect(read == blocks)
    }

    @Test func splitInputGivesTheSameResult() throws {
        let (root, blocks) = Self.sample(40)
        let car = CAR.encode(roots: [root], blocks: blocks)
        let whole = try Self.readIncrementally(car, splits: [])
        let bytewise = try Self.readIncrementally(car, splits: Array(1..<car.count))
        var rng = SplitMix(seed: 3)
        for _ in 0..<20 {
            let cuts = (0..<10).map { _ in Int.random(in: 0...car.count, using: &rng) }.sorted()
            let random = try Self.readIncrementally(car, splits: cuts)
            #expect(random.0 == whole.0 && random.1 == whole.1)
        }
        #expect(whole.0?.roots == [root] && whole.1 == blocks)
        #expect(bytewise.0 == whole.0 && bytewise.1 == whole.1)
    }

    @Test func truncationIsReported() throws {
        let (root, blocks) = Self.sample(5)
        let car = CAR.encode(roots: [root], blocks: blocks)
        for cut in [0, 1, 10, car.count - 1] {
            #expect(throws: CARError.self) { _ = try Self.readIncrementally(Array(car[0..<cut]), splits: []) }
            #expect(throws: CARError.self) { _ = try CAR.read(Array(car[0..<cut])) }
        }
    }

    @Test func tamperedBlockFailsVerification() throws {
        let (root, blocks) = Self.sample(3)
        var car = CAR.encode(roots: [root], blocks: blocks)
        car[car.count - 1] ^= 0x01
        #expect(throws: CARError.hashMismatch(blocks[2].cid)) { _ = try CAR.read(car) }
        #expect(throws: Never.self) { _ = try CAR.read(car, verify: false) }
    }

    @Test func oversizedSectionIsRejectedBeforeBuffering() throws {
        var w0 = CARWriter(roots: [])
        var car = w0.take()
        Varint.encode(UInt64(1) << 40, into: &car)
        #expect(throws: CARError.self) { _ = try Self.readIncrementally(car, splits: []) }
        let limits = CARLimits(maxSectionBytes: 10)
        let (root, blocks) = Self.sample(1)
        #expect(throws: CARError.self) { _ = try CAR.read(CAR.encode(roots: [root], blocks: blocks), limits: limits) }
    }

    @Test func badHeaders() {
        let notMap = [UInt8]([0x01, 0x01])
        #expect(throws: CARError.self) { _ = try CAR.read(notMap) }
        let v2 = DagCBOR.encode(["roots": [], "version": 2])
        #expect(throws: CARError.badHeader("version is not 1")) { _ = try CAR.read([UInt8(v2.count)] + v2) }
        #expect(throws: CARError.self) { _ = try CAR.read([0x00]) }
        #expect(throws: CARError.self) { _ = try CAR.read([0x80, 0x00]) }  // non-minimal varint
    }

    @Test func readsFilesInChunks() throws {
        let (root, blocks) = Self.sample(300)
        let car = CAR.encode(roots: [root], blocks: blocks)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("car-\(UInt64.random(in: 0 ... .max)).car").path
        try Data(car).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var read: [CARBlock] = []
        let header = try CAR.readFile(atPath: path) { read.append($0) }
        #expect(header.roots == [root])
        #expect(read == blocks)
        #expect(throws: CARError.self) { try CAR.readFile(atPath: path + ".missing") { _ in } }
    }

    @Test func writerStreamsInChunks() throws {
        let (root, blocks) = Self.sample(50)
        var w = CARWriter(roots: [root])
        var out: [UInt8] = []
        for b in blocks {
            w.append(cid: b.cid, block: b.bytes)
            if w.pendingCount > 256 { out += w.take() }
        }
        out += w.take()
        #expect(out == CAR.encode(roots: [root], blocks: blocks))
    }
}

extension CARTests {
    /// A zero-length section has no CID at all.
    @Test func emptySectionIsABadCID() {
        var w = CARWriter(roots: [])
        let car = w.take() + [0x00]
        #expect(throws: CARError.badCID(offset: car.count, .truncated)) { _ = try CAR.read(car) }
    }
}
