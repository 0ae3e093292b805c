// Commit.swift: v3 repo commits, the signed object at the top of every repo.
// Book: docs/07-commits.md.

/// The fields of a v3 commit without its signature: what gets signed.
public struct UnsignedCommit: Sendable, Hashable {
    /// The repo's DID.
    public var did: String
    /// Always 3.
    public var version: Int64 = 3
    /// The MST root.
    public var data: CID
    /// The revision: a TID that increases with every commit of this repo.
    public var rev: String
    /// The previous commit; null in v3 (kept for the wire format).
    public var prev: CID? = nil

    /// A commit body.
    public init(did: String, data: CID, rev: String, prev: CID? = nil) {
        self.did = did
        self.data = data
        self.rev = rev
        self.prev = prev
    }

    /// The data-model form (without `sig`).
    public var ipld: IPLDMap {
        try! IPLDMap([
            ("did", .string(did)), ("version", .int(version)), ("data", .link(data)), ("rev", .string(rev)),
            ("prev", prev.map { .link($0) } ?? .null),
        ])
    }

    /// The bytes that are signed: the DAG-CBOR of the commit without `sig`.
    public var signingBytes: [UInt8] { DagCBOR.encode(.map(ipld)) }

    /// Signs the commit.
    public func signed(with key: some PrivateKey) -> SignedCommit {
        SignedCommit(unsigned: self, sig: key.sign(signingBytes))
    }
}

/// A commit with its signature: the block a repo's root points at.
public struct SignedCommit: Sendable, Hashable {
    /// The signed fields.
    public var unsigned: UnsignedCommit
    /// 64-byte compact low-S ECDSA signature over `unsigned.signingBytes`.
    public var sig: [UInt8]

    /// A signed commit.
    public init(unsigned: UnsignedCommit, sig: [UInt8]) {
        self.unsigned = unsigned
        self.sig = sig
    }

    /// The commit block's bytes and CID.
    public func encoded() -> (bytes: [UInt8], cid: CID) {
        var m = unsigned.ipld
        m["sig"] = .bytes(sig)
        return DagCBOR.encodeWithCID(.map(m))
    }

    /// Reads a commit block, checking its shape (not its signature).
    public init(decoding bytes: [UInt8]) throws(CommitError) {
        let v: IPLD
        do { v = try DagCBOR.decode(bytes) } catch { throw .malformedCommit("\(error)") }
        guard case .map(let m) = v else { throw .malformedCommit("not a map") }
        guard case .string(let did)? = m["did"], (try? DID(did)) != nil else { throw .malformedCommit("did") }
        guard m["version"] == .int(3) else { throw .malformedCommit("version is not 3") }
        guard case .link(let data)? = m["data"] else { throw .malformedCommit("data") }
        guard case .string(let rev)? = m["rev"], (try? TID(rev)) != nil else { throw .malformedCommit("rev") }
        guard case .bytes(let sig)? = m["sig"] else { throw .malformedCommit("sig") }
        let prev: CID?
        switch m["prev"] {
        case .null?: prev = nil
        case .link(let c)?: prev = c
        default: throw .malformedCommit("prev missing or not a link")
        }
        let known: Set<String> = ["did", "version", "data", "rev", "sig", "prev"]
        guard m.keys.allSatisfy(known.contains) else { throw .malformedCommit("unknown field") }
        self.init(unsigned: UnsignedCommit(did: did, data: data, rev: rev, prev: prev), sig: sig)
    }

    /// True if the signature verifies with `key`.
    public func verify(with key: some PublicKey) -> Bool {
        key.verify(signature: sig, message: unsigned.signingBytes)
    }
}
