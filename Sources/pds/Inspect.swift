// Inspect.swift: `pds inspect`: look at protocol data from the command line.
// Book: docs/08-car.md.
import ArgumentParser
import Engine
import Foundation

/// `pds inspect`: tools for operators and relay authors.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect CAR files, CIDs and DAG-CBOR.", subcommands: [CarSummary.self, CIDOf.self])

    /// `pds inspect car FILE`.
    struct CarSummary: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "car", abstract: "Summarise a CAR file.")
        @Argument(help: "Path to a CAR v1 file.") var file: String
        @Flag(help: "Skip checking each block's hash.") var noVerify = false

        func run() throws {
            var count = 0, bytes = 0
            var codecs: [UInt32: Int] = [:]
            let header = try CAR.readFile(atPath: file, verify: !noVerify) { block in
                count += 1
                bytes += block.bytes.count
                codecs[block.cid.codec, default: 0] += 1
            }
            print("roots:  \(header.roots.map(\.string).joined(separator: ", "))")
            print("blocks: \(count) (\(bytes) bytes)")
            for (codec, n) in codecs.sorted(by: { $0.key < $1.key }) { print("  codec 0x\(String(codec, radix: 16)): \(n)") }
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
}
