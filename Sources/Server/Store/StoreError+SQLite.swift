// StoreError+SQLite.swift: the one place SQLite's errors become `StoreError`s.
// Book: docs/11-sql-schema.md.
import SQLiteKit

extension StoreError {
    /// Unique keys whose violation means something to a caller, by the columns SQLite names in
    /// "UNIQUE constraint failed: table.col, table.col". The index names in `ControlSchema` are the keys a
    /// PostgreSQL mapping will use for the same rows.
    static let uniqueViolations: [String: StoreError] = [
        "account.did": .accountExists,
        "account.handle": .handleTaken,
        "account.email": .emailTaken,
        "invite_code.code": .inviteCodeExists,
        "invite_code_use.code, invite_code_use.used_by": .inviteCodeUnavailable,
        "refresh_token.id": .refreshTokenExists,
        "app_password.did, app_password.name": .appPasswordExists,
        "email_token.purpose, email_token.token": .emailTokenExists,
        "plc_operation.did, plc_operation.seq": .plcOperationConflict,
        "plc_operation.did, plc_operation.cid": .plcOperationConflict,
    ]

    /// The typed form of a SQLite error.
    init(_ error: SQLiteError) {
        switch error.reason {
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed:
            let columns = Self.constrainedColumns(error.message)
            self = Self.uniqueViolations[columns] ?? .constraint(columns: columns)
        case .constraintForeignKeyFailed:
            self = .missingReference
        case .constraint, .constraintCheckFailed, .constraintNotNullFailed:
            self = .constraint(columns: Self.constrainedColumns(error.message))
        default:
            self = .database(code: "\(error.reason)", message: error.message)
        }
    }

    /// The column list of a constraint message ("UNIQUE constraint failed: a.b, a.c" -> "a.b, a.c").
    static func constrainedColumns(_ message: String) -> String {
        guard let range = message.range(of: "failed: ") else { return message }
        return String(message[range.upperBound...])
    }

    /// Runs `body`, turning any `SQLiteError` it throws into a `StoreError`; other errors pass unchanged.
    static func mapping<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as SQLiteError {
            throw StoreError(error)
        }
    }
}
