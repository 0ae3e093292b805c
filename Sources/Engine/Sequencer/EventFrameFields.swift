// EventFrameFields.swift: the few fields of a stored event frame that say whose event it is.
// Book: docs/16-sequencer-and-firehose.md ("The event log"), docs/13-sessions-and-auth.md ("Deleting an account").

/// A stored frame's type and the account it is about, decoded from its header and body.
struct EventFrameFields {
    /// The header's `t` (`#commit`, `#account`, ...).
    let type: String
    /// The body's `repo` (`#commit`) or `did` (the others).
    let did: String
    /// The body's `status` (`#account`).
    let status: String?

    /// Decodes `frame` (header ‖ body); nil if it is not a well-formed message frame.
    init?(_ frame: UnsafeRawBufferPointer) {
        guard let headerLength = try? DagCBOR.scan(frame),
            case .map(let header)? = try? DagCBOR.decode(UnsafeRawBufferPointer(rebasing: frame[..<headerLength])),
            case .string(let type)? = header["t"],
            case .map(let body)? = try? DagCBOR.decode(UnsafeRawBufferPointer(rebasing: frame[headerLength...])),
            case .string(let did)? = body["repo"] ?? body["did"]
        else { return nil }
        self.type = type
        self.did = did
        if case .string(let status)? = body["status"] { self.status = status } else { status = nil }
    }

    /// Whether deleting `account` removes this event: it is about that account and is not the
    /// `#account` event announcing the deletion.
    func isPurgeable(for account: String) -> Bool {
        did == account && !(type == "#account" && status == "deleted")
    }
}
