// XRPCErrorMiddleware.swift: every error leaves as `{"error","message"}`; internal ones are logged, not shown.
// Book: docs/10-xrpc.md ("Errors").
import Hummingbird
import Logging

/// Maps errors to XRPC responses at one edge: `XRPCError` as is, errors that know their XRPC
/// form (`XRPCErrorConvertible`) through it, Hummingbird's own HTTP errors with their status, and
/// anything else as a 500 whose cause goes to the log with the request id, never to the client.
struct XRPCErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as XRPCError {
            throw error
        } catch let error as any XRPCErrorConvertible {
            if let mapped = error.xrpcError { throw mapped }
            context.logger.error("internal error", metadata: ["error": "\(error)"])
            throw XRPCError.internalError
        } catch let error as HTTPError {
            let name = error.status == .notFound ? "NotFound" : error.status == .contentTooLarge ? "PayloadTooLarge" : "InvalidRequest"
            throw XRPCError(error.status, name, error.body ?? error.status.reasonPhrase)
        } catch {
            context.logger.error("internal error", metadata: ["error": "\(error)"])
            throw XRPCError.internalError
        }
    }
}
