// XRPCMethods+Lexicon.swift: checking a call's parameters and JSON body against its lexicon.
// Book: docs/10-xrpc.md ("Lexicon checks").
import Engine
import Hummingbird
import Logging

extension XRPCMethods {
    /// Checks query parameters and a procedure's JSON body against the method's lexicon. In
    /// observe mode (the default) a violation is logged and the call goes on; with
    /// `PDS_LEXICON_ENFORCE=true` it is a 400 `InvalidRequest` naming the path. Methods without a
    /// lexicon pass. Handlers still parse and check what they use: this is the schema's view.
    static func checkLexicon(_ call: XRPCCall, kind: Kind) throws(XRPCError) {
        guard let nsid = try? NSID(call.nsid) else { return }
        let catalog = call.pds.lexicons
        var violation: LexiconViolation? = nil
        if case .invalid(let v) = catalog.validateParams(nsid: nsid, params: call.params) { violation = v }
        if violation == nil, kind == .procedure, let json = call.json,
            call.request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false,
            case .invalid(let v) = catalog.validateInput(nsid: nsid, value: .map(json))
        {
            violation = v
        }
        guard let violation else { return }
        if call.pds.enforcement == .enforce { throw .invalidRequest("Invalid \(violation)") }
        call.logger.warning("call violates its lexicon", metadata: ["nsid": "\(call.nsid)", "violation": "\(violation)"])
    }
}
