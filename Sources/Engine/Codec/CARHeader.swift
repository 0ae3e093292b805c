// CARHeader.swift: the CAR v1 header, a DAG-CBOR map {roots, version}.
// Book: docs/08-car.md.

/// The header of a CAR v1 file.
public struct CARHeader: Sendable, Equatable {
    /// The root CIDs (atproto repos have exactly one: the commit).
    public var roots: [CID]

    /// A header with the given roots.
    public init(roots: [CID]) { self.roots = roots }

    /// The DAG-CBOR bytes of the header (without the length prefix).
    public func encoded() -> [UInt8] {
        DagCBOR.encode(["roots": .list(roots.map { .link($0) }), "version": 1])
    }

    /// Reads and checks a header block.
    public init(decoding bytes: UnsafeRawBufferPointer) throws(CARError) {
        let v: IPLD
        do { v = try DagCBOR.decode(bytes) } catch { throw .badHeader("\(error)") }
        guard case .map(let m) = v else { throw .badHeader("not a map") }
        guard m["version"] == .int(1) else { throw .badHeader("version is not 1") }
        guard case .list(let list)? = m["roots"] else { throw .badHeader("roots missing") }
        var roots: [CID] = []
        for r in list {
            guard case .link(let c) = r else { throw .badHeader("a root is not a link") }
            roots.append(c)
        }
        self.roots = roots
    }
}
