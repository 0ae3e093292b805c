// SyntaxBytes.swift: ASCII byte classes and UTF-8 access shared by the validators. Book: docs/01-atproto.md.

/// ASCII byte classification used by the hand-written validators.
enum SyntaxASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    /// Lower-case base32 as used by did:plc (`a-z`, `2-7`).
    @inline(__always) static func isBase32Lower(_ b: UInt8) -> Bool { isLower(b) || b &- 0x32 < 6 }

    /// Value of a run of ASCII digits (caller has checked they are digits).
    @inline(__always)
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int {
        var value = 0
        for i in from..<(from + count) { value = value * 10 + Int(bytes[i] &- 0x30) }
        return value
    }

    /// True when `bytes` starts with the ASCII `prefix`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        let p = prefix.utf8Start
        for i in 0..<n where bytes[i] != p[i] { return false }
        return true
    }
}

extension String {
    /// Runs `body` over the string's contiguous UTF-8 bytes (copying only for bridged strings).
    @inline(__always)
    func withSyntaxUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
