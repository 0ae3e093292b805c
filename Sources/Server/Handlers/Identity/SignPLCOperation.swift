// SignPLCOperation.swift: com.atproto.identity.requestPlcOperationSignature and signPlcOperation.
// Book: docs/12-accounts-and-dids.md ("Operations from the account").
import Engine

extension IdentityHandlers {
    /// Mails the account a token that `signPlcOperation` requires. A full session, or a taken-down
    /// account's session (so it can still move away), as in the reference.
    @Sendable static func requestPlcOperationSignature(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true, allowTakendown: true)
        let pds = call.pds
        guard let account = try await pds.account(did: auth.did) else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        try await EmailTokens.mail(pds, .plcOperation, to: account, subject: "Confirm an identity change") {
            name, token in
            "Someone signed in as \(name) asked this server to sign a change to the account's identity "
                + "(its DID document: keys, handle or hosting). The code is \(token); it expires in 15 minutes. "
                + "If it was not you, do not pass the code on, and change your password."
        }
        return .empty
    }

    /// Signs the operation after the DID's last one with this server's rotation key, the given
    /// fields replacing the current ones and the others kept, and answers `{operation}` without
    /// publishing it (the client passes it to `submitPlcOperation`, or to the directory). Requires
    /// the mailed token, used up only once everything else has been checked.
    @Sendable static func signPlcOperation(_ call: XRPCCall) async throws -> XRPCOutput {
        let auth = try call.access(full: true, allowTakendown: true)
        let input = try PLCOperationFields(BodyFields(try call.jsonBody()))
        guard let token = input.token, !token.isEmpty else {
            throw XRPCError.invalidRequest("email confirmation token required to sign PLC operations")
        }
        let pds = call.pds
        guard try await pds.account(did: auth.did) != nil else {
            throw XRPCError.forbidden("Account not found", name: "AccountNotFound")
        }
        guard let plcDID = try? DID(auth.did), auth.did.hasPrefix("did:plc:") else {
            throw XRPCError.invalidRequest("The account's DID is not a did:plc")
        }
        guard let last = try await pds.plc.lastOperation(did: plcDID) else {
            throw XRPCError.invalidRequest("The DID has no operations in the PLC directory")
        }
        guard !last.unsigned.isTombstone else { throw XRPCError.invalidRequest("Did is tombstoned") }
        let rotationKey = pds.secrets.rotationKey
        // The reference signs regardless; an operation this key may not sign would only be refused
        // by the directory later, so it is refused here, with a reason.
        guard last.unsigned.rotationKeys.contains(rotationKey.didKey) else {
            throw XRPCError.invalidRequest("This server's rotation key is not a rotation key of the DID")
        }
        let op = try SignedPLCOperation.update(after: last, signedBy: rotationKey) { next in
            input.apply(to: &next)
        }
        try PLCLimits.default.check(op)
        try await EmailTokens.redeem(pds, .plcOperation, did: auth.did, token: token)
        return .json(["operation": .map(op.ipld)])
    }
}

/// The input of `signPlcOperation`, checked for shape: each field absent (or null) keeps the
/// DID's current value. Values are checked against the PLC limits once the operation is built.
struct PLCOperationFields {
    /// The mailed token.
    var token: String?
    /// New rotation keys, highest authority first.
    var rotationKeys: [String]?
    /// New aliases.
    var alsoKnownAs: [String]?
    /// New verification methods, by name.
    var verificationMethods: [String: String]?
    /// New services, by name.
    var services: [String: Engine.PLCService]?

    /// Reads the fields; a wrong type is 400 naming the field.
    init(_ input: BodyFields) throws(XRPCError) {
        token = try input.string("token")
        rotationKeys = try Self.strings(input.map["rotationKeys"], "rotationKeys")
        alsoKnownAs = try Self.strings(input.map["alsoKnownAs"], "alsoKnownAs")
        switch input.map["verificationMethods"] {
        case nil, .null?: verificationMethods = nil
        case .map(let map)?:
            var methods: [String: String] = [:]
            for entry in map {
                guard case .string(let key) = entry.value else {
                    throw .invalidRequest("Input/verificationMethods must map names to did:key strings")
                }
                methods[entry.key] = key
            }
            verificationMethods = methods
        default: throw .invalidRequest("Input/verificationMethods must be an object")
        }
        switch input.map["services"] {
        case nil, .null?: services = nil
        case .map(let map)?:
            var entries: [String: Engine.PLCService] = [:]
            for entry in map {
                guard case .map(let service) = entry.value, service.count == 2,
                    case .string(let type)? = service["type"],
                    case .string(let endpoint)? = service["endpoint"]
                else { throw .invalidRequest("Input/services must map names to {type, endpoint} strings") }
                entries[entry.key] = Engine.PLCService(type: type, endpoint: endpoint)
            }
            services = entries
        default: throw .invalidRequest("Input/services must be an object")
        }
    }

    /// Replaces the given fields of `op`.
    func apply(to op: inout PLCRegularOperation) {
        if let rotationKeys { op.rotationKeys = rotationKeys }
        if let alsoKnownAs { op.alsoKnownAs = alsoKnownAs }
        if let verificationMethods { op.verificationMethods = verificationMethods }
        if let services { op.services = services }
    }

    /// An optional array of strings.
    private static func strings(_ value: IPLD?, _ name: String) throws(XRPCError) -> [String]? {
        switch value {
        case nil, .null?: return nil
        case .list(let items)?:
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw .invalidRequest("Input/\(name) must be an array of strings")
                }
                out.append(s)
            }
            return out
        default: throw .invalidRequest("Input/\(name) must be an array of strings")
        }
    }
}
