// IPLD.swift: the atproto data model as a Swift value.
// Book: docs/05-cid-dag-cbor.md.

/// One value of the atproto data model (the IPLD subset atproto allows).
///
/// There are no floats: atproto records carry integers only. Maps keep
/// their entries in canonical DAG-CBOR key order (see `IPLDMap`), so
/// encoding is a straight walk with no sorting.
public enum IPLD: Sendable, Hashable {
    /// null.
    case null
    /// true or false.
    case bool(Bool)
    /// A signed 64-bit integer.
    case int(Int64)
    /// UTF-8 text.
    case string(String)
    /// A byte string.
    case bytes([UInt8])
    /// A link to other content (CBOR tag 42). Boxed so other values stay small.
    indirect case link(CID)
    /// A list.
    case list([IPLD])
    /// A map with text keys.
    case map(IPLDMap)
}

extension IPLD {
    /// The string, if this is one.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The integer, if this is one.
    public var intValue: Int64? { if case .int(let i) = self { i } else { nil } }
    /// The boolean, if this is one.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The link, if this is one.
    public var linkValue: CID? { if case .link(let c) = self { c } else { nil } }
    /// The bytes, if this is a byte string.
    public var bytesValue: [UInt8]? { if case .bytes(let b) = self { b } else { nil } }
    /// The list, if this is one.
    public var listValue: [IPLD]? { if case .list(let l) = self { l } else { nil } }
    /// The map, if this is one.
    public var mapValue: IPLDMap? { if case .map(let m) = self { m } else { nil } }
    /// True for null.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value under `key` if this is a map.
    public subscript(key: String) -> IPLD? { mapValue?[key] }
}

// Not ExpressibleByNilLiteral: `map[key] != nil` must keep meaning "key present".
extension IPLD: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: IPLD...) { self = .list(elements) }
    /// Duplicate keys in a literal are a programmer error.
    public init(dictionaryLiteral elements: (String, IPLD)...) {
        guard let m = try? IPLDMap(elements) else { preconditionFailure("duplicate key in IPLD map literal") }
        self = .map(m)
    }
}
