// AppPasswordStoreTests.swift: app password rows created, listed, looked up and deleted.
// Book: docs/11-sql-schema.md.
import Foundation
import Testing

@testable import Server

@Suite("ControlStore app passwords")
struct AppPasswordStoreTests {
    @Test func createListLookUpDelete() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            let did = "did:plc:test1"
            let phone = AppPasswordRow(did: did, name: "phone", passwordHash: "h-phone", createdAt: storeTestDate(1))
            let chat = AppPasswordRow(
                did: did, name: "chat", passwordHash: "h-chat", createdAt: storeTestDate(2), privileged: true)
            try await store.createAppPassword(phone)
            try await store.createAppPassword(chat)

            #expect(try await store.appPasswords(did: did) == [phone, chat])
            #expect(try await store.appPassword(did: did, name: "chat") == chat)
            #expect(try await store.appPassword(did: did, passwordHash: "h-phone") == phone)
            #expect(try await store.appPassword(did: did, passwordHash: "wrong") == nil)
            #expect(try await store.appPasswords(did: "did:plc:other").isEmpty)
            #expect(!chat.description.contains("h-chat"))

            #expect(try await store.deleteAppPassword(did: did, name: "phone"))
            #expect(try await store.deleteAppPassword(did: did, name: "phone") == false)
            #expect(try await store.appPasswords(did: did) == [chat])
        }
    }

    @Test func duplicateNamesAndUnknownAccountsAreTypedErrors() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            try await store.createAppPassword(AppPasswordRow(did: "did:plc:test1", name: "x", passwordHash: "1"))
            await #expect(throws: StoreError.appPasswordExists) {
                try await store.createAppPassword(AppPasswordRow(did: "did:plc:test1", name: "x", passwordHash: "2"))
            }
            await #expect(throws: StoreError.missingReference) {
                try await store.createAppPassword(AppPasswordRow(did: "did:plc:nobody", name: "x", passwordHash: "3"))
            }
            // The same name under another account is fine.
            try await store.createAccount(testAccount(2))
            try await store.createAppPassword(AppPasswordRow(did: "did:plc:test2", name: "x", passwordHash: "4"))
        }
    }
}
