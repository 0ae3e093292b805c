// CBORError.swift: why bytes are not strict atproto DAG-CBOR.
// Book: docs/05-cid-dag-cbor.md.
import CEngine

/// A DAG-CBOR decoding failure: what rule broke, and the byte offset of the item that broke it.
public struct CBORError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule that was broken.
    public enum Kind: Sendable, Equatable {
        case truncated, nonMinimal, indefiniteLength, float, simpleValue, tag, badLink, invalidUTF8
        case keyNotString, keyOrder, duplicateKey, tooDeep, integerRange, lengthTooLarge, reserved
        case trailingBytes
    }

    /// The rule that was broken.
    public let kind: Kind
    /// Byte offset of the offending item.
    public let offset: Int

    /// An error.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    init(_ r: cengine_cbor_result) {
        let k: Kind =
            switch r.status {
            case CENGINE_CBOR_TRUNCATED: .truncated
            case CENGINE_CBOR_NON_MINIMAL: .nonMinimal
            case CENGINE_CBOR_INDEFINITE: .indefiniteLength
            case CENGINE_CBOR_FLOAT: .float
            case CENGINE_CBOR_SIMPLE: .simpleValue
            case CENGINE_CBOR_TAG: .tag
            case CENGINE_CBOR_BAD_LINK: .badLink
            case CENGINE_CBOR_INVALID_UTF8: .invalidUTF8
            case CENGINE_CBOR_KEY_NOT_STRING: .keyNotString
            case CENGINE_CBOR_KEY_ORDER: .keyOrder
            case CENGINE_CBOR_DUPLICATE_KEY: .duplicateKey
            case CENGINE_CBOR_TOO_DEEP: .tooDeep
            case CENGINE_CBOR_INT_RANGE: .integerRange
            case CENGINE_CBOR_TOO_LARGE: .lengthTooLarge
            case CENGINE_CBOR_RESERVED: .reserved
            default: .trailingBytes
            }
        self.init(k, at: r.offset)
    }

    public var description: String { "DAG-CBOR \(kind) at byte \(offset)" }
}
