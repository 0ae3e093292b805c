// PLCTestSupport.swift: keys, clocks and a ready-made genesis for the did:plc tests.
// Book: docs/12-accounts-and-dids.md.

@testable import Engine

/// Shared helpers for the Identity tests.
enum PLCTestSupport {
    /// 2023-11-14T22:13:20Z, the start of every test clock.
    static let epoch: Int64 = 1_700_000_000_000_000

    /// `epoch` plus `hours` hours and `seconds` seconds.
    static func at(hours: Int64 = 0, seconds: Int64 = 0) -> Datetime {
        Datetime(microsecondsSinceEpoch: epoch + hours * 3_600_000_000 + seconds * 1_000_000)
    }

    /// A fixed key of the given curve, from a small scalar, so failures reproduce.
    static func key(_ type: KeyType, _ n: UInt8) -> AnyPrivateKey {
        try! AnyPrivateKey(keyType: type, rawRepresentation: [UInt8](repeating: 0, count: 31) + [n])
    }

    /// An atproto genesis body for `handle` with the given rotation keys.
    static func body(rotation: [AnyPrivateKey], handle: String = "alice.test", signing: AnyPrivateKey? = nil)
        -> PLCRegularOperation
    {
        PLCRegularOperation.atproto(
            signingKey: (signing ?? key(.k256, 99)).didKey, handle: handle, pdsEndpoint: "https://pds.example.com",
            rotationKeys: rotation.map(\.didKey))
    }

    /// A log holding one signed genesis, accepted at `at()`.
    static func genesisLog(rotation: [AnyPrivateKey], signer: Int = 0) throws -> (PLCLog, SignedPLCOperation) {
        let (op, did) = try SignedPLCOperation.genesis(body(rotation: rotation), signedBy: rotation[signer])
        let log = try PLCLog(did: did).apply(op: op, now: at())
        return (log, op)
    }
}
