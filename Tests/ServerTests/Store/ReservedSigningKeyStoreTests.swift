// ReservedSigningKeyStoreTests.swift: reservations: one per DID, lapsing after their lifetime, bounded in number.
// Book: docs/11-sql-schema.md ("reserved_signing_key").
import Foundation
import Testing

@testable import Server

@Suite("ControlStore reserved signing keys")
struct ReservedSigningKeyStoreTests {
    static func row(_ n: Int, did: String?, at date: Date) -> ReservedSigningKeyRow {
        ReservedSigningKeyRow(
            keyDID: "did:key:zTest\(n)", did: did, keyType: "k256",
            privateKeyHex: String(repeating: "0\(n % 10)", count: 32),
            createdAt: date)
    }

    @Test func oneLiveReservationPerDID() async throws {
        try await withTestStore { store in
            let t = storeTestDate(0)
            let first = try #require(try await store.reserveSigningKey(Self.row(1, did: "did:plc:a", at: t)))
            #expect(first.keyDID == "did:key:zTest1" && !first.description.contains("0101"))
            // The second candidate for the same DID is dropped; the first is answered.
            let second = try await store.reserveSigningKey(Self.row(2, did: "did:plc:a", at: t.addingTimeInterval(60)))
            #expect(second == first)
            #expect(try await store.reservedSigningKey(did: "did:plc:a", now: t) == first)
            #expect(try await store.reservedSigningKey(keyDID: "did:key:zTest2", now: t) == nil)
            // Without a DID, any number.
            #expect(try await store.reserveSigningKey(Self.row(3, did: nil, at: t)) != nil)
            #expect(try await store.reserveSigningKey(Self.row(4, did: nil, at: t)) != nil)
            #expect(try await store.reservedSigningKey(keyDID: "did:key:zTest4", now: t)?.did == nil)
        }
    }

    @Test func reservationsLapse() async throws {
        try await withTestStore { store in
            let t = storeTestDate(0)
            let life = ReservedSigningKeyRow.lifetime
            _ = try await store.reserveSigningKey(Self.row(1, did: "did:plc:a", at: t))
            _ = try await store.reserveSigningKey(Self.row(2, did: nil, at: t))
            let late = t.addingTimeInterval(life + 1)
            #expect(try await store.reservedSigningKey(did: "did:plc:a", now: t.addingTimeInterval(life - 1)) != nil)
            #expect(try await store.reservedSigningKey(did: "did:plc:a", now: late) == nil)
            #expect(try await store.takeReservedSigningKey(keyDID: "did:key:zTest2", now: late) == nil)
            // A lapsed reservation is replaced by a new one for the same DID.
            let renewed = try await store.reserveSigningKey(Self.row(3, did: "did:plc:a", at: late))
            #expect(renewed?.keyDID == "did:key:zTest3")
            #expect(try await store.takeReservedSigningKey(did: "did:plc:a", now: late)?.keyDID == "did:key:zTest3")
            #expect(try await store.takeReservedSigningKey(did: "did:plc:a", now: late) == nil)
        }
    }

    @Test func boundedInNumber() async throws {
        try await withTestStore { (store: ControlStore) async throws in
            let t = storeTestDate(0)
            #expect(try await store.reserveSigningKey(Self.row(1, did: "did:plc:a", at: t), limit: 2) != nil)
            #expect(try await store.reserveSigningKey(Self.row(2, did: nil, at: t), limit: 2) != nil)
            #expect(try await store.reserveSigningKey(Self.row(3, did: nil, at: t), limit: 2) == nil)
            #expect(try await store.reserveSigningKey(Self.row(4, did: "did:plc:b", at: t), limit: 2) == nil)
            // A DID that already holds one still gets it back at the limit.
            #expect(
                try await store.reserveSigningKey(Self.row(5, did: "did:plc:a", at: t), limit: 2)?.keyDID
                    == "did:key:zTest1")
            // Lapsed ones make room.
            let late = t.addingTimeInterval(ReservedSigningKeyRow.lifetime + 1)
            #expect(try await store.reserveSigningKey(Self.row(6, did: nil, at: late), limit: 2) != nil)
        }
    }
}
