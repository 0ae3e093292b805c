// HandleRules.swift: which handles an account may take: syntax, TLD, service domains, reserved names.
// Book: docs/12-accounts-and-dids.md ("Handles an account may take").
import Engine

/// The checks a new or changed handle goes through, with the reference PDS's error names.
public enum HandleRules {
    /// The shortest name in front of a service domain (`abc.example.com`).
    public static let minServiceLabel = 3
    /// The longest name in front of a service domain.
    public static let maxServiceLabel = 18

    /// Whether `handle` (lower case) ends with one of `domains` (each starting with a dot).
    public static func isServiceHandle(_ handle: String, domains: [String]) -> Bool {
        serviceDomain(of: handle, domains: domains) != nil
    }

    /// The service domain `handle` sits under, if any: the longest match wins.
    public static func serviceDomain(of handle: String, domains: [String]) -> String? {
        domains.filter { handle.hasSuffix($0) && handle.count > $0.count }.max { $0.count < $1.count }
    }

    /// Lower-cases and checks `input`. Throws 400 `InvalidHandle` for bad syntax, a disallowed TLD
    /// (unless the handle is under a configured service domain: the operator chose that domain), or a
    /// service handle whose name is dotted, too short or too long; `HandleNotAvailable` for a reserved
    /// name (unless `allowReserved`); and, when `requireServiceDomain`, `UnsupportedDomain` for a handle
    /// outside every service domain.
    public static func normalize(
        _ input: String, domains: [String], requireServiceDomain: Bool, allowReserved: Bool = false
    ) throws(XRPCError) -> String {
        let handle: String
        do { handle = try Handle(input).string } catch {
            throw .invalidRequest("Invalid handle", name: "InvalidHandle")
        }
        guard !handle.hasPrefix("did:") else { throw .invalidRequest("Invalid handle", name: "InvalidHandle") }
        guard let domain = serviceDomain(of: handle, domains: domains) else {
            if (try? Handle(handle))?.isDisallowedTLD ?? true {
                throw .invalidRequest("Handle TLD is invalid or disallowed", name: "InvalidHandle")
            }
            if requireServiceDomain {
                throw .invalidRequest("Not a supported handle domain", name: "UnsupportedDomain")
            }
            return handle
        }
        let name = handle.dropLast(domain.count)
        guard !name.contains(".") else {
            throw .invalidRequest("Invalid characters in handle", name: "InvalidHandle")
        }
        guard name.count >= minServiceLabel else { throw .invalidRequest("Handle too short", name: "InvalidHandle") }
        guard name.count <= maxServiceLabel else { throw .invalidRequest("Handle too long", name: "InvalidHandle") }
        if !allowReserved, ReservedHandles.names.contains(String(name)) {
            throw .invalidRequest("Reserved handle", name: "HandleNotAvailable")
        }
        return handle
    }
}
