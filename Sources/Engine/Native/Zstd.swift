// Zstd.swift: zstd frames over the C engine.
// Book: docs/04-c-engine.md.
import CEngine

/// zstd compression.
public enum Zstd {
    /// Errors from zstd.
    public enum Error: Swift.Error, Sendable, Equatable {
        /// The input is not a valid frame, or it expands beyond the allowed size.
        case corrupt
        /// The frame does not declare its content size (streaming frames are not accepted).
        case unknownSize
    }

    /// Compresses `input` at `level` (1-19; 3 is zstd's default).
    public static func compress(_ input: [UInt8], level: Int32 = 3) -> [UInt8] {
        let bound = cengine_zstd_bound(input.count)
        var out = [UInt8](repeating: 0, count: bound)
        let n = input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                cengine_zstd_compress(i.baseAddress, i.count, o.baseAddress, bound, level)
            }
        }
        precondition(n >= 0, "zstd compression into a bound-sized buffer cannot fail")
        out.removeSubrange(Int(n)...)
        return out
    }

    /// Decompresses one frame whose declared size is at most `maxSize` bytes.
    public static func decompress(_ input: [UInt8], maxSize: Int) throws(Error) -> [UInt8] {
        let declared = input.withUnsafeBufferPointer { cengine_zstd_content_size($0.baseAddress, $0.count) }
        guard declared != -2 else { throw .corrupt }
        guard declared != -1 else { throw .unknownSize }
        guard declared <= maxSize else { throw .corrupt }
        var out = [UInt8](repeating: 0, count: Int(declared))
        let n = input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                cengine_zstd_decompress(i.baseAddress, i.count, o.baseAddress, o.count)
            }
        }
        guard n == declared else { throw .corrupt }
        return out
    }
}
