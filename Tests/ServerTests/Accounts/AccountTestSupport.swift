// AccountTestSupport.swift: helpers for tests that need accounts, sessions and XRPC calls.
// Book: docs/12-accounts-and-dids.md ("How it is tested").
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server

/// One XRPC answer: status and JSON body (null when the body is empty or not JSON).
struct XRPCReply {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The body as atproto JSON.
    var json: IPLD
    /// The raw body.
    var text: String

    /// The `error` name of an error answer.
    var error: String? { json["error"]?.stringValue }
}

/// A created account as a test sees it.
struct TestAccount {
    /// Its DID.
    var did: String
    /// Its handle.
    var handle: String
    /// Its password.
    var password: String
    /// The email address.
    var email: String
    /// The session tokens from createAccount.
    var accessJwt: String
    /// The refresh token from createAccount.
    var refreshJwt: String
    /// The whole createAccount answer.
    var json: IPLD
}

/// Calls and fixtures for account tests: any test in this target may use them.
enum TestAccounts {
    /// `Authorization` for the admin user.
    static var adminAuth: String { "Basic " + Base64.encode(Array("admin:\(TestPDS.adminPassword)".utf8)) }

    /// POSTs `body` (JSON) to `/xrpc/<nsid>` with an optional `Authorization` value.
    static func post(
        _ client: any TestClientProtocol, _ nsid: String, _ body: IPLD? = nil, auth: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> XRPCReply {
        var headers = extra
        if let auth { headers[.authorization] = auth }
        var buffer: ByteBuffer? = nil
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: AtprotoJSON.encode(body))
        }
        return try await send(client, "/xrpc/\(nsid)", .post, headers, buffer)
    }

    /// GETs `/xrpc/<nsid>?<query>` with an optional `Authorization` value.
    static func get(_ client: any TestClientProtocol, _ nsid: String, query: String = "", auth: String? = nil)
        async throws -> XRPCReply
    {
        var headers: HTTPFields = [:]
        if let auth { headers[.authorization] = auth }
        return try await send(client, "/xrpc/\(nsid)" + (query.isEmpty ? "" : "?" + query), .get, headers, nil)
    }

    /// Any request, as a reply.
    static func send(
        _ client: any TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method, _ headers: HTTPFields = [:],
        _ body: ByteBuffer? = nil
    ) async throws -> XRPCReply {
        try await client.execute(uri: uri, method: method, headers: headers, body: body) { res in
            let bytes = Array(buffer: res.body)
            return XRPCReply(
                status: res.status, json: (try? AtprotoJSON.decode(bytes)) ?? .null,
                text: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A fresh invite code with `uses` uses.
    static func invite(_ client: any TestClientProtocol, uses: Int64 = 1) async throws -> String {
        let reply = try await post(client, "com.atproto.server.createInviteCode", ["useCount": .int(uses)], auth: adminAuth)
        guard reply.status == .ok, let code = reply.json["code"]?.stringValue else {
            throw TestFailure("createInviteCode: \(reply.status) \(reply.text)")
        }
        return code
    }

    /// Creates an account (with an invite) and returns it; throws if the server refuses.
    static func create(
        _ client: any TestClientProtocol, name: String, password: String = "hunter2-password", domain: String = ".pds.example"
    ) async throws -> TestAccount {
        let handle = name + domain, email = "\(name)@mail.example.com"
        let code = try await invite(client)
        let reply = try await post(
            client, "com.atproto.server.createAccount",
            ["handle": .string(handle), "email": .string(email), "password": .string(password), "inviteCode": .string(code)])
        guard reply.status == .ok, let did = reply.json["did"]?.stringValue,
            let access = reply.json["accessJwt"]?.stringValue, let refresh = reply.json["refreshJwt"]?.stringValue
        else { throw TestFailure("createAccount: \(reply.status) \(reply.text)") }
        return TestAccount(
            did: did, handle: handle, password: password, email: email, accessJwt: access, refreshJwt: refresh,
            json: reply.json)
    }

    /// `Bearer <token>`.
    static func bearer(_ token: String) -> String { "Bearer " + token }

    /// The `#...` type of every event in the log, with the DID it names, in sequence order.
    static func events(_ pds: PDS) throws -> [(type: String, did: String?)] {
        try pds.storage.events(after: 0, limit: 10_000).map { event in
            let frame = event.frame
            let split = try frame.withUnsafeBytes { try DagCBOR.scan($0) }
            let header = try DagCBOR.decode(Array(frame[..<split]))
            let body = try DagCBOR.decode(Array(frame[split...]))
            return (header["t"]?.stringValue ?? "?", body["did"]?.stringValue ?? body["repo"]?.stringValue)
        }
    }
}

/// A failed precondition in a test helper.
struct TestFailure: Error, CustomStringConvertible {
    /// What failed.
    var description: String
    init(_ description: String) { self.description = description }
}
