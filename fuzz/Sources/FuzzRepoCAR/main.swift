// FuzzRepoCAR: whole-repo import verification from a CAR. Book: docs/07-commits.md.
// Properties: no crash; a repo that verifies has exactly the records its tree reaches, in order.
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRepoCAR(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let repo = try? RepoVerifier.verify(car: bytes) else { return 0 }
    let paths = repo.records.map(\.path)
    precondition(paths == paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "records out of order")
    let mst = MST(source: MemoryBlockSource(repo.blocks), root: repo.commit.unsigned.data)
    for r in repo.records { precondition((try? mst.get(r.path)) == r.cid, "verified record not found by lookup") }
    return 0
}
