// RefreshTokenStoreTests.swift: refresh sessions stored, rotated with a grace window, and revoked.
// Book: docs/11-sql-schema.md.
import Foundation
import Testing

@testable import Server

@Suite("ControlStore refresh tokens")
struct RefreshTokenStoreTests {
    static let did = "did:plc:test1"

    /// A store with one account and one refresh token `r0` expiring at t=90 days.
    static func withSession(_ body: (ControlStore) async throws -> Void) async throws {
        try await withTestStore { store in
            try await store.createAccount(testAccount(1))
            try await store.insertRefreshToken(
                RefreshTokenRow(id: "r0", did: did, expiresAt: storeTestDate(90 * 86400)))
            try await body(store)
        }
    }

    @Test func insertAndGet() async throws {
        try await Self.withSession { store in
            let row = try #require(try await store.refreshToken(id: "r0"))
            #expect(row == RefreshTokenRow(id: "r0", did: Self.did, expiresAt: storeTestDate(90 * 86400)))
            await #expect(throws: StoreError.refreshTokenExists) {
                try await store.insertRefreshToken(
                    RefreshTokenRow(id: "r0", did: Self.did, expiresAt: storeTestDate(1)))
            }
            await #expect(throws: StoreError.missingReference) {
                try await store.insertRefreshToken(
                    RefreshTokenRow(id: "r9", did: "did:plc:nobody", expiresAt: storeTestDate(1)))
            }
        }
    }

    @Test func rotationMarksTheOldTokenAndStoresTheNext() async throws {
        try await Self.withSession { store in
            let now = storeTestDate(1000)
            let rotation = try #require(
                try await store.rotateRefreshToken(
                    id: "r0", proposedNextId: "r1", nextExpiresAt: storeTestDate(2000 + 90 * 86400), now: now))
            #expect(rotation == RefreshRotation(did: Self.did, appPasswordName: nil, nextId: "r1", reused: false))
            let old = try #require(try await store.refreshToken(id: "r0"))
            #expect(old.nextId == "r1")
            #expect(old.expiresAt == now.addingTimeInterval(2 * 3600))  // cut to the grace window
            #expect(try await store.refreshToken(id: "r1")?.expiresAt == storeTestDate(2000 + 90 * 86400))
        }
    }

    @Test func retryingInsideTheGraceWindowReusesTheNextId() async throws {
        try await Self.withSession { store in
            _ = try await store.rotateRefreshToken(
                id: "r0", proposedNextId: "r1", nextExpiresAt: storeTestDate(90 * 86400), now: storeTestDate(1000))
            let retry = try #require(
                try await store.rotateRefreshToken(
                    id: "r0", proposedNextId: "r2", nextExpiresAt: storeTestDate(90 * 86400), now: storeTestDate(1100)))
            #expect(retry.nextId == "r1" && retry.reused)
            #expect(try await store.refreshToken(id: "r2") == nil)
            // The grace window does not slide forward on retries.
            #expect(try await store.refreshToken(id: "r0")?.expiresAt == storeTestDate(1000 + 2 * 3600))
        }
    }

    @Test func rotationAfterTheGraceWindowOrOfAnUnknownTokenFails() async throws {
        try await Self.withSession { store in
            _ = try await store.rotateRefreshToken(
                id: "r0", proposedNextId: "r1", nextExpiresAt: storeTestDate(90 * 86400), now: storeTestDate(1000))
            let late = try await store.rotateRefreshToken(
                id: "r0", proposedNextId: "r2", nextExpiresAt: storeTestDate(90 * 86400),
                now: storeTestDate(1000 + 3 * 3600))
            #expect(late == nil)
            #expect(try await store.refreshToken(id: "r0") == nil)  // expired rows are tidied away
            #expect(try await store.rotateRefreshToken(id: "nope", proposedNextId: "x", nextExpiresAt: Date()) == nil)
        }
    }

    @Test func concurrentRotationsOfOneTokenAllGetTheSameNextId() async throws {
        try await Self.withSession { store in
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        try await store.rotateRefreshToken(
                            id: "r0", proposedNextId: "next-\(i)", nextExpiresAt: storeTestDate(90 * 86400),
                            now: storeTestDate(10))?.nextId
                    }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(ids.count == 1 && ids.first! != nil)
        }
    }

    @Test func appPasswordNameIsCarriedAndItsRevocationCascades() async throws {
        try await Self.withSession { store in
            try await store.createAppPassword(AppPasswordRow(did: Self.did, name: "phone", passwordHash: "ap"))
            try await store.insertRefreshToken(
                RefreshTokenRow(id: "a0", did: Self.did, expiresAt: storeTestDate(90 * 86400), appPasswordName: "phone")
            )
            let rotation = try await store.rotateRefreshToken(
                id: "a0", proposedNextId: "a1", nextExpiresAt: storeTestDate(90 * 86400), now: storeTestDate(5))
            #expect(rotation?.appPasswordName == "phone")
            #expect(try await store.refreshToken(id: "a1")?.appPasswordName == "phone")

            #expect(try await store.deleteAppPassword(did: Self.did, name: "phone"))
            #expect(try await store.refreshToken(id: "a0") == nil)
            #expect(try await store.refreshToken(id: "a1") == nil)
            #expect(try await store.refreshToken(id: "r0") != nil)  // the main-password session stays
        }
    }

    @Test func revokeOneAllAndExpired() async throws {
        try await Self.withSession { store in
            try await store.createAppPassword(AppPasswordRow(did: Self.did, name: "bot", passwordHash: "ap"))
            for (id, day) in [("r1", 1), ("r2", 2), ("r3", 30)] {
                try await store.insertRefreshToken(
                    RefreshTokenRow(id: id, did: Self.did, expiresAt: storeTestDate(day * 86400)))
            }
            try await store.insertRefreshToken(
                RefreshTokenRow(id: "b1", did: Self.did, expiresAt: storeTestDate(90 * 86400), appPasswordName: "bot"))

            #expect(try await store.revokeRefreshToken(id: "r1"))
            #expect(try await store.revokeRefreshToken(id: "r1") == false)
            #expect(try await store.deleteExpiredRefreshTokens(now: storeTestDate(10 * 86400)) == 1)  // r2
            #expect(try await store.revokeRefreshTokens(did: Self.did, appPasswordName: "bot") == 1)
            #expect(
                try await store.deleteExpiredRefreshTokens(now: storeTestDate(10 * 86400), did: "did:plc:other") == 0)
            #expect(try await store.revokeRefreshTokens(did: Self.did) == 2)  // r0, r3
            #expect(try await store.refreshToken(id: "r0") == nil)
        }
    }
}
