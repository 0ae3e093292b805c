// DescribeServer.swift: com.atproto.server.describeServer. Book: docs/10-xrpc.md.
import Engine

extension ServerHandlers {
    /// The service DID, the handle domains accounts may use, and whether invites are required.
    @Sendable static func describeServer(_ call: XRPCCall) async throws -> XRPCOutput {
        let config = call.pds.config
        return .json([
            "did": .string(config.serviceDID),
            "availableUserDomains": .list(config.handleDomains.map { .string($0) }),
            "inviteCodeRequired": .bool(config.inviteRequired),
            "links": .map(IPLDMap()),
            "contact": .map(IPLDMap()),
        ])
    }
}
