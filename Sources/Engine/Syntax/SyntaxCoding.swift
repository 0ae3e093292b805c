// SyntaxCoding.swift: Codable support shared by the identifier types (each is one string). Book: docs/01-atproto.md.

/// Decoding of identifier types from a single JSON/CBOR string value.
enum SyntaxCoding {
    /// Decodes a string and validates it with `make`, mapping syntax errors to `DecodingError`.
    static func decode<T>(_ decoder: any Decoder, _ make: (String) throws -> T) throws -> T {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        do {
            return try make(string)
        } catch let error as SyntaxError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the identifier as a single string.
    static func encode(_ string: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}
