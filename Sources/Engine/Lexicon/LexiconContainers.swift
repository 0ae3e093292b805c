// LexiconContainers.swift: the schemas that hold other values: array, object, union.
// Book: docs/09-lexicons.md ("The schema model").

/// An array field.
public struct LexiconArray: Sendable, Equatable {
    /// The schema of every item.
    public var items: LexiconType
    /// Fewest items.
    public var minLength: Int?
    /// Most items.
    public var maxLength: Int?

    /// An array schema.
    public init(items: LexiconType, minLength: Int? = nil, maxLength: Int? = nil) {
        self.items = items
        self.minLength = minLength
        self.maxLength = maxLength
    }
}

/// One named property of an object or of query parameters.
public struct LexiconProperty: Sendable, Equatable {
    /// The key.
    public var name: String
    /// The schema of its value.
    public var type: LexiconType
    /// Whether the key must be present.
    public var isRequired: Bool
    /// Whether `null` is accepted in place of a value.
    public var isNullable: Bool

    /// A property.
    public init(name: String, type: LexiconType, isRequired: Bool = false, isNullable: Bool = false) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.isNullable = isNullable
    }
}

/// An object field: a map whose listed keys are checked. Keys not listed are allowed and not checked.
public struct LexiconObject: Sendable, Equatable {
    /// The listed properties, in canonical key order.
    public var properties: [LexiconProperty]

    /// An object schema.
    public init(properties: [LexiconProperty]) {
        self.properties = properties
    }
}

/// A union: the value is an object whose `$type` names one of `refs`.
public struct LexiconUnion: Sendable, Equatable {
    /// One allowed definition.
    public struct Member: Sendable, Equatable {
        /// Canonical name, `nsid#name`.
        public var ref: String
        /// The `$type` a value carries for it: `nsid` for a `main` definition, else `nsid#name`.
        public var typeName: String

        /// A member for a canonical ref.
        public init(ref: String) {
            self.ref = ref
            self.typeName = ref.hasSuffix("#main") ? String(ref.dropLast(5)) : ref
        }

        /// Whether a value's `$type` names this member (`nsid` and `nsid#main` are the same).
        @inlinable public func matches(_ type: String) -> Bool { type == typeName || type == ref }
    }

    /// The allowed definitions.
    public var members: [Member]
    /// Closed unions reject a `$type` not listed; open ones (the default) accept it.
    public var isClosed: Bool

    /// A union schema from canonical refs.
    public init(refs: [String], isClosed: Bool = false) {
        self.members = refs.map(Member.init(ref:))
        self.isClosed = isClosed
    }
}
