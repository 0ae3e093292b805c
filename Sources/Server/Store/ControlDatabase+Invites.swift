// ControlDatabase+Invites.swift: minting, using, listing and disabling invite codes.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

extension ControlDatabase {
    /// Inserts the codes, all or none. Throws `StoreError.inviteCodeExists` if any text is already taken.
    public func createInviteCodes(_ codes: [NewInviteCode]) async throws {
        guard !codes.isEmpty else { return }
        try await atomically { db in try await Self.insert(codes, disabled: false, db) }
    }

    /// The INSERTs of `createInviteCodes`, on `db`.
    static func insert(_ codes: [NewInviteCode], disabled: Bool, _ db: any SQLDatabase) async throws {
        // 6 binds a row; 500 rows stay far below SQLite's and PostgreSQL's bind limits.
        for start in stride(from: 0, to: codes.count, by: 500) {
            var insert = db.insert(into: "invite_code")
                .columns("code", "available_uses", "disabled", "for_account", "created_by", "created_at")
            for code in codes[start..<min(start + 500, codes.count)] {
                insert = insert.values(
                    code.code, Int64(code.uses), disabled, code.forAccount, code.createdBy,
                    StoreTime.millis(code.createdAt))
            }
            try await insert.run()
        }
    }

    /// Records that `did` signed up with `code`, taking one use, atomically: the use is inserted in the same
    /// transaction as the decrement, and the decrement only matches a row with uses left, so of many racing
    /// callers exactly as many succeed as there were uses. Throws `StoreError.inviteCodeUnavailable` if the
    /// code is unknown, disabled, used up, owned by a taken-down account, or already used by `did`.
    public func useInviteCode(_ code: String, by did: String, at date: Date = Date()) async throws {
        try await atomically { db in
            guard
                let row = try await db.select().column("for_account").from("invite_code")
                    .where("code", .equal, code).first()
            else { throw StoreError.inviteCodeUnavailable }
            let owner = try row.decode(column: "for_account", as: String.self)
            let ownerTakenDown =
                try await db.select().column("did").from("account")
                .where("did", .equal, owner).where("takedown_ref", .isNot, SQLLiteral.null).first() != nil
            guard !ownerTakenDown else { throw StoreError.inviteCodeUnavailable }

            let taken = try await db.update("invite_code")
                .set(
                    "available_uses",
                    to: SQLBinaryExpression(SQLIdentifier("available_uses"), .subtract, SQLLiteral.numeric("1"))
                )
                .where("code", .equal, code)
                .where("disabled", .equal, false)
                .where("available_uses", .greaterThan, Int64(0))
                .returning("code").first()
            guard taken != nil else { throw StoreError.inviteCodeUnavailable }
            // A second use by the same DID violates the (code, used_by) key: mapped to inviteCodeUnavailable,
            // and the savepoint or transaction undoes the decrement.
            try await db.insert(into: "invite_code_use").columns("code", "used_by", "used_at")
                .values(code, did, StoreTime.millis(date))
                .run()
        }
    }

    /// The code with its uses, or nil.
    public func inviteCode(_ code: String) async throws -> InviteCode? {
        try await read { db in
            try await Self.withUses(db, db.select().column("*").from("invite_code").where("code", .equal, code).all())
                .first
        }
    }

    /// The codes that belong to an account (or to `admin`), newest first.
    public func inviteCodes(forAccount did: String) async throws -> [InviteCode] {
        try await read { db in
            try await Self.withUses(
                db,
                db.select().column("*").from("invite_code").where("for_account", .equal, did)
                    .orderBy("created_at", .descending).orderBy("code", .descending).all())
        }
    }

    /// One page of all codes, newest first, and the cursor for the next page (nil on the last one).
    public func listInviteCodes(
        limit: Int, after cursor: InviteCodeCursor? = nil
    ) async throws -> (codes: [InviteCode], next: InviteCodeCursor?) {
        try await read { db in
            var query = db.select().column("*").from("invite_code")
            if let cursor {
                let millis = StoreTime.millis(cursor.createdAt)
                query = query.where { group in
                    group.where("created_at", .lessThan, millis).orWhere { inner in
                        inner.where("created_at", .equal, millis).where("code", .lessThan, cursor.code)
                    }
                }
            }
            let rows = try await query.orderBy("created_at", .descending).orderBy("code", .descending)
                .limit(max(1, limit)).all()
            let codes = try await Self.withUses(db, rows)
            let full = codes.count == max(1, limit)
            let next = full ? codes.last.map { InviteCodeCursor(createdAt: $0.createdAt, code: $0.code) } : nil
            return (codes, next)
        }
    }

    /// The use through which `did` signed up, if it used a code.
    public func inviteCodeUse(by did: String) async throws -> InviteCodeUse? {
        try await read { db in
            try await db.select().column("*").from("invite_code_use").where("used_by", .equal, did)
                .orderBy("used_at").first().map(InviteCodeUse.init(row:))
        }
    }

    /// Disables the listed codes and every code belonging to the listed accounts. Returns how many changed.
    @discardableResult
    public func disableInviteCodes(codes: [String] = [], forAccounts accounts: [String] = []) async throws -> Int {
        guard !codes.isEmpty || !accounts.isEmpty else { return 0 }
        return try await write { db in
            try await db.update("invite_code").set("disabled", to: true)
                .where { group in
                    var group = group
                    if !codes.isEmpty { group = group.orWhere("code", .in, codes) }
                    if !accounts.isEmpty { group = group.orWhere("for_account", .in, accounts) }
                    return group
                }
                .returning("code").all().count
        }
    }

    /// Attaches each code's uses, fetched in one query.
    static func withUses(_ db: any SQLDatabase, _ rows: [any SQLRow]) async throws -> [InviteCode] {
        guard !rows.isEmpty else { return [] }
        let codes = try rows.map { try $0.decode(column: "code", as: String.self) }
        var uses: [InviteCodeUse] = []
        for start in stride(from: 0, to: codes.count, by: 500) {
            let chunk = Array(codes[start..<min(start + 500, codes.count)])
            uses += try await db.select().column("*").from("invite_code_use").where("code", .in, chunk)
                .orderBy("used_at").orderBy("used_by").all().map(InviteCodeUse.init(row:))
        }
        let byCode = Dictionary(grouping: uses, by: \.code)
        return try zip(rows, codes).map { try InviteCode(row: $0, uses: byCode[$1] ?? []) }
    }
}

extension ControlDatabase {
    /// Inserts codes an account earned, disabled at once if `disabled` (they still count against
    /// its quota), provided it then holds exactly `total` earned codes; otherwise nothing changes
    /// and `StoreError.inviteCodeExists` is thrown (a racing request created codes first).
    public func createEarnedInviteCodes(_ codes: [NewInviteCode], for did: String, total: Int, disabled: Bool)
        async throws
    {
        try await atomically { db in
            let held =
                try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("invite_code")
                .where("for_account", .equal, did).where("created_by", .notEqual, "admin")
                .first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
            guard held + codes.count == total else { throw StoreError.inviteCodeExists }
            try await Self.insert(codes, disabled: disabled, db)
        }
    }
}
