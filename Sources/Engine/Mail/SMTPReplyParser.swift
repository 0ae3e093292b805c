// SMTPReplyParser.swift: SMTP replies out of a byte stream, strictly and with bounds (untrusted bytes).
// Book: docs/13-sessions-and-auth.md ("Sending mail").

/// Reads SMTP replies from bytes as they arrive, in any split: feed with `append`, then call
/// `next()` until it returns nil.
///
/// A reply is one or more lines `NNN-text` ending with a line `NNN text` (or a bare `NNN`), all
/// with the same code; lines end in CRLF (a bare LF is accepted). The server is untrusted, so a
/// line longer than `maxLineLength` bytes, a reply of more than `maxLines` lines, a code that is
/// not three digits from 200 to 559, or a code that changes inside a reply is an error, and after
/// an error the parser refuses everything (the connection is to be dropped).
public struct SMTPReplyParser: Sendable {
    /// Why the bytes are not an SMTP reply.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A line without its CRLF after this many bytes.
        case lineTooLong
        /// A reply with more lines than allowed.
        case tooManyLines
        /// A line that does not start with a valid code and separator.
        case badLine
        /// A continuation line whose code differs from the reply's first line.
        case mixedCodes

        /// What is wrong, for errors and logs.
        public var description: String {
            switch self {
            case .lineTooLong: "SMTP reply line longer than \(SMTPReplyParser.maxLineLength) bytes"
            case .tooManyLines: "SMTP reply of more than \(SMTPReplyParser.maxLines) lines"
            case .badLine: "SMTP reply line without a valid code"
            case .mixedCodes: "SMTP reply lines with different codes"
            }
        }
    }

    /// The longest line accepted, in bytes, not counting its CRLF (RFC 5321 allows 512).
    public static let maxLineLength = 2048
    /// The most lines in one reply.
    public static let maxLines = 100

    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var code: Int?
    private var lines: [String] = []
    private var failure: Failure?

    /// An empty parser.
    public init() {}

    /// Whether bytes were received that are not part of a returned reply. After the reply to
    /// STARTTLS this must be false: bytes sent before the TLS handshake are not to be trusted as
    /// if they had come through it.
    public var hasPendingInput: Bool { start < buffer.count || !lines.isEmpty }

    /// Adds received bytes.
    public mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete reply, or nil until more bytes arrive.
    public mutating func next() throws(Failure) -> SMTPReply? {
        if let failure { throw failure }
        do throws(Failure) {
            while let line = try nextLine() {
                if let reply = try take(line) { return reply }
            }
            return nil
        } catch {
            failure = error
            throw error
        }
    }

    /// The next line without its line ending, or nil if none is complete yet.
    private mutating func nextLine() throws(Failure) -> ArraySlice<UInt8>? {
        guard let lf = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
            scanned = buffer.count
            // Room for the line and its CR: any more without an LF is too long already.
            if buffer.count - start > Self.maxLineLength + 1 { throw .lineTooLong }
            compactIfLarge()
            return nil
        }
        var end = lf
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = buffer[start..<end]
        start = lf + 1
        scanned = start
        guard line.count <= Self.maxLineLength else { throw .lineTooLong }
        return line
    }

    /// Adds one line to the reply in progress; the reply once its last line is in.
    private mutating func take(_ line: ArraySlice<UInt8>) throws(Failure) -> SMTPReply? {
        let b = line.startIndex
        guard line.count >= 3,
            (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(line[b]),
            (UInt8(ascii: "0")...UInt8(ascii: "5")).contains(line[b + 1]),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[b + 2])
        else { throw .badLine }
        let lineCode = Int(line[b] - 48) * 100 + Int(line[b + 1] - 48) * 10 + Int(line[b + 2] - 48)
        var last = true
        if line.count > 3 {
            switch line[b + 3] {
            case UInt8(ascii: " "): last = true
            case UInt8(ascii: "-"): last = false
            default: throw .badLine
            }
        }
        if let code, code != lineCode { throw .mixedCodes }
        code = lineCode
        guard lines.count < Self.maxLines else { throw .tooManyLines }
        lines.append(Self.text(line.dropFirst(4)))
        guard last else { return nil }
        let reply = SMTPReply(code: lineCode, lines: lines)
        code = nil
        lines = []
        compactIfLarge()
        return reply
    }

    /// A line's text as a string, invalid UTF-8 replaced and control characters shown as `?`.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let cleaned = bytes.map { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }
        return String(decoding: cleaned, as: UTF8.self)
    }

    /// Drops consumed bytes once they are most of the buffer.
    private mutating func compactIfLarge() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 65_536)
            start = 0
            scanned = 0
            return
        }
        guard start > 4096, start * 2 > buffer.count else { return }
        buffer.removeFirst(start)
        scanned -= start
        start = 0
    }
}
