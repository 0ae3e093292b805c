// AccountStoreTests.swift: account rows round-trip, lookups, updates, and unique keys mapped to typed errors.
// Book: docs/11-sql-schema.md.
import Foundation
import Testing

@testable import Server

@Suite("ControlStore accounts")
struct AccountStoreTests {
    @Test func createThenLookUpByDIDHandleAndEmail() async throws {
        try await withTestStore { store in
            let created = try await store.createAccount(
                NewAccount(
                    did: "did:plc:abc", handle: "Alice.Test", email: "Alice@Example.COM", passwordHash: "s:h",
                    createdAt: storeTestDate(5)))
            #expect(created.did == "did:plc:abc")
            #expect(created.handle == "alice.test")
            #expect(created.email == "alice@example.com")
            #expect(created.passwordHash == "s:h")
            #expect(created.createdAt == storeTestDate(5))
            #expect(created.emailConfirmedAt == nil && created.deactivatedAt == nil && created.takedownRef == nil)
            #expect(created.invitesDisabled == false)
            #expect(created.isActive)

            #expect(try await store.account(did: "did:plc:abc") == created)
            #expect(try await store.account(handle: "ALICE.test") == created)
            #expect(try await store.account(email: "alice@EXAMPLE.com") == created)
            #expect(try await store.account(did: "did:plc:nobody") == nil)
            #expect(try await store.account(handle: "nobody.test") == nil)
        }
    }

    @Test func descriptionsLeaveOutEmailAndHash() async throws {
        try await withTestStore { store in
            let row = try await store.createAccount(testAccount(1))
            #expect(!row.description.contains("example.com"))
            #expect(!row.description.contains("hash1"))
            #expect(!testAccount(1).description.contains("hash1"))
        }
    }

    @Test func duplicateKeysMapToTypedErrors() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            await #expect(throws: StoreError.handleTaken) {
                try await store.createAccount(testAccount(2, handle: "USER1.test"))
            }
            await #expect(throws: StoreError.emailTaken) {
                try await store.createAccount(testAccount(2, email: "User1@Example.com"))
            }
            await #expect(throws: StoreError.accountExists) {
                try await store.createAccount(
                    NewAccount(did: "did:plc:test1", handle: "other.test", email: "o@x.com", passwordHash: nil))
            }
            // Accounts without a handle or email do not collide with each other.
            try await store.createAccount(NewAccount(did: "did:plc:n1", handle: nil, email: nil, passwordHash: nil))
            try await store.createAccount(NewAccount(did: "did:plc:n2", handle: nil, email: nil, passwordHash: nil))
        }
    }

    @Test func racingSignupsForOneHandleLetExactlyOneWin() async throws {
        try await withTestStore { store in
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        do {
                            try await store.createAccount(testAccount(i, handle: "contested.test"))
                            return true
                        } catch StoreError.handleTaken {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
        }
    }

    @Test func updatesHandleEmailAndPassword() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            try await store.createAccount(testAccount(2))
            try await store.confirmEmail(did: "did:plc:test1", at: storeTestDate(50))
            #expect(try await store.account(did: "did:plc:test1")?.emailConfirmedAt == storeTestDate(50))

            try await store.updateHandle(did: "did:plc:test1", handle: "Renamed.Test")
            #expect(try await store.account(handle: "renamed.test")?.did == "did:plc:test1")
            #expect(try await store.account(handle: "user1.test") == nil)
            await #expect(throws: StoreError.handleTaken) {
                try await store.updateHandle(did: "did:plc:test1", handle: "user2.test")
            }

            try await store.updateEmail(did: "did:plc:test1", email: "New@Example.com")
            let updated = try await store.account(did: "did:plc:test1")
            #expect(updated?.email == "new@example.com")
            #expect(updated?.emailConfirmedAt == nil)
            await #expect(throws: StoreError.emailTaken) {
                try await store.updateEmail(did: "did:plc:test1", email: "user2@example.com")
            }

            try await store.updatePassword(did: "did:plc:test1", passwordHash: "new:hash")
            #expect(try await store.account(did: "did:plc:test1")?.passwordHash == "new:hash")

            await #expect(throws: StoreError.accountNotFound) {
                try await store.updateHandle(did: "did:plc:missing", handle: "x.test")
            }
            await #expect(throws: StoreError.accountNotFound) {
                try await store.updatePassword(did: "did:plc:missing", passwordHash: "x")
            }
        }
    }

    @Test func statusFlagsRoundTrip() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            try await store.setDeactivated(did: "did:plc:test1", at: storeTestDate(10), deleteAfter: storeTestDate(99))
            var row = try #require(try await store.account(did: "did:plc:test1"))
            #expect(row.deactivatedAt == storeTestDate(10) && row.deleteAfter == storeTestDate(99) && !row.isActive)

            try await store.setDeactivated(did: "did:plc:test1", at: nil)
            row = try #require(try await store.account(did: "did:plc:test1"))
            #expect(row.deactivatedAt == nil && row.deleteAfter == nil && row.isActive)

            try await store.setTakedown(did: "did:plc:test1", ref: "mod-42")
            #expect(try await store.account(did: "did:plc:test1")?.takedownRef == "mod-42")
            try await store.setTakedown(did: "did:plc:test1", ref: nil)
            #expect(try await store.account(did: "did:plc:test1")?.isActive == true)

            try await store.setInvitesDisabled(did: "did:plc:test1", true)
            #expect(try await store.account(did: "did:plc:test1")?.invitesDisabled == true)
        }
    }

    @Test func createdDeactivatedForMigration() async throws {
        try await withTestStore { store in
            var account = testAccount(1)
            account.deactivatedAt = storeTestDate(1)
            account.deleteAfter = storeTestDate(3 * 86400)
            let row = try await store.createAccount(account)
            #expect(row.deactivatedAt == storeTestDate(1) && row.deleteAfter == storeTestDate(3 * 86400))
        }
    }

    @Test func deletingAnAccountCascadesToItsSessionsAndSecrets() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            try await store.createAppPassword(AppPasswordRow(did: "did:plc:test1", name: "phone", passwordHash: "ap"))
            try await store.insertRefreshToken(
                RefreshTokenRow(id: "r1", did: "did:plc:test1", expiresAt: storeTestDate(1000)))
            try await store.putEmailToken(purpose: .confirmEmail, did: "did:plc:test1", token: "AAAAA-BBBBB")
            try await store.createInviteCodes([NewInviteCode(code: "c1", uses: 1)])
            try await store.useInviteCode("c1", by: "did:plc:test1")

            #expect(try await store.deleteAccount(did: "did:plc:test1"))
            #expect(try await store.deleteAccount(did: "did:plc:test1") == false)
            #expect(try await store.account(did: "did:plc:test1") == nil)
            #expect(try await store.appPasswords(did: "did:plc:test1").isEmpty)
            #expect(try await store.refreshToken(id: "r1") == nil)
            #expect(try await store.emailToken(purpose: .confirmEmail, did: "did:plc:test1") == nil)
            // Invite history stays: the use still counts against the code.
            #expect(try await store.inviteCodeUse(by: "did:plc:test1")?.code == "c1")
        }
    }
}
