// WebRoutes.swift: routes outside /xrpc: well-known documents and the local PLC directory.
// Book: docs/12-accounts-and-dids.md.
import Hummingbird

/// Non-XRPC routes.
enum WebRoutes {
    static func add(to router: Router<PDSRequestContext>, pds: PDS) {
        WellKnownRoutes.add(to: router, pds: pds)
        PLCRoutes.add(to: router, pds: pds)
    }
}
