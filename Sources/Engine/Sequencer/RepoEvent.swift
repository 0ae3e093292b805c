// RepoEvent.swift: the events of the repo event log (the firehose's source), as wire frames.
// Book: docs/16-sequencer-and-firehose.md.

/// An event that is not a commit: identity and account changes.
public enum RepoEvent: Sendable, Equatable {
    /// The DID document or handle changed (`#identity`).
    case identity(did: String, handle: String?)
    /// The account's hosting status changed (`#account`): active, or inactive with a status such as
    /// `takendown`, `suspended`, `deactivated` or `deleted`.
    case account(did: String, active: Bool, status: String?)

    /// The frame for this event at `seq` and `time` (an ISO 8601 datetime).
    public func frame(seq: UInt64, time: String) -> [UInt8] {
        switch self {
        case .identity(let did, let handle):
            var body: [(String, IPLD)] = [("seq", .int(Int64(seq))), ("did", .string(did)), ("time", .string(time))]
            if let handle { body.append(("handle", .string(handle))) }
            return EventFrame.encode(type: "#identity", body: body)
        case .account(let did, let active, let status):
            var body: [(String, IPLD)] = [
                ("seq", .int(Int64(seq))), ("did", .string(did)), ("time", .string(time)), ("active", .bool(active)),
            ]
            if let status { body.append(("status", .string(status))) }
            return EventFrame.encode(type: "#account", body: body)
        }
    }
}

/// Firehose frames: a DAG-CBOR header `{op: 1, t}` followed by the DAG-CBOR body.
public enum EventFrame {
    /// A message frame of type `t` (e.g. `#commit`).
    public static func encode(type: String, body: [(String, IPLD)]) -> [UInt8] {
        DagCBOR.encode(["op": 1, "t": .string(type)]) + DagCBOR.encode(.map(try! IPLDMap(body)))
    }

    /// The `#commit` frame of a commit at `seq`: its ops, the blocks it added as a CAR slice, the
    /// previous rev (`since`) and data root (`prevData`).
    public static func commit(
        _ prepared: PreparedCommit, previous: RepoRoot?, seq: UInt64, time: String
    ) -> [UInt8] {
        var car = CARWriter(roots: [prepared.commitCID])
        for block in prepared.newBlocks { car.append(cid: block.cid, block: block.bytes) }
        let ops: [IPLD] = prepared.ops.map { op in
            var entry: [(String, IPLD)] = [
                ("action", .string(op.action.rawValue)), ("path", .string(op.path)), ("cid", op.cid.map { .link($0) } ?? .null),
            ]
            if let prev = op.prev { entry.append(("prev", .link(prev))) }
            return .map(try! IPLDMap(entry))
        }
        var body: [(String, IPLD)] = [
            ("seq", .int(Int64(seq))), ("rebase", .bool(false)), ("tooBig", .bool(false)),
            ("repo", .string(prepared.commit.unsigned.did)), ("commit", .link(prepared.commitCID)),
            ("rev", .string(prepared.commit.unsigned.rev)), ("since", previous.map { .string($0.rev) } ?? .null),
            ("blocks", .bytes(car.take())), ("ops", .list(ops)), ("blobs", .list([])), ("time", .string(time)),
        ]
        if let previous { body.append(("prevData", .link(previous.data))) }
        return encode(type: "#commit", body: body)
    }
}
