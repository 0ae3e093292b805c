// InviteCode.swift: rows of `invite_code` and `invite_code_use`.
// Book: docs/11-sql-schema.md.
import Foundation
import SQLKit

/// An invite code to mint: the text is made by the caller (`<host>-xxxxx-xxxxx`).
public struct NewInviteCode: Sendable, Hashable {
    /// The code text (primary key).
    public var code: String
    /// How many accounts may sign up with it.
    public var uses: Int
    /// The DID the code belongs to, or `admin` for codes an operator minted.
    public var forAccount: String
    /// Who minted it: `admin`, or the DID of the account it was generated for.
    public var createdBy: String
    /// Creation time.
    public var createdAt: Date

    /// A code to insert.
    public init(
        code: String, uses: Int, forAccount: String = "admin", createdBy: String = "admin",
        createdAt: Date = Date()
    ) {
        self.code = code
        self.uses = uses
        self.forAccount = forAccount
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// One account's use of an invite code.
public struct InviteCodeUse: Sendable, Hashable {
    /// The code used.
    public var code: String
    /// The DID that signed up with it.
    public var usedBy: String
    /// When.
    public var usedAt: Date

    init(row: any SQLRow) throws {
        code = try row.decode(column: "code", as: String.self)
        usedBy = try row.decode(column: "used_by", as: String.self)
        usedAt = try row.date("used_at")
    }
}

/// An invite code with its uses so far.
public struct InviteCode: Sendable, Hashable {
    /// The code text.
    public var code: String
    /// Uses left: the number minted minus the uses recorded. The lexicon's `available` (uses minted) is
    /// `remainingUses + uses.count`.
    public var remainingUses: Int
    /// Whether an operator or moderator disabled it.
    public var disabled: Bool
    /// The DID the code belongs to, or `admin`.
    public var forAccount: String
    /// Who minted it.
    public var createdBy: String
    /// Creation time.
    public var createdAt: Date
    /// The accounts that used it, oldest first.
    public var uses: [InviteCodeUse]

    /// A code from its fields (tests).
    init(
        code: String, remainingUses: Int, disabled: Bool, forAccount: String, createdBy: String, createdAt: Date,
        uses: [InviteCodeUse] = []
    ) {
        self.code = code
        self.remainingUses = remainingUses
        self.disabled = disabled
        self.forAccount = forAccount
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.uses = uses
    }

    init(row: any SQLRow, uses: [InviteCodeUse]) throws {
        code = try row.decode(column: "code", as: String.self)
        remainingUses = Int(try row.decode(column: "available_uses", as: Int64.self))
        disabled = try row.decode(column: "disabled", as: Bool.self)
        forAccount = try row.decode(column: "for_account", as: String.self)
        createdBy = try row.decode(column: "created_by", as: String.self)
        createdAt = try row.date("created_at")
        self.uses = uses
    }
}

/// Where a page of `listInviteCodes` ended: pass it back to get the next (older) page.
public struct InviteCodeCursor: Sendable, Hashable {
    /// Creation time of the last code on the page.
    public var createdAt: Date
    /// Text of the last code on the page.
    public var code: String

    /// A cursor.
    public init(createdAt: Date, code: String) {
        self.createdAt = createdAt
        self.code = code
    }
}
