// PLCService.swift: where this PDS publishes and reads did:plc operations: its own SQL log, or a directory.
// Book: docs/12-accounts-and-dids.md ("Publishing to a PLC directory").
import Engine

/// did:plc for the PDS: with `PDS_DID_PLC_URL` unset, the local directory in SQL; with it set, the
/// remote directory over HTTP.
public struct PLCService: Sendable {
    /// The server.
    let pds: PDS

    /// The service for `pds`.
    public init(pds: PDS) { self.pds = pds }

    /// The remote directory's base URL, or nil when this PDS is its own directory.
    public var remoteURL: String? {
        pds.config.plcURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// The local directory.
    public var local: LocalPLCDirectory { LocalPLCDirectory(control: pds.control) }

    /// Publishes `op` to the remote directory. PLC's 4xx answers become 400 with its message, others 502.
    public func publishRemote(_ op: SignedPLCOperation, did: DID, base: String) async throws {
        let reply: HTTPFetch.Reply
        do {
            reply = try await HTTPFetch.send("POST", base + "/" + did.string, json: op.json, timeout: 10, maxBytes: 64 * 1024)
        } catch {
            throw XRPCError(.badGateway, "UpstreamFailure", "PLC directory unreachable")
        }
        guard (200..<300).contains(reply.status) else {
            let message = (try? AtprotoJSON.decodeObject(reply.body))?["message"]?.stringValue ?? "PLC directory refused"
            if (400..<500).contains(reply.status) { throw XRPCError.invalidRequest(String(message.prefix(300))) }
            throw XRPCError(.badGateway, "UpstreamFailure", String(message.prefix(300)))
        }
    }

    /// The DID's latest active operation.
    public func lastOperation(did: DID) async throws -> SignedPLCOperation? {
        guard let base = remoteURL else { return try await local.log(did: did).lastOperation }
        let reply = try await Self.fetch(base + "/" + did.string + "/log/last")
        guard reply.status == 200 else { return nil }
        return try SignedPLCOperation(json: reply.body)
    }

    /// The DID's current document (nil if unknown or tombstoned).
    public func document(did: DID) async throws -> DIDDocument? {
        guard let base = remoteURL else { return try await local.log(did: did).document }
        let reply = try await Self.fetch(base + "/" + did.string)
        guard reply.status == 200 else { return nil }
        return try DIDDocument(json: reply.body)
    }

    /// GETs `url` from the remote directory; a directory that cannot be reached is 502.
    static func fetch(_ url: String) async throws -> HTTPFetch.Reply {
        do {
            return try await HTTPFetch.send("GET", url, timeout: 10, maxBytes: 64 * 1024)
        } catch {
            throw XRPCError(.badGateway, "UpstreamFailure", "PLC directory unreachable")
        }
    }

    /// Publishes an update `op` for `did` and runs `alsoInSQL` with it, atomically for the local
    /// directory (one transaction); for a remote one, the operation is sent first.
    public func update(
        _ op: SignedPLCOperation, did: DID,
        alsoInSQL: @escaping @Sendable (ControlTransaction) async throws -> Void = { _ in }
    ) async throws {
        if let base = remoteURL {
            try await publishRemote(op, did: did, base: base)
            try await pds.control.transaction { tx in try await alsoInSQL(tx) }
        } else {
            try await pds.control.transaction { tx in
                try await alsoInSQL(tx)
                try await LocalPLCDirectory.submit(op, did: did, in: tx)
            }
        }
    }
}

extension PDS {
    /// did:plc publishing and reading for this server.
    public var plc: PLCService { PLCService(pds: self) }
}
