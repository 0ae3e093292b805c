// swift-tools-version:6.1
// Benchmarks in their own package so the main build never pulls benchmark dependencies.
// Run: make bench (or: swift package --disable-sandbox benchmark). Figures: docs/25-performance.md.
import PackageDescription

let package = Package(
    name: "PDSBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "SwiftPDS", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Deterministic corpora shared by the Swift benchmarks and the Python comparison.
        .target(name: "BenchCorpus", dependencies: [.product(name: "Engine", package: "SwiftPDS")]),
        .executableTarget(name: "MakeCorpus", dependencies: ["BenchCorpus"]),
        .executableTarget(
            name: "CodecBenchmarks",
            dependencies: [
                "BenchCorpus",
                .product(name: "Engine", package: "SwiftPDS"),
                .product(name: "CEngine", package: "SwiftPDS"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CodecBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RepoBenchmarks",
            dependencies: [
                "BenchCorpus",
                .product(name: "Engine", package: "SwiftPDS"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RepoBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
