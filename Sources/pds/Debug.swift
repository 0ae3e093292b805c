// Debug.swift: `pds debug`: tools for testing the engine from outside (crash-safety tests).
// Book: docs/07-commits.md ("Durability").
import ArgumentParser
import Engine
import Foundation

/// `pds debug`: not for operators; used by the test suite.
struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Engine test tools (used by the test suite).", shouldDisplay: false, subcommands: [WriteLoad.self])

    /// Writes single-record commits to one repo in RocksDB, printing `ack N CID` after each
    /// acknowledged (fsynced) commit, until killed or `count` is reached.
    struct WriteLoad: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write-load")
        @Option(help: "RocksDB directory.") var path: String
        @Option(help: "Repo DID.") var did: String
        @Option(help: "Signing key, 32 bytes hex (K-256).") var keyHex: String
        @Option(help: "Commits to write.") var count: Int = 1_000_000

        func run() throws {
            var raw: [UInt8] = []
            var chars = Array(keyHex.utf8)[...]
            while chars.count >= 2, let b = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) {
                raw.append(b)
                chars = chars.dropFirst(2)
            }
            let key = try AnyPrivateKey(keyType: .k256, rawRepresentation: raw)
            let store = try RocksRepoStorage(options: StorageOptions(path: path, sync: true))
            let committer = RepoCommitter(did: did, key: key)
            if try store.repoID(did: did) == nil {
                _ = try store.createRepo(did: did)
                try store.apply(try committer.genesis().write)
            }
            // Continue numbering after a previous (killed) run.
            let start = try store.countRecords(did: did)
            for n in start..<(start + count) {
                let root = try store.root(did: did)!
                let record = try IPLDMap([("$type", "app.bsky.feed.post"), ("text", .string("load \(n)"))])
                let c = try committer.apply(
                    [.create(collection: "app.bsky.feed.post", rkey: String(format: "n%08d", n), record: record)],
                    to: root, source: try store.blockSource(did: did))
                try store.apply(c.write)
                // Unbuffered: a line on the pipe means the commit was acknowledged.
                FileHandle.standardOutput.write(Data("ack \(n) \(c.commitCID)\n".utf8))
            }
        }
    }
}
