// AtprotoJSON.swift: the atproto JSON form of the data model, both ways.
// Book: docs/05-cid-dag-cbor.md ("The JSON form").

/// Converts between JSON text and `IPLD` using atproto's conventions:
/// `{"$link": cid}` is a link, `{"$bytes": base64}` is a byte string,
/// `{"$type": "blob", ...}` must be a well-formed blob, and numbers must be
/// integers. Foundation is not involved: the parser reads bytes directly.
public enum AtprotoJSON {
    /// Deepest nesting accepted by default.
    public static let defaultMaxDepth = 128

    /// Parses any JSON value.
    public static func decode(_ buffer: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth) throws(JSONError)
        -> IPLD
    {
        var p = JSONParser(buffer, maxDepth: maxDepth)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.atEnd else { throw JSONError(.syntax, at: p.position) }
        return v
    }

    /// Parses any JSON value.
    public static func decode(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONError) -> IPLD {
        try bytes.withUnsafeBytes { b in Result { () throws(JSONError) in try decode(b, maxDepth: maxDepth) } }.get()
    }

    /// Parses JSON text.
    public static func decode(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONError) -> IPLD {
        try decode(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses a JSON object (what a record or a request body must be).
    public static func decodeObject(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONError) -> IPLDMap {
        guard case .map(let m) = try decode(bytes, maxDepth: maxDepth) else { throw JSONError(.notObject, at: 0) }
        return m
    }

    /// Writes a value as compact JSON.
    public static func encode(_ value: IPLD) -> [UInt8] {
        var w = JSONWriter()
        w.write(value)
        return w.out
    }

    /// Writes a value as a compact JSON string.
    public static func encodeString(_ value: IPLD) -> String { String(decoding: encode(value), as: UTF8.self) }
}

/// A recursive-descent JSON parser over borrowed bytes.
struct JSONParser {
    let buf: UnsafeRawBufferPointer
    let maxDepth: Int
    var position = 0

    init(_ buffer: UnsafeRawBufferPointer, maxDepth: Int) {
        buf = buffer
        self.maxDepth = maxDepth
    }

    var atEnd: Bool { position >= buf.count }

    @inline(__always) func peek() -> UInt8? { position < buf.count ? buf[position] : nil }

    @inline(__always) mutating func skipSpace() {
        while position < buf.count {
            switch buf[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws(JSONError) {
        guard position < buf.count, buf[position] == c else { throw JSONError(.syntax, at: position) }
        position += 1
    }

    mutating func literal(_ word: StaticString, _ v: IPLD) throws(JSONError) -> IPLD {
        let n = word.utf8CodeUnitCount
        guard buf.count - position >= n else { throw JSONError(.syntax, at: position) }
        for i in 0..<n where buf[position + i] != word.utf8Start[i] { throw JSONError(.syntax, at: position) }
        position += n
        return v
    }

    mutating func value(depth: Int) throws(JSONError) -> IPLD {
        guard let c = peek() else { throw JSONError(.syntax, at: position) }
        switch c {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try number())
        default: throw JSONError(.syntax, at: position)
        }
    }

    mutating func array(depth: Int) throws(JSONError) -> IPLD {
        guard depth <= maxDepth else { throw JSONError(.tooDeep, at: position) }
        position += 1
        var list = [IPLD]()
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .list(list)
        }
        while true {
            skipSpace()
            list.append(try value(depth: depth))
            skipSpace()
            guard let c = peek() else { throw JSONError(.syntax, at: position) }
            position += 1
            if c == UInt8(ascii: "]") { return .list(list) }
            guard c == UInt8(ascii: ",") else { throw JSONError(.syntax, at: position - 1) }
        }
    }

    mutating func object(depth: Int) throws(JSONError) -> IPLD {
        guard depth <= maxDepth else { throw JSONError(.tooDeep, at: position) }
        let start = position
        position += 1
        var pairs = [(String, IPLD)]()
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .map(IPLDMap())
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw JSONError(.syntax, at: position) }
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            pairs.append((key, try value(depth: depth)))
            skipSpace()
            guard let c = peek() else { throw JSONError(.syntax, at: position) }
            position += 1
            if c == UInt8(ascii: "}") { break }
            guard c == UInt8(ascii: ",") else { throw JSONError(.syntax, at: position - 1) }
        }
        return try AtprotoJSONObject.interpret(pairs, at: start)
    }

    /// An integer; integral floats such as `123.0` or `1e3` are read as integers.
    mutating func number() throws(JSONError) -> Int64 {
        let start = position
        var negative = false
        if buf[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard let first = peek(), first >= 0x30, first <= 0x39 else { throw JSONError(.syntax, at: start) }
        // Magnitude accumulated as negative so Int64.min fits.
        var acc: Int64 = 0
        var overflow = false
        if first == 0x30 {
            position += 1
        } else {
            while let d = peek(), d >= 0x30, d <= 0x39 {
                let (m, o1) = acc.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.subtractingReportingOverflow(Int64(d - 0x30))
                overflow = overflow || o1 || o2
                acc = s
                position += 1
            }
        }
        if let c = peek(), c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            return try fraction(from: start)
        }
        if let c = peek(), c >= 0x30, c <= 0x39 { throw JSONError(.syntax, at: position) }  // leading zero
        if negative { if overflow { throw JSONError(.number, at: start) }; return acc }
        guard !overflow, acc != Int64.min else { throw JSONError(.number, at: start) }
        return -acc
    }

    /// A number with a fraction or exponent: accepted only if it is an exact integer in range.
    mutating func fraction(from start: Int) throws(JSONError) -> Int64 {
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let d = peek(), d >= 0x30, d <= 0x39 else { throw JSONError(.syntax, at: position) }
            while let d = peek(), d >= 0x30, d <= 0x39 { position += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            position += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { position += 1 }
            guard let d = peek(), d >= 0x30, d <= 0x39 else { throw JSONError(.syntax, at: position) }
            while let d = peek(), d >= 0x30, d <= 0x39 { position += 1 }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: buf[start..<position]), as: UTF8.self)
        // Below 2^53 every integer is exact in a Double, so nothing is silently rounded.
        guard let d = Double(text), d.rounded() == d, abs(d) < 9_007_199_254_740_992 else {
            throw JSONError(.number, at: start)
        }
        return Int64(d)
    }

