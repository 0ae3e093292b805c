// Inspect.swift: `pds inspect`: look at protocol data from the command line.
// Book: docs/08-car.md, docs/07-commits.md ("Verifying a whole repo").
import ArgumentParser
import Engine
import Foundation

/// `pds inspect`: tools for operators and relay authors.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect CAR files, repos, CIDs and signatures.",
        subcommands: [CarSummary.self, Verify.self, CIDOf.self, VerifySig.self])

    /// `pds inspect car FILE`.
    struct CarSummary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "car", abstract: "Summarise a CAR file; for a repo CAR, its commit and records per collection.")
        @Argument(help: "Path to a CAR v1 file.") var file: String
        @Flag(help: "Skip checking each block's hash.") var noVerify = false

        func run() throws {
            var count = 0, bytes = 0
            var codecs: [UInt32: Int] = [:]
            var blocks: [CID: [UInt8]] = [:]
            let header = try CAR.readFile(atPath: file, verify: !noVerify) { block in
                count += 1
                bytes += block.bytes.count
                codecs[block.cid.codec, default: 0] += 1
                blocks[block.cid] = block.bytes
            }
            print("roots:  \(header.roots.map(\.string).joined(separator: ", "))")
            print("blocks: \(count) (\(bytes) bytes)")
            for (codec, n) in codecs.sorted(by: { $0.key < $1.key }) { print("  codec 0x\(String(codec, radix: 16)): \(n)") }
            guard header.roots.count == 1, let commitBytes = blocks[header.roots[0]],
                let commit = try? SignedCommit(decoding: commitBytes)
            else { return }
            print("commit: did \(commit.unsigned.did), rev \(commit.unsigned.rev), data \(commit.unsigned.data)")
            let mst = MST(source: MemoryBlockSource(blocks), root: commit.unsigned.data)
            var perCollection: [String: Int] = [:]
            try mst.walk { key, _ in
                let path = String(decoding: key, as: UTF8.self)
                perCollection[String(path.split(separator: "/").first ?? ""), default: 0] += 1
                return true
            }
            print("records: \(perCollection.values.reduce(0, +))")
            for (c, n) in perCollection.sorted(by: { $0.key < $1.key }) { print("  \(c): \(n)") }
        }
    }

    /// `pds inspect verify FILE --did-key KEY`: full repo verification.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fully verify a repo CAR: hashes, commit signature, tree structure, records. Exits non-zero on failure.")
        @Argument(help: "Path to a repo CAR file.") var file: String
        @Option(help: "The repo's signing key as did:key:z...") var didKey: String?
        @Option(help: "The DID the commit must name.") var did: String?

        func run() throws {
            let key = try didKey.map { try parseDIDKey($0) }
            let car = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
            do {
                let repo = try RepoVerifier.verify(car: car, did: did, key: key)
                let c = repo.commit.unsigned
                print("ok: \(c.did) rev \(c.rev), \(repo.records.count) records, \(repo.nodeCount) tree nodes, \(repo.blocks.count) blocks used")
                if key == nil { print("note: signature not checked (no --did-key)") }
            } catch {
                print("FAILED: \(error)")
                throw ExitCode(1)
            }
        }
    }

    /// `pds inspect cid`: CID of atproto JSON on standard input, encoded as DAG-CBOR.
    struct CIDOf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cid", abstract: "Print the DAG-CBOR CID of atproto JSON read from standard input.")

        func run() throws {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            let value = try AtprotoJSON.decode(Array(input))
            print(DagCBOR.encodeWithCID(value).cid.string)
        }
    }

    /// `pds inspect verify-sig`: check one signature.
    struct VerifySig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-sig", abstract: "Verify a signature over data with a did:key. Exits non-zero if invalid.")
        @Option(help: "The signing key as did:key:z...") var didKey: String
        @Option(name: .customLong("data-b64"), help: "The signed bytes, base64.") var data: String
        @Option(name: .customLong("sig-b64"), help: "The 64-byte compact signature, base64.") var sig: String

        func run() throws {
            guard let d = Base64.decode(data), let s = Base64.decode(sig) else {
                print("FAILED: data or signature is not base64")
                throw ExitCode(2)
            }
            if verifySignature(didKey: didKey, data: d, signature: s) {
                print("ok")
            } else {
                print("FAILED: signature does not verify")
                throw ExitCode(1)
            }
        }
    }
}
