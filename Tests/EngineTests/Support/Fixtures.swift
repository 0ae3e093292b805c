// Fixtures.swift: finds and reads the files under Tests/Fixtures for any test. Book: docs/01-atproto.md.

import Foundation

/// Test fixtures under `Tests/Fixtures`; paths are relative to it, e.g. `interop/syntax/did_syntax_valid.txt`.
///
/// The directory is found, in order: from `$PDS_FIXTURES`; by walking up from this source file's path as
/// compiled, then with symlinks resolved, then from the working directory, looking for
/// `Tests/Fixtures/interop`; finally `/work/main/Tests/Fixtures`.
enum Fixtures {
    /// The `Tests/Fixtures` directory.
    static let root: URL = locateRoot()

    /// The URL of a fixture file or directory.
    static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    /// The bytes of a fixture file.
    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: url(relative))
    }

    /// The lines of a text fixture, without `#` comment lines and empty lines.
    ///
    /// Only the line terminator (`\n`) is removed: other whitespace is part of the data.
    static func lines(_ relative: String) throws -> [String] {
        try data(relative)
            .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            .filter { $0.first != UInt8(ascii: "#") }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    private static func locateRoot(filePath: String = #filePath) -> URL {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["PDS_FIXTURES"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let source = URL(fileURLWithPath: filePath)
        let starts = [
            source.deletingLastPathComponent(),
            source.resolvingSymlinksInPath().deletingLastPathComponent(),
            URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true),
        ]
        for start in starts {
            var directory = start.standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent("Tests/Fixtures", isDirectory: true)
                if fileManager.fileExists(atPath: candidate.appendingPathComponent("interop").path) {
                    return candidate
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return URL(fileURLWithPath: "/work/main/Tests/Fixtures", isDirectory: true)
    }
}