    mutating func string() throws(JSONError) -> String {
        let start = position
        position += 1
        // Fast path: no escapes, so the text is a slice of the input.
        var i = position
        while i < buf.count {
            let c = buf[i]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: buf[position..<i])
                guard UTF8Validation.isValid(slice) else { throw JSONError(.syntax, at: position) }
                position = i + 1
                return String(unsafeUninitializedCapacity: slice.count) { dst in
                    _ = dst.initialize(from: slice)
                    return slice.count
                }
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            i += 1
        }
        guard i < buf.count else { throw JSONError(.syntax, at: start) }
        return try escapedString(from: start)
    }

    mutating func hex4() throws(JSONError) -> UInt32 {
        guard buf.count - position >= 4 else { throw JSONError(.syntax, at: position) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = buf[position]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw JSONError(.syntax, at: position)
            }
            v = v << 4 | UInt32(d)
            position += 1
        }
        return v
    }

    mutating func escapedString(from start: Int) throws(JSONError) -> String {
        var out = [UInt8]()
        while true {
            guard position < buf.count else { throw JSONError(.syntax, at: start) }
            let c = buf[position]
            position += 1
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { throw JSONError(.syntax, at: position - 1) }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                continue
            }
            guard position < buf.count else { throw JSONError(.syntax, at: start) }
            let e = buf[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard buf.count - position >= 6, buf[position] == UInt8(ascii: "\\"),
                        buf[position + 1] == UInt8(ascii: "u")
                    else { throw JSONError(.syntax, at: position) }
                    position += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw JSONError(.syntax, at: position) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw JSONError(.syntax, at: position)
                }
                out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            default: throw JSONError(.syntax, at: position - 1)
            }
        }
        guard out.withUnsafeBytes({ UTF8Validation.isValid($0) }) else { throw JSONError(.syntax, at: start) }
        return String(decoding: out, as: UTF8.self)
    }
}
