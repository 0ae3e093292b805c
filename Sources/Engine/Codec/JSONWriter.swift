// JSONWriter.swift: writes IPLD values as compact atproto JSON.
// Book: docs/05-cid-dag-cbor.md ("The JSON form").

/// Appends JSON text for IPLD values.
struct JSONWriter {
    var out: [UInt8] = []

    static let hex = Array("0123456789abcdef".utf8)

    mutating func raw(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                out.append(JSONWriter.hex[Int(c >> 4)])
                out.append(JSONWriter.hex[Int(c & 15)])
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    mutating func write(_ v: IPLD) {
        switch v {
        case .null: raw("null")
        case .bool(let b): b ? raw("true") : raw("false")
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): string(s)
        case .bytes(let b):
            raw("{\"$bytes\":")
            string(Base64.encode(b))
            out.append(UInt8(ascii: "}"))
        case .link(let c):
            raw("{\"$link\":")
            string(c.string)
            out.append(UInt8(ascii: "}"))
        case .list(let l):
            out.append(UInt8(ascii: "["))
            for (i, e) in l.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(e)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let m):
            out.append(UInt8(ascii: "{"))
            for (i, e) in m.entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(e.key)
                out.append(UInt8(ascii: ":"))
                write(e.value)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
