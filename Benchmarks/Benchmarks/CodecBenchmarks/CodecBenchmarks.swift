// CodecBenchmarks.swift: codec, hashing, CAR and signature benchmarks.
// Book: docs/25-performance.md (figures and how to reproduce them).
//
// Each iteration of a corpus benchmark processes the whole corpus, so
// records/s = 20,000 x iterations/s and MB/s = corpus bytes x iterations/s;
// the corpus size is printed once at start-up.
import BenchCorpus
import Benchmark
import CEngine
import Engine

nonisolated(unsafe) let postValues = Corpus.posts()
nonisolated(unsafe) let postBlocks = postValues.map { DagCBOR.encode($0) }
nonisolated(unsafe) let bigBlocks = Corpus.largeBlocks()
nonisolated(unsafe) let bigCAR = CAR.encode(roots: [bigBlocks[0].cid], blocks: bigBlocks)
nonisolated(unsafe) let kiBlocks: [[UInt8]] = (0..<10_000).map { i in (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) } }

let benchmarks: @Sendable () -> Void = {
    let corpusBytes = postBlocks.reduce(0) { $0 + $1.count }
    print("post corpus: \(postBlocks.count) records, \(corpusBytes) bytes; big CAR: \(bigCAR.count) bytes")
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(4), maxIterations: 200)

    Benchmark("DAG-CBOR decode 20k posts") { b in
        for _ in b.scaledIterations {
            for block in postBlocks { blackHole(try DagCBOR.decode(block)) }
        }
    }
    Benchmark("DAG-CBOR encode 20k posts") { b in
        for _ in b.scaledIterations {
            for v in postValues { blackHole(DagCBOR.encode(v)) }
        }
    }
    Benchmark("DAG-CBOR scan 20k posts") { b in
        for _ in b.scaledIterations {
            for block in postBlocks { blackHole(try block.withUnsafeBytes { try DagCBOR.validate($0) }) }
        }
    }
    Benchmark("DAG-CBOR scan 50MB in one pass") { b in
        // The big CAR's blocks laid end to end: one scan call per block, no per-record overhead above C.
        for _ in b.scaledIterations {
            try bigCAR.withUnsafeBytes { buf in
                try CAR.forEachBlock(in: buf, verify: false) { _, block in blackHole(try DagCBOR.validate(block)) }
            }
        }
    }
    Benchmark("atproto JSON parse 20k posts") { b in
        let json = postValues.map { AtprotoJSON.encode($0) }
        b.startMeasurement()
        for _ in b.scaledIterations {
            for j in json { blackHole(try AtprotoJSON.decode(j)) }
        }
    }
    Benchmark("CID of 10k 1KiB blocks") { b in
        for _ in b.scaledIterations {
            for block in kiBlocks { blackHole(CID.dagCBOR(block)) }
        }
    }
    Benchmark("raw SHA-256 of 10k 1KiB blocks (C, direct)") { b in
        var out = [UInt8](repeating: 0, count: 32)
        for _ in b.scaledIterations {
            for block in kiBlocks {
                block.withUnsafeBufferPointer { p in cengine_sha256(p.baseAddress, p.count, &out) }
            }
        }
        blackHole(out)
    }
    Benchmark("CAR write 50MB") { b in
        for _ in b.scaledIterations {
            var w = CARWriter(roots: [bigBlocks[0].cid])
            for block in bigBlocks {
                w.append(cid: block.cid, block: block.bytes)
                if w.pendingCount > 1 << 20 { blackHole(w.take()) }
            }
            blackHole(w.take())
        }
    }
    Benchmark("CAR read 50MB + verify (in memory)") { b in
        for _ in b.scaledIterations {
            try bigCAR.withUnsafeBytes { buf in try CAR.forEachBlock(in: buf, verify: true) { c, _ in blackHole(c) } }
        }
    }
    Benchmark("CAR read 50MB + verify (streaming, 1MiB chunks)") { b in
        for _ in b.scaledIterations {
            var r = CARReader(verify: true)
            var i = 0
            while i < bigCAR.count {
                let end = min(i + (1 << 20), bigCAR.count)
                bigCAR.withUnsafeBytes { r.append(UnsafeRawBufferPointer(rebasing: $0[i..<end])) }
                while let e = try r.next() { blackHole(e) }
                i = end
            }
            try r.finish()
        }
    }
    Benchmark("base32 CID strings x10k") { b in
        let cids = postBlocks.prefix(10_000).map { CID.dagCBOR($0) }
        b.startMeasurement()
        for _ in b.scaledIterations {
            for c in cids { blackHole(try CID(string: c.string)) }
        }
    }

    let digest = SHA256.hash(Array("benchmark message".utf8))
    let k256 = try! K256PrivateKey(rawRepresentation: Array(repeating: 7, count: 32))
    let k256Sig = k256.sign(digest: digest)
    Benchmark("secp256k1 sign (Swift)", configuration: .init(scalingFactor: .kilo)) { b in
        for _ in b.scaledIterations { blackHole(k256.sign(digest: digest)) }
    }
    Benchmark("secp256k1 verify (Swift)", configuration: .init(scalingFactor: .kilo)) { b in
        for _ in b.scaledIterations { blackHole(k256.publicKey.verify(signature: k256Sig, digest: digest)) }
    }
    Benchmark("secp256k1 sign (C, direct)", configuration: .init(scalingFactor: .kilo)) { b in
        let priv = [UInt8](repeating: 7, count: 32)
        let d = digest.bytes
        var sig = [UInt8](repeating: 0, count: 64)
        for _ in b.scaledIterations { blackHole(cengine_k256_sign(priv, d, &sig)) }
    }
    Benchmark("secp256k1 verify (C, direct)", configuration: .init(scalingFactor: .kilo)) { b in
        var parsed = [UInt8](repeating: 0, count: 64)
        let pub = k256.publicKey.compressed
        _ = cengine_k256_public_parse(pub, pub.count, &parsed)
        let d = digest.bytes
        for _ in b.scaledIterations { blackHole(cengine_k256_verify(parsed, d, k256Sig)) }
    }
    let p256 = try! P256PrivateKey(rawRepresentation: Array(repeating: 9, count: 32))
    let p256Sig = p256.sign(digest: digest)
    Benchmark("P-256 sign (Swift)", configuration: .init(scalingFactor: .kilo)) { b in
        for _ in b.scaledIterations { blackHole(p256.sign(digest: digest)) }
    }
    Benchmark("P-256 verify (Swift)", configuration: .init(scalingFactor: .kilo)) { b in
        for _ in b.scaledIterations { blackHole(p256.publicKey.verify(signature: p256Sig, digest: digest)) }
    }
}
