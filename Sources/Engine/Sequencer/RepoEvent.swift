// RepoEvent.swift: the events of the repo event log (the firehose's source), as wire frames.
// Book: docs/16-sequencer-and-firehose.md.

/// An event that is not a commit: identity and account changes, and repo state announcements.
public enum RepoEvent: Sendable {
    /// The DID document or handle changed (`#identity`).
    case identity(did: String, handle: String?)
    /// The account's hosting status changed (`#account`): active, or inactive with a status such as
    /// `takendown`, `suspended`, `deactivated` or `deleted`.
    case account(did: String, active: Bool, status: String?)
    /// The repo's current state, for consumers to resynchronise from (`#sync`): its signed commit.
    /// Sent after a repo's first commit and when an account comes back into service.
    case sync(did: String, rev: String, commit: CID, commitBlock: [UInt8])

    /// The `#sync` event for a prepared (and written) commit.
    public static func sync(_ prepared: PreparedCommit) -> RepoEvent {
        let commit = prepared.newBlocks.first { $0.cid == prepared.commitCID }?.bytes ?? prepared.commit.encoded().0
        return .sync(did: prepared.commit.unsigned.did, rev: prepared.commit.unsigned.rev, commit: prepared.commitCID, commitBlock: commit)
    }

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
        case .sync(let did, let rev, let commit, let block):
            var car = CARWriter(roots: [commit])
            car.append(cid: commit, block: block)
            return EventFrame.encode(type: "#sync", body: [
                ("seq", .int(Int64(seq))), ("did", .string(did)), ("rev", .string(rev)), ("blocks", .bytes(car.take())),
                ("time", .string(time)),
            ])
        }
    }
}

/// Firehose frames: a DAG-CBOR header `{op: 1, t}` followed by the DAG-CBOR body.
public enum EventFrame {
    /// A message frame of type `t` (e.g. `#commit`).
    public static func encode(type: String, body: [(String, IPLD)]) -> [UInt8] {
        DagCBOR.encode(["op": 1, "t": .string(type)]) + DagCBOR.encode(.map(try! IPLDMap(body)))
    }

    /// An error frame: header `{op: -1}`, body `{error, message}`. The server closes after it.
    public static func error(_ name: String, message: String?) -> [UInt8] {
        var body: [(String, IPLD)] = [("error", .string(name))]
        if let message { body.append(("message", .string(message))) }
        return DagCBOR.encode(["op": -1]) + DagCBOR.encode(.map(try! IPLDMap(body)))
    }

    /// An `#info` frame (e.g. `OutdatedCursor`), which the stream continues after.
    public static func info(_ name: String, message: String?) -> [UInt8] {
        var body: [(String, IPLD)] = [("name", .string(name))]
        if let message { body.append(("message", .string(message))) }
        return encode(type: "#info", body: body)
    }

    /// The `#commit` frame of a commit at `seq`: its ops, the blocks it added plus the `proof`
    /// blocks (unchanged nodes needed to invert the ops) as a CAR slice, the previous rev
    /// (`since`) and data root (`prevData`).
    public static func commit(
        _ prepared: PreparedCommit, previous: RepoRoot?, proof: [(cid: CID, bytes: [UInt8])] = [], seq: UInt64, time: String
    ) -> [UInt8] {
        var car = CARWriter(roots: [prepared.commitCID])
        for block in prepared.newBlocks { car.append(cid: block.cid, block: block.bytes) }
        for block in proof { car.append(cid: block.cid, block: block.bytes) }
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
