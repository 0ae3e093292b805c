// RecordWrites.swift: turning a write request into checked repo writes, and running them.
// Book: docs/14-records.md ("From JSON to a commit").
import Engine
import Logging

/// Typed reads of a JSON request body; wrong types are 400 `InvalidRequest`.
struct BodyFields {
    let map: IPLDMap
    let prefix: String

    init(_ map: IPLDMap, prefix: String = "Input") {
        self.map = map
        self.prefix = prefix
    }

    func string(_ key: String) throws(XRPCError) -> String? {
        switch map[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw .invalidRequest("\(prefix)/\(key) must be a string")
        }
    }

    func requiredString(_ key: String) throws(XRPCError) -> String {
        guard let s = try string(key) else { throw .invalidRequest("\(prefix) must have the property \"\(key)\"") }
        return s
    }

    func bool(_ key: String) throws(XRPCError) -> Bool? {
        switch map[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: throw .invalidRequest("\(prefix)/\(key) must be a boolean")
        }
    }

    func cid(_ key: String) throws(XRPCError) -> CID? {
        guard let text = try string(key) else { return nil }
        do { return try CID(string: text) } catch { throw .invalidRequest("\(prefix)/\(key) must be a cid string") }
    }

    /// `swapRecord`: absent → no check; null → must not exist; a CID → must be that CID.
    func swap(_ key: String) throws(XRPCError) -> RecordSwap {
        switch map[key] {
        case nil: return .any
        case .null?: return .mustNotExist
        default: return try cid(key).map { .mustBe($0) } ?? .any
        }
    }
}

/// One record write, checked and ready for the repo.
struct CheckedRecord {
    let collection: String
    let rkey: String
    let record: IPLDMap
    let cid: CID
    let validationStatus: String?
}

extension XRPCCall {
    /// Checks a collection name.
    func collection(_ text: String) throws(XRPCError) -> NSID {
        do { return try NSID(text) } catch { throw .invalidRequest("Invalid collection: \(text.prefix(256))") }
    }

    /// Checks a record key.
    func recordKey(_ text: String) throws(XRPCError) -> RecordKey {
        do { return try RecordKey(text) } catch { throw .invalidRequest("Invalid record key: \(text.prefix(256))") }
    }

    /// Makes a record ready to write: an object with `$type` (filled in when missing, must equal the
    /// collection), a record key (given, the collection's `literal:` key, or a fresh TID) that fits
    /// the collection's key type, and the lexicon decision for `validate` (observe mode logs).
    func checkRecord(collection text: String, rkey given: String?, value: IPLD?, validate: Bool?) throws(XRPCError)
        -> CheckedRecord
    {
        let nsid = try collection(text)
        guard case .map(var record)? = value else { throw .invalidRequest("Invalid record: must be an object") }
        switch record["$type"] {
        case nil: record["$type"] = .string(nsid.string)
        case .string(nsid.string)?: break
        case .string(let other)?:
            throw .invalidRequest("Invalid $type: expected \(nsid.string), got \(other.prefix(256))")
        default: throw .invalidRequest("Invalid $type: must be a string")
        }
        let keyType = pds.lexicons.recordType(nsid)?.key
        let rkey: RecordKey
        if let given {
            rkey = try recordKey(given)
        } else if case .literal(let k)? = keyType {
            rkey = try recordKey(k)
        } else {
            rkey = RecordKey(TIDClock.shared.next())
        }
        if let keyType, !keyType.accepts(rkey), validate != false {
            if validate == true || pds.enforcement == .enforce {
                throw .invalidRequest("Invalid record key for \(nsid.string): \(rkey.string.prefix(256))")
            }
            logger.warning("record key does not fit its lexicon", metadata: ["collection": "\(nsid.string)"])
        }
        let outcome: LexiconValidation =
            validate == false ? .valid : pds.lexicons.validateRecord(collection: nsid, value: .map(record))
        let decision = pds.enforcement.decide(outcome, requested: validate)
        switch decision {
        case .rejected(let v): throw .invalidRequest("Invalid \(nsid.string) record: \(v)")
        case .rejectedUnknownLexicon(let n): throw .invalidRequest("Lexicon not found: \(n.string)")
        case .acceptedDespite(let v):
            logger.warning(
                "record violates its lexicon", metadata: ["collection": "\(nsid.string)", "violation": "\(v)"])
        case .valid, .unvalidated: break
        }
        let (_, cid) = DagCBOR.encodeWithCID(.map(record))
        return CheckedRecord(
            collection: nsid.string, rkey: rkey.string, record: record, cid: cid,
            validationStatus: decision.validationStatus)
    }

