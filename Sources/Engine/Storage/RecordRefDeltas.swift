// RecordRefDeltas.swift: per-commit changes to how many keys use each record block. Book: docs/07-commits.md.

/// Net reference-count changes of record blocks within one commit, following each key's value
/// through the commit (so a key changed twice counts once).
struct RecordRefDeltas {
    /// Net change per record CID.
    private(set) var deltas: [CID: Int] = [:]
    /// Values already changed in this commit, by key.
    private var latest: [[UInt8]: CID?] = [:]

    /// The key's value as of this point in the commit: changed earlier in it, or as stored.
    func current<E: Error>(_ key: [UInt8], stored: () throws(E) -> CID?) throws(E) -> CID? {
        if let v = latest[key] { return v }
        return try stored()
    }

    /// Records that `key` moves from `old` to `new`.
    mutating func change(_ key: [UInt8], from old: CID?, to new: CID?) {
        latest[key] = .some(new)
        guard old != new else { return }
        if let new { deltas[new, default: 0] += 1 }
        if let old { deltas[old, default: 0] -= 1 }
    }
}
