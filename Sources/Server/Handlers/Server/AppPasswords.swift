// AppPasswords.swift: com.atproto.server.createAppPassword, listAppPasswords, revokeAppPassword.
// Book: docs/13-sessions-and-auth.md ("App passwords").
import Engine
import Foundation

extension ServerHandlers {
    /// The longest app password name accepted.
    static let maxAppPasswordName = 100

    /// Makes a named app password and answers with it, once; only its hash is kept. Refused to
    /// app-password sessions (an app password can not mint others), as the reference.
    @Sendable static func createAppPassword(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true)
        let input = BodyFields(try call.jsonBody())
        let name = try input.requiredString("name").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= maxAppPasswordName else {
            throw XRPCError.invalidRequest("name must be 1 to \(maxAppPasswordName) characters")
        }
        let privileged = try input.bool("privileged") ?? false
        let pds = call.pds
        _ = try await pds.liveAccount(did: auth.did)
        let password = PasswordHash.newAppPassword()
        let did = auth.did
        let hash = try await pds.blocking { try PasswordHash.appPassword(password, did: did) }
        let row = AppPasswordRow(did: did, name: name, passwordHash: hash, privileged: privileged)
        do { try await pds.control.createAppPassword(row) } catch StoreError.appPasswordExists {
            throw XRPCError.invalidRequest("An app password with this name already exists")
        }
        return .json(
            .object([
                ("name", .string(name)), ("password", .string(password)),
                ("createdAt", .string(StoreTime.datetime(row.createdAt))), ("privileged", .bool(privileged)),
            ]))
    }

    /// The account's app passwords: names, creation times and whether privileged (never the password).
    @Sendable static func listAppPasswords(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let rows = try await call.pds.control.appPasswords(did: auth.did)
        let list: [IPLD] = rows.map { row in
            .map(
                try! IPLDMap([
                    ("name", .string(row.name)),
                    ("createdAt", .string(StoreTime.datetime(row.createdAt))),
                    ("privileged", .bool(row.privileged)),
                ]))
        }
        return .json(.object([("passwords", .list(list))]))
    }

    /// Deletes an app password by name; the sessions opened with it can no longer be refreshed (their
    /// refresh tokens go with it). Unknown names are not an error, as the reference.
    @Sendable static func revokeAppPassword(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access()
        let name = try BodyFields(try call.jsonBody()).requiredString("name")
        try await call.pds.control.deleteAppPassword(did: auth.did, name: name)
        return .empty
    }
}
