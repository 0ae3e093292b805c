// EmailTokenStoreTests.swift: one outstanding email token per purpose and account.
// Book: docs/11-sql-schema.md.
import Foundation
import Testing

@testable import Server

@Suite("ControlStore email tokens")
struct EmailTokenStoreTests {
    @Test func putReplacesAndLooksUpBothWays() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            let did = "did:plc:test1"
            try await store.putEmailToken(
                purpose: .resetPassword, did: did, token: "AAAAA-11111", requestedAt: storeTestDate(1))
            try await store.putEmailToken(
                purpose: .resetPassword, did: did, token: "BBBBB-22222", requestedAt: storeTestDate(2))
            let row = try #require(try await store.emailToken(purpose: .resetPassword, did: did))
            #expect(row.token == "BBBBB-22222" && row.requestedAt == storeTestDate(2) && row.purpose == .resetPassword)
            #expect(!row.description.contains("BBBBB"))
            #expect(try await store.emailToken(purpose: .resetPassword, token: "AAAAA-11111") == nil)
            #expect(try await store.emailToken(purpose: .resetPassword, token: "BBBBB-22222")?.did == did)
            #expect(try await store.emailToken(purpose: .confirmEmail, token: "BBBBB-22222") == nil)
        }
    }

    @Test func deleteOneOrAllAndTypedErrors() async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            try await store.createAccount(testAccount(2))
            let did = "did:plc:test1"
            for purpose in EmailTokenPurpose.allCases {
                try await store.putEmailToken(purpose: purpose, did: did, token: "T-\(purpose.rawValue)")
            }
            await #expect(throws: StoreError.emailTokenExists) {
                try await store.putEmailToken(purpose: .confirmEmail, did: "did:plc:test2", token: "T-confirm_email")
            }
            await #expect(throws: StoreError.missingReference) {
                try await store.putEmailToken(purpose: .confirmEmail, did: "did:plc:nobody", token: "Z")
            }
            #expect(try await store.deleteEmailToken(purpose: .confirmEmail, did: did))
            #expect(try await store.deleteEmailToken(purpose: .confirmEmail, did: did) == false)
            #expect(try await store.deleteEmailTokens(did: did) == EmailTokenPurpose.allCases.count - 1)
            #expect(try await store.emailToken(purpose: .plcOperation, did: did) == nil)
        }
    }
}
