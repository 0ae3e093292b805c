// LexiconPermissionSet.swift: permission sets, the bundles of OAuth scopes a lexicon can publish.
// Book: docs/09-lexicons.md ("The schema model").

/// A named bundle of permissions an OAuth client can ask for in one scope.
public struct LexiconPermissionSet: Sendable, Equatable {
    /// A short title shown to the user.
    public var title: String?
    /// A longer explanation shown to the user.
    public var detail: String?
    /// The permissions granted.
    public var permissions: [LexiconPermission]

    /// A permission set.
    public init(title: String? = nil, detail: String? = nil, permissions: [LexiconPermission]) {
        self.title = title
        self.detail = detail
        self.permissions = permissions
    }
}

/// One permission of a permission set.
public struct LexiconPermission: Sendable, Equatable {
    /// What it applies to: `repo`, `rpc`, `blob`, `account` or `identity`.
    public var resource: String
    /// For `repo`: the collections (NSIDs, or `*`).
    public var collection: [String]
    /// For `repo`: `create`, `update`, `delete`; for `account`/`identity`: one action.
    public var action: [String]
    /// For `rpc`: the methods (NSIDs, or `*`).
    public var lxm: [String]
    /// For `rpc`: the service the calls go to (`did#service` or `*`).
    public var aud: String?
    /// For `rpc`: take the audience from the scope that includes this set.
    public var inheritAud: Bool
    /// For `blob`: accepted MIME patterns.
    public var accept: [String]
    /// For `account`/`identity`: the attribute.
    public var attr: String?

    /// A permission.
    public init(
        resource: String, collection: [String] = [], action: [String] = [], lxm: [String] = [], aud: String? = nil,
        inheritAud: Bool = false, accept: [String] = [], attr: String? = nil
    ) {
        self.resource = resource
        self.collection = collection
        self.action = action
        self.lxm = lxm
        self.aud = aud
        self.inheritAud = inheritAud
        self.accept = accept
        self.attr = attr
    }
}
