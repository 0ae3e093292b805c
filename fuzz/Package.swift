// swift-tools-version:6.1
// libFuzzer targets for every parser that sees untrusted bytes. See fuzz/README.md.
// Build: swift build --sanitize=fuzzer --sanitize=address (scripts/fuzz-smoke.sh does it).
import PackageDescription

let targets = ["FuzzDagCBOR", "FuzzCAR", "FuzzCID", "FuzzJSON", "FuzzSyntax", "FuzzMSTNode", "FuzzRepoCAR", "FuzzPLCOp", "FuzzLexicon", "FuzzJWT", "FuzzDNS", "FuzzSMTPReply"]

let package = Package(
    name: "PDSFuzz",
    dependencies: [.package(name: "SwiftPDS", path: "..")],
    targets: targets.map {
        .executableTarget(name: $0, dependencies: [.product(name: "Engine", package: "SwiftPDS")])
    }
)
