// ATIdentifier.swift: a DID or a handle, as accepted where atproto takes either. Book: docs/01-atproto.md.

/// An account identifier: a DID or a handle.
public enum ATIdentifier: Hashable, Sendable, CustomStringConvertible, Codable {
    /// A DID.
    case did(DID)
    /// A handle (lower case).
    case handle(Handle)

    /// Parses `string` as a DID if it starts with `did:`, otherwise as a handle.
    public init(_ string: String) throws {
        do {
            if string.utf8.starts(with: "did:".utf8) {
                self = .did(try DID(string))
            } else {
                self = .handle(try Handle(string))
            }
        } catch let error as SyntaxError {
            throw error.reported(as: .atIdentifier, input: string)
        }
    }

    /// The DID, if this is one.
    public var did: DID? {
        if case .did(let did) = self { return did }
        return nil
    }

    /// The handle, if this is one.
    public var handle: Handle? {
        if case .handle(let handle) = self { return handle }
        return nil
    }

    /// The DID or (lower-case) handle string.
    public var description: String {
        switch self {
        case .did(let did): did.string
        case .handle(let handle): handle.string
        }
    }

    /// Decodes an identifier from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try ATIdentifier($0) }
    }

    /// Encodes the identifier as a single string.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(description, to: encoder) }
}
