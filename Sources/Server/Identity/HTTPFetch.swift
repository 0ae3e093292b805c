// HTTPFetch.swift: the few outbound HTTP calls identity needs (PLC directory, handle well-known).
// Book: docs/12-accounts-and-dids.md ("Resolving handles", "Publishing to a PLC directory").
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Small, bounded HTTP requests through URLSession (FoundationNetworking on Linux): an idle and an
/// overall timeout, a body size cap enforced while the body arrives, and no cookies or caches.
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
        request.timeoutInterval = timeout
        let collector = BoundedCollector(maxBytes: maxBytes)
        let config = URLSessionConfiguration.ephemeral
        config.httpCookieStorage = nil
        config.urlCache = nil
        config.httpShouldSetCookies = false
        // The whole exchange, not just each idle gap, is bounded: a server dripping one byte at a
        // time cannot hold the caller for longer than this.
        config.timeoutIntervalForResource = timeout * 2
        let session = URLSession(configuration: config, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await collector.run(session.dataTask(with: request))
        guard let http = response as? HTTPURLResponse else { throw Failure(description: "not an HTTP response") }
        return Reply(status: http.statusCode, body: Array(data))
    }
}

/// Collects a response body and cancels the transfer as soon as it passes `maxBytes`, so a huge
/// answer costs at most the cap (plus one network read) in memory.
///
/// `@unchecked Sendable`: the mutable state is guarded by `lock`; URLSession calls the delegate
/// methods on its own serial queue.
private final class BoundedCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let maxBytes: Int
    private let lock = NSLock()
    private var data = Data()
    private var response: URLResponse?
    private var tooLarge = false
    private var continuation: CheckedContinuation<(Data, URLResponse), any Error>?

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// Starts `task` and waits for its body.
    func run(_ task: URLSessionDataTask) async throws -> (Data, URLResponse) {
        try await withCheckedThrowingContinuation { c in
            lock.withLock { continuation = c }
            task.resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { self.response = response }
        completionHandler(response.expectedContentLength > Int64(maxBytes) ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        let over = lock.withLock { () -> Bool in
            data.append(chunk)
            if data.count > maxBytes { tooLarge = true }
            return tooLarge
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (c, result): (CheckedContinuation<(Data, URLResponse), any Error>?, Result<(Data, URLResponse), any Error>) =
            lock.withLock {
                let c = continuation
                continuation = nil
                if tooLarge || (response?.expectedContentLength ?? 0) > Int64(maxBytes) {
                    return (c, .failure(HTTPFetch.Failure(description: "response larger than \(maxBytes) bytes")))
                }
                if let error { return (c, .failure(HTTPFetch.Failure(description: "request failed: \(type(of: error))"))) }
                guard let response else { return (c, .failure(HTTPFetch.Failure(description: "no response"))) }
                return (c, .success((data, response)))
            }
        c?.resume(with: result)
    }
}
