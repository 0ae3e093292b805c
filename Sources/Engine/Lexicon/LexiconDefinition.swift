// LexiconDefinition.swift: one named definition in a lexicon document, and the record type.
// Book: docs/09-lexicons.md ("The schema model").

/// A named definition (`defs.<name>` in a document).
///
/// The primary kinds (record, query, procedure, subscription, permission set) may only be named
/// `main`; the others are reusable pieces that refs and unions point at.
public enum LexiconDefinition: Sendable, Equatable {
    /// A record type: what a collection's records look like.
    case record(LexiconRecord)
    /// An XRPC query (HTTP GET).
    case query(LexiconQuery)
    /// An XRPC procedure (HTTP POST).
    case procedure(LexiconProcedure)
    /// An XRPC subscription (WebSocket event stream).
    case subscription(LexiconSubscription)
    /// A named bundle of OAuth permissions.
    case permissionSet(LexiconPermissionSet)
    /// A token: a name with no data, used as a string value (`"app.bsky.feed.defs#requestLess"`).
    case token
    /// A reusable value schema: object, string, array, integer…
    case value(LexiconType)

    /// The lexicon `type` name, for messages.
    public var typeName: String {
        switch self {
        case .record: "record"
        case .query: "query"
        case .procedure: "procedure"
        case .subscription: "subscription"
        case .permissionSet: "permission-set"
        case .token: "token"
        case .value(let t): t.typeName
        }
    }

    /// Whether this kind must be named `main`.
    public var isPrimary: Bool {
        switch self {
        case .record, .query, .procedure, .subscription, .permissionSet: true
        case .token, .value: false
        }
    }
}

/// A record type.
public struct LexiconRecord: Sendable, Equatable {
    /// Which record keys the collection uses.
    public var key: LexiconRecordKeyType
    /// The record's schema (always an object).
    public var record: LexiconObject

    /// A record type.
    public init(key: LexiconRecordKeyType, record: LexiconObject) {
        self.key = key
        self.record = record
    }
}

/// The record keys a record type allows (`"key"` in its schema).
public enum LexiconRecordKeyType: Sendable, Equatable {
    /// A TID.
    case tid
    /// An NSID.
    case nsid
    /// Any valid record key.
    case any
    /// Exactly this key (`literal:self`).
    case literal(String)

    /// Parses `tid`, `nsid`, `any` or `literal:<key>`.
    public init?(_ string: String) {
        switch string {
        case "tid": self = .tid
        case "nsid": self = .nsid
        case "any": self = .any
        default:
            guard string.hasPrefix("literal:") else { return nil }
            let key = String(string.dropFirst("literal:".count))
            guard (try? RecordKey(key)) != nil else { return nil }
            self = .literal(key)
        }
    }

    /// Whether `key` is allowed for this record type.
    public func accepts(_ key: RecordKey) -> Bool {
        switch self {
        case .any: true
        case .tid: (try? TID(key.string)) != nil
        case .nsid: (try? NSID(key.string)) != nil
        case .literal(let k): key.string == k
        }
    }
}
