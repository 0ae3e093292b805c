// swift-tools-version:6.1
// The Swift PDS: see docs/02-architecture.md for what each target is for.
import PackageDescription

let package = Package(
    name: "SwiftPDS",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Engine", targets: ["Engine"]),
        // For benchmarks that compare the Swift wrappers with the C calls underneath.
        .library(name: "CEngine", targets: ["CEngine"]),
        .library(name: "Server", targets: ["Server"]),
        .executable(name: "pds", targets: ["pds"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-atomics.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
    ],
    targets: [
        // C: shims over system libraries and hand-written hot loops (docs/04-c-engine.md).
        .target(
            name: "CEngine",
            cSettings: [.define("OPENSSL_SUPPRESS_DEPRECATED")],
            linkerSettings: [
                .linkedLibrary("crypto"),
                .linkedLibrary("secp256k1"),
                .linkedLibrary("zstd"),
                .linkedLibrary("rocksdb"),
            ]
        ),
        // Protocol data, storage, repo: no HTTP, no SQL.
        .target(name: "Engine", dependencies: ["CEngine", .product(name: "Atomics", package: "swift-atomics")]),
        // HTTP/XRPC on Hummingbird.
        .target(
            name: "Server",
            dependencies: [
                "Engine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "pds",
            dependencies: [
                "Engine", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]
        ),
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
            ]
        ),
    ]
)
