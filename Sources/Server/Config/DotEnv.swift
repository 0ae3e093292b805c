// DotEnv.swift: reading an optional `.env` file of KEY=value lines. Book: docs/03-running.md.
import Foundation

/// The `.env` format: `KEY=value` per line, `#` comments, optional `export `, values optionally quoted.
public enum DotEnv {
    /// Parses `.env` text; malformed lines are skipped.
    public static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            out[key] = value
        }
        return out
    }

    /// The process environment over the `.env` file at `path` (if it exists): real variables win.
    public static func environment(path: String = ".env", process: [String: String] = ProcessInfo.processInfo.environment)
        -> [String: String]
    {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return process }
        return parse(text).merging(process) { _, real in real }
    }
}
