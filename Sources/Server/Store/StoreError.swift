// StoreError.swift: the one error type of the SQL control plane.
// Book: docs/11-sql-schema.md.

/// What went wrong in the control-plane database.
///
/// Descriptions never hold bound values (handles, emails, hashes, tokens): only paths, migration names,
/// table/column names and SQLite's own message, which names columns but not values.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file could not be opened or is not a SQLite database.
    case unreadable(path: String, reason: String)
    /// The file was written by a newer server: it records migrations this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A migration failed; it was rolled back and the store was not opened.
    case migrationFailed(name: String, reason: String)
    /// The store was closed before or while the call waited for a connection.
    case closed

    /// Another account already has this handle.
    case handleTaken
    /// Another account already has this email address.
    case emailTaken
    /// An account with this DID already exists.
    case accountExists
    /// No account has this DID.
    case accountNotFound
    /// The invite code does not exist, is disabled, is used up, or was already used by this account.
    case inviteCodeUnavailable
    /// An invite code with this text already exists.
    case inviteCodeExists
    /// A refresh token with this id already exists.
    case refreshTokenExists
    /// The account already has an app password with this name.
    case appPasswordExists
    /// Another email token for the same purpose has the same text.
    case emailTokenExists
    /// A PLC operation with this CID or sequence number is already recorded for the DID.
    case plcOperationConflict
    /// A row points at a row that does not exist (a foreign key failed).
    case missingReference

    /// Any other constraint failure: the constrained columns as SQLite names them (`table.column, ...`).
    case constraint(columns: String)
    /// Any other database failure: SQLite's result code name and message.
    case database(code: String, message: String)

    /// A one-line account of the error, without any bound value.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "control database at \(path) is unreadable: \(reason)"
        case .newerSchema(let path, let names):
            "control database at \(path) has migrations this server does not know: \(names.joined(separator: ", "))"
        case .migrationFailed(let name, let reason): "migration \(name) failed: \(reason)"
        case .closed: "control store is closed"
        case .handleTaken: "handle already taken"
        case .emailTaken: "email already taken"
        case .accountExists: "account already exists"
        case .accountNotFound: "account not found"
        case .inviteCodeUnavailable: "invite code not available"
        case .inviteCodeExists: "invite code already exists"
        case .refreshTokenExists: "refresh token id already exists"
        case .appPasswordExists: "app password name already in use"
        case .emailTokenExists: "email token collision"
        case .plcOperationConflict: "PLC operation conflicts with a recorded one"
        case .missingReference: "referenced row does not exist"
        case .constraint(let columns): "constraint failed on \(columns)"
        case .database(let code, let message): "database error \(code): \(message)"
        }
    }
}