    /// Every blob a write references must have been uploaded to this repo, with the MIME type and
    /// size the record claims (400 `BlobNotFound`, `InvalidMimeType`, `InvalidSize`).
    func checkBlobs(did: String, records: [IPLDMap]) async throws {
        let refs = records.flatMap { BlobRef.all(in: $0) }
        guard !refs.isEmpty else { return }
        let storage = pds.storage
        let stored = try await pds.blocking { try refs.map { try storage.blob(did: did, cid: $0.cid) } }
        for (ref, blob) in zip(refs, stored) {
            guard let blob else {
                throw XRPCError.invalidRequest("Could not find blob: \(ref.cid)", name: "BlobNotFound")
            }
            guard blob.mimeType == ref.mimeType else {
                throw XRPCError.invalidRequest(
                    "Referenced MIME type does not match stored blob: expected \(blob.mimeType)",
                    name: "InvalidMimeType")
            }
            guard blob.size == ref.size else {
                throw XRPCError.invalidRequest(
                    "Referenced size does not match stored blob: expected \(blob.size)", name: "InvalidSize")
            }
        }
    }

    /// Commits `writes` to the caller's repo with its signing key, on the storage pool.
    func commit(did: String, _ writes: [RepoWrite], swapCommit: CID?) async throws -> PreparedCommit {
        try chargeWrites(did: did, writes)
        let key = try await pds.signingKey(did: did)
        let repos = pds.repos
        return try await pds.blocking {
            try repos.write(did: did, key: key, writes, swapCommit: swapCommit, requireBlobs: true)
        }
    }

    /// With rate limits on, counts the writes against the account's hourly and daily points (create
    /// 3, update 2, delete 1, as the reference); over either limit is 429 with its headers, and
    /// nothing is written.
    func chargeWrites(did: String, _ writes: [RepoWrite]) throws(XRPCError) {
        guard pds.config.rateLimitsEnabled else { return }
        let points = writes.reduce(0) { sum, write in
            switch write {
            case .create: sum + 3
            case .update: sum + 2
            case .delete: sum + 1
            }
        }
        let now = XRPCCall.now()
        for (name, limit) in [("hour", RateLimit.writesPerHour), ("day", RateLimit.writesPerDay)] {
            let decision = pds.rateLimiter.consume("writes-\(name)|" + did, limit, points: points, now: now)
            guard decision.allowed else { throw .rateLimited(decision) }
        }
    }

    /// The current CID at `collection/rkey`, or nil.
    func currentRecord(did: String, collection: String, rkey: String) async throws -> CID? {
        let storage = pds.storage
        return try await pds.blocking { try storage.record(did: did, collection: collection, rkey: rkey) }
    }
}

extension PreparedCommit {
    /// `{cid, rev}` as write replies carry it.
    var meta: IPLD {
        ["cid": .string(commitCID.string), "rev": .string(commit.unsigned.rev)]
    }
}

/// `at://did/collection/rkey`.
func recordURI(_ did: String, _ collection: String, _ rkey: String) -> String { "at://\(did)/\(collection)/\(rkey)" }

extension IPLD {
    /// A map built from pairs, dropping nil values (optional reply fields).
    static func object(_ pairs: [(String, IPLD?)]) -> IPLD {
        .map(try! IPLDMap(pairs.compactMap { k, v in v.map { (k, $0) } }))
    }
}
