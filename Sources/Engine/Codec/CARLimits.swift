// CARLimits.swift: the bounds that keep CAR reading in constant memory.
// Book: docs/08-car.md.

/// Size limits applied while reading a CAR stream.
public struct CARLimits: Sendable, Equatable {
    /// Largest header accepted.
    public var maxHeaderBytes: Int
    /// Largest section (CID + block) accepted.
    public var maxSectionBytes: Int

    /// A limit pair.
    public init(maxHeaderBytes: Int = 64 * 1024, maxSectionBytes: Int = 4 * 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxSectionBytes = maxSectionBytes
    }

    /// 64 KiB headers, 4 MiB sections: above atproto's largest record and tree node.
    public static let `default` = CARLimits()
}
