// PLCError+XRPC.swift: a refused PLC operation is the client's mistake: 400 with the reason.
// Book: docs/12-accounts-and-dids.md ("The local PLC directory over HTTP").
import Engine

extension PLCError: XRPCErrorConvertible {
    /// 400 `InvalidRequest` with the log-safe description (it never holds submitted text).
    public var xrpcError: XRPCError? { .invalidRequest(description) }
}
