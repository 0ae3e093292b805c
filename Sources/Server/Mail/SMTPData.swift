// SMTPData.swift: a message as the bytes after DATA: CRLF line endings, dot-stuffed, ending in "." alone.
// Book: docs/13-sessions-and-auth.md ("Sending mail").

/// The DATA section's transparency rules (RFC 5321 section 4.5.2).
enum SMTPData {
    /// `message` with every line ending made CRLF (a lone CR or LF included, so no stray byte can
    /// end a line early), a `.` added before each line that starts with one, a final CRLF if it
    /// lacked one, and the terminating `.` line.
    static func encode(_ message: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(message.count + message.count / 64 + 8)
        var atLineStart = true
        var i = 0
        while i < message.count {
            let byte = message[i]
            if byte == cr || byte == lf {
                out += [cr, lf]
                // CRLF is one line ending; so is a lone CR or LF.
                i += byte == cr && i + 1 < message.count && message[i + 1] == lf ? 2 : 1
                atLineStart = true
                continue
            }
            if atLineStart && byte == dot { out.append(dot) }
            out.append(byte)
            atLineStart = false
            i += 1
        }
        if !atLineStart { out += [cr, lf] }
        out += [dot, cr, lf]
        return out
    }
}
