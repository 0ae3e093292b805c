// RepoTestSupport.swift: accounts provisioned directly (no createAccount over HTTP) and XRPC call helpers.
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Server

/// An account made straight in the stores, with its signing key and an access token.
struct RepoAccount: Sendable {
    let did: String
    let handle: String
    let key: AnyPrivateKey
    let token: String

    var auth: HTTPFields { [.authorization: "Bearer \(token)"] }
}

enum RepoTest {
    /// `did:plc:` + 24 random base32 characters.
    static func randomDID() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        return "did:plc:" + String((0..<24).map { _ in alphabet.randomElement()! })
    }

    /// Creates an account row, a signing key, its did:plc genesis in the local PLC directory, an
    /// empty repo and an access token.
    static func account(_ pds: PDS, handle: String? = nil) async throws -> RepoAccount {
        let handle = handle ?? "u\(UInt32.random(in: 0...UInt32.max)).pds.example"
        let key = AnyPrivateKey.generate(.k256)
        let body = PLCRegularOperation.atproto(
            signingKey: key.didKey, handle: handle, pdsEndpoint: pds.config.publicURL,
            rotationKeys: [pds.secrets.rotationKey.didKey])
        let (genesis, plcDID) = try SignedPLCOperation.genesis(body, signedBy: pds.secrets.rotationKey)
        let did = plcDID.string
        try await pds.control.transaction { tx in
            try await tx.createAccount(NewAccount(did: did, handle: handle, email: nil, passwordHash: nil))
            try await tx.putSigningKey(
                SigningKeyRow(did: did, keyType: "k256", privateKeyHex: ServerSecrets.hex(key.rawRepresentation)))
            try await LocalPLCDirectory.submit(genesis, did: plcDID, in: tx, limits: nil)
        }
        try await pds.blocking { try pds.repos.createRepo(did: did, key: key) }
        let tokens = SessionTokens.mint(
            did: did, scope: .access, serviceDID: pds.config.serviceDID, secret: pds.secrets.jwtSecret,
            now: Int64(Date().timeIntervalSince1970))
        return RepoAccount(did: did, handle: handle, key: key, token: tokens.accessJwt)
    }
}

extension TestClientProtocol {
    /// A GET of `/xrpc/<nsid>?<query>`.
    func query(_ nsid: String, _ query: String = "", headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: "/xrpc/\(nsid)" + (query.isEmpty ? "" : "?\(query)"), method: .get, headers: headers) {
            $0
        }
    }

    /// A POST of `body` as JSON to `/xrpc/<nsid>`.
    func procedure(_ nsid: String, _ body: IPLD, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await raw(nsid, Array(AtprotoJSON.encode(body)), headers: headers)
    }

    /// A POST of raw bytes.
    func raw(_ nsid: String, _ bytes: [UInt8], contentType: String = "application/json", headers: HTTPFields = [:])
        async throws -> TestResponse
    {
        var h = headers
        h[.contentType] = contentType
        return try await execute(uri: "/xrpc/\(nsid)", method: .post, headers: h, body: ByteBuffer(bytes: bytes)) { $0 }
    }
}

extension TestResponse {
    /// The XRPC error name of a failed call (nil when the body is not an error).
    var errorName: String? { (try? json())?["error"]?.stringValue }

    /// The body's bytes.
    var bytes: [UInt8] { Array(buffer: body) }
}

extension PDS {
    /// The repo's head commit CID (for checking that nothing was written).
    func headCID(_ did: String) async throws -> CID? {
        let storage = storage
        return try await blocking { try storage.root(did: did)?.commit }
    }
}
