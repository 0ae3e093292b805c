// PLCRoutes.swift: the local PLC directory over HTTP (`/plc/...`), served when PDS_DID_PLC_URL is unset.
// Book: docs/12-accounts-and-dids.md ("The local PLC directory over HTTP").
import Engine
import Hummingbird

/// `plc.directory`'s read and submit routes under `/plc`: point a client's PLC URL at
/// `<public URL>/plc` and DIDs created here resolve.
enum PLCRoutes {
    /// The largest operation body accepted.
    static let maxBody = 64 * 1024

    static func add(to router: Router<PDSRequestContext>, pds: PDS) {
        guard pds.config.plcURL == nil else { return }
        let directory = LocalPLCDirectory(control: pds.control)
        router.get("/plc/{did}") { _, context in
            let log = try await existing(context, directory)
            guard let doc = log.document else { throw gone(log.did) }
            return json(doc.json, type: "application/did+ld+json")
        }
        router.get("/plc/{did}/data") { _, context in
            let log = try await existing(context, directory)
            guard let state = log.state else { throw gone(log.did) }
            return json(state.json)
        }
        router.get("/plc/{did}/log") { _, context in
            let log = try await existing(context, directory)
            return json(AtprotoJSON.encode(.list(log.operations.map { .map($0.ipld) })))
        }
        router.get("/plc/{did}/log/last") { _, context in
            let log = try await existing(context, directory)
            guard let last = log.lastOperation else { throw notFound(log.did) }
            return json(last.json)
        }
        router.get("/plc/{did}/log/audit") { _, context in
            json(try await existing(context, directory).auditLogJSON)
        }
        router.post("/plc/{did}") { request, context in
            let did = try didParameter(context)
            let body = try await request.body.collect(upTo: maxBody)
            let op = try SignedPLCOperation(json: Array(buffer: body))
            try await directory.submit(op, did: did)
            return Response(status: .ok)
        }
    }

    /// The `{did}` path parameter as a did:plc.
    static func didParameter(_ context: PDSRequestContext) throws -> DID {
        guard let text = context.parameters.get("did"), text.hasPrefix("did:plc:"), let did = try? DID(text) else {
            throw XRPCError.invalidRequest("Invalid DID")
        }
        return did
    }

    /// The DID's log, or 404 if the directory has never seen it.
    static func existing(_ context: PDSRequestContext, _ directory: LocalPLCDirectory) async throws -> PLCLog {
        let did = try didParameter(context)
        let log = try await directory.log(did: did)
        guard !log.entries.isEmpty else { throw notFound(did) }
        return log
    }

    static func notFound(_ did: DID) -> XRPCError { XRPCError(.notFound, "NotFound", "DID not registered: \(did.string)") }

    static func gone(_ did: DID) -> XRPCError { XRPCError(.gone, "NotAvailable", "DID not available: \(did.string)") }

    static func json(_ bytes: [UInt8], type: String = "application/json") -> Response {
        Response(
            status: .ok, headers: [.contentType: type + "; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
