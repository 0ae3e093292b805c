// BenchCAR.swift: `pds bench car-*`: whole-repo CAR export and import on this machine.
// Book: docs/25-performance.md ("Export and import").
import ArgumentParser
import Engine
import Foundation

extension Bench {
    /// The peak resident set of this process so far, in MiB.
    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static let benchDID = "did:plc:benchcarbenchcarbenchcar"

    /// Writes a signed repo of N records as a CAR file (the input for the other two).
    struct CARMake: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "car-make", abstract: "Write a signed repo of --records posts to a CAR file.")
        @Option(help: "Records.") var records: Int = 1_000_000
        @Option(help: "Output CAR file.") var out: String
        @Option(help: "Write the signing key's did:key here.") var keyOut: String?

        func run() throws {
            let key = AnyPrivateKey.generate(.k256)
            let clock = TIDClock(clockID: 7, wallClock: { 1_700_000_000_000_000 })
            var blocks: [CARBlock] = []
            var entries: [(key: [UInt8], value: CID)] = []
            entries.reserveCapacity(records)
            for i in 0..<records {
                let record = try IPLDMap([
                    ("$type", "app.bsky.feed.post"),
                    ("text", .string("benchmark post number \(i), of ordinary length")),
                    ("createdAt", "2026-01-01T00:00:00.000Z"), ("langs", .list(["en"])),
                ])
                let (bytes, cid) = DagCBOR.encodeWithCID(.map(record))
                blocks.append(CARBlock(cid: cid, bytes: bytes))
                entries.append((Array("app.bsky.feed.post/\(clock.next())".utf8), cid))
            }
            let mst = MST.build(sortedEntries: entries)
            for (cid, bytes) in mst.changes().newNodes { blocks.append(CARBlock(cid: cid, bytes: bytes)) }
            let commit = UnsignedCommit(did: Bench.benchDID, data: mst.root, rev: TIDClock.shared.next().description)
                .signed(with: key)
            let (commitBytes, commitCID) = commit.encoded()
            blocks.append(CARBlock(cid: commitCID, bytes: commitBytes))
            let car = CAR.encode(roots: [commitCID], blocks: blocks)
            try Data(car).write(to: URL(fileURLWithPath: out))
            if let keyOut { try key.didKey.write(toFile: keyOut, atomically: true, encoding: .utf8) }
            print("records=\(records) blocks=\(blocks.count) bytes=\(car.count) did-key=\(key.didKey)")
        }
    }

    /// Imports a CAR file with full verification into a RocksDB directory.
    struct CARImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "car-import", abstract: "Verify and import a CAR file into RocksDB; MB/s and peak memory.")
        @Option(help: "CAR file (from car-make).") var car: String
        @Option(help: "RocksDB directory to create.") var dir: String
        @Option(help: "The signing key (did:key), to check the signature.") var didKey: String?

        @Flag(help: "Read the whole file into memory first (untimed) instead of mapping it.") var inMemory = false

        func run() throws {
            let key = try didKey.map { try parseDIDKey($0) }
            let storage = try RocksRepoStorage(options: StorageOptions(path: dir, sync: true))
            let size = try FileManager.default.attributesOfItem(atPath: car)[.size] as? Int ?? 0
            let bytes = inMemory ? try [UInt8](Data(contentsOf: URL(fileURLWithPath: car))) : nil
            let start = Date()
            let repo =
                try bytes.map { try RepoTransfer.importCAR($0, into: storage, did: Bench.benchDID, key: key) }
                ?? RepoTransfer.importCAR(file: car, into: storage, did: Bench.benchDID, key: key)
            let elapsed = Date().timeIntervalSince(start)
            print(
                "import+verify bytes=\(size) records=\(repo.recordCount) blocks=\(repo.blockCount) "
                    + "seconds=\(String(format: "%.2f", elapsed)) MB/s=\(String(format: "%.0f", Double(size) / elapsed / 1e6)) "
                    + "peak-rss-MiB=\(String(format: "%.0f", Bench.peakRSSMiB()))")
        }
    }

    /// Exports the repo in a RocksDB directory as a CAR stream to a file (or discards it).
    struct CARExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "car-export",
            abstract: "Stream the repo in a RocksDB directory out as a CAR; MB/s and peak memory.")
        @Option(help: "RocksDB directory (from car-import).") var dir: String
        @Option(help: "Write the CAR here (default: count the bytes and discard them).") var out: String?

        func run() throws {
            let storage = try RocksRepoStorage(options: StorageOptions(path: dir, sync: true))
            let rssBefore = Bench.peakRSSMiB()
            let file = out.map {
                _ = FileManager.default.createFile(atPath: $0, contents: nil); return FileHandle(forWritingAtPath: $0)!
            }
            var total = 0
            let start = Date()
            try RepoTransfer.exportCAR(from: storage, did: Bench.benchDID) { chunk in
                total += chunk.count
                file?.write(Data(chunk))
            }
            let elapsed = Date().timeIntervalSince(start)
            try file?.close()
            print(
                "export bytes=\(total) seconds=\(String(format: "%.2f", elapsed)) "
                    + "MB/s=\(String(format: "%.0f", Double(total) / elapsed / 1e6)) "
                    + "peak-rss-MiB before=\(String(format: "%.0f", rssBefore)) after=\(String(format: "%.0f", Bench.peakRSSMiB()))"
            )
        }
    }
}
