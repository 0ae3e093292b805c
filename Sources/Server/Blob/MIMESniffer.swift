// MIMESniffer.swift: a blob's MIME type from its first bytes. Book: docs/15-blobs.md ("Upload").
import Foundation

/// Recognises the media types clients upload most from their magic bytes, so the stored type does
/// not depend on what the client claimed (the reference PDS does the same with `file-type`).
public enum MIMESniffer {
    /// How many leading bytes `sniff` looks at.
    public static let prefixLength = 16

    /// The type the bytes start like, or nil when none of the known signatures match.
    public static func sniff(_ prefix: [UInt8]) -> String? {
        func starts(_ sig: [UInt8], at offset: Int = 0) -> Bool {
            prefix.count >= offset + sig.count && Array(prefix[offset..<(offset + sig.count)]) == sig
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("ftyp".utf8), at: 4) {
            // ISO base media: `qt  ` is QuickTime; the common mp4 brands (isom, mp41, mp42, avc1, …) are mp4.
            return starts(Array("qt  ".utf8), at: 8) ? "video/quicktime" : "video/mp4"
        }
        return nil
    }

    /// The stored type: the sniffed one, else the declared `Content-Type` (parameters dropped),
    /// else `application/octet-stream`.
    public static func resolve(prefix: [UInt8], declared: String?) -> String {
        if let sniffed = sniff(prefix) { return sniffed }
        let bare = declared?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let bare, !bare.isEmpty, bare != "*/*", bare.contains("/"), bare.count <= 255 { return bare }
        return "application/octet-stream"
    }
}
