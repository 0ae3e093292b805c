// ListRepos.swift: com.atproto.sync.listRepos. Book: docs/17-sync.md ("Listing repos").
import Engine
import SQLKit

extension SyncHandlers {
    /// Every hosted repo, in creation order: `{did, head, rev, active, status?}`; `limit` 1–1000
    /// (500); the cursor is the storage id of the last repo (opaque to clients).
    @Sendable static func listRepos(_ call: XRPCCall) async throws -> XRPCOutput {
        let limit = try call.int("limit", default: 500, in: 1...1000)
        var after: UInt64? = nil
        if let text = call.string("cursor"), !text.isEmpty {
            guard let n = UInt64(text) else { throw XRPCError.invalidRequest("Error: malformed cursor") }
            after = n
        }
        let storage = call.pds.storage
        let start = after
        let page = try await call.pds.blocking { try storage.listRepos(after: start, limit: limit) }
        let dids = page.map(\.did)
        let accounts: [String: AccountRow] = try await call.pds.control.read { db in
            guard !dids.isEmpty else { return [:] }
            let rows = try await db.select().column("*").from("account").where("did", .in, dids).all()
            var out: [String: AccountRow] = [:]
            for row in rows {
                let account = try AccountRow(row: row)
                out[account.did] = account
            }
            return out
        }
        var repos: [IPLD] = []
        for entry in page {
            guard let root = entry.root, let account = accounts[entry.did] else { continue }
            repos.append(
                .object([
                    ("did", .string(entry.did)), ("head", .string(root.commit.string)), ("rev", .string(root.rev)),
                    ("active", .bool(account.isActive)), ("status", account.status.map { .string($0) }),
                ]))
        }
        let cursor: IPLD? = page.count == limit ? page.last.map { .string(String($0.id)) } : nil
        return .json(.object([("repos", .list(repos)), ("cursor", cursor)]))
    }
}
