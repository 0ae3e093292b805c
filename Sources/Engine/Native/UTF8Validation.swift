// UTF8Validation.swift: UTF-8 well-formedness over the C engine's ASCII-fast loop.
// Book: docs/04-c-engine.md.
import CEngine

/// UTF-8 checks.
public enum UTF8Validation {
    /// True if the bytes are well-formed UTF-8.
    @inlinable public static func isValid(_ buffer: UnsafeRawBufferPointer) -> Bool {
        cengine_utf8_valid(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count) == 1
    }
}
