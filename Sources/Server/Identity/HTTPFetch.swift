// HTTPFetch.swift: the few outbound HTTP calls identity needs (PLC directory, handle well-known).
// Book: docs/12-accounts-and-dids.md ("Resolving handles", "Publishing to a PLC directory").
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Small, bounded HTTP requests through URLSession (FoundationNetworking on Linux): a timeout, a
/// body size cap, and no cookies or caches.
enum HTTPFetch {
    /// The outcome of a request: status and (capped) body.
    struct Reply: Sendable {
        /// The HTTP status.
        let status: Int
        /// The body, at most the cap.
        let body: [UInt8]
    }

    /// Why a request did not produce a reply.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong (no request or response content).
        let description: String
    }

    /// A session with no cookie store or cache.
    static let session: URLSession = {
        let config = URLSessionConfiguration.ephemeral
        config.httpCookieStorage = nil
        config.urlCache = nil
        config.httpShouldSetCookies = false
        return URLSession(configuration: config)
    }()

    /// Sends one request and returns the status and at most `maxBytes` of body.
    static func send(
        _ method: String, _ url: String, json: [UInt8]? = nil, timeout: TimeInterval, maxBytes: Int
    ) async throws -> Reply {
        guard let u = URL(string: url), let scheme = u.scheme?.lowercased(), scheme == "https" || scheme == "http"
        else { throw Failure(description: "not an http(s) URL") }
        var request = URLRequest(url: u, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        if let json {
            request.httpBody = Data(json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw Failure(description: "request failed: \(type(of: error))")
        }
        guard let http = response as? HTTPURLResponse else { throw Failure(description: "not an HTTP response") }
        guard data.count <= maxBytes else { throw Failure(description: "response larger than \(maxBytes) bytes") }
        return Reply(status: http.statusCode, body: Array(data))
    }
}
