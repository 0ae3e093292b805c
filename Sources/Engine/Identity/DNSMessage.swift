// DNSMessage.swift: the DNS wire format, as much as a TXT lookup needs: one query out, TXT answers in.
// Book: docs/12-accounts-and-dids.md ("Resolving handles").

/// Builds TXT queries and reads answers (RFC 1035), strictly and with bounds: the answer is
/// untrusted bytes from the network.
public enum DNSMessage {
    /// Why an answer was refused.
    public enum Failure: Error, Sendable, Equatable {
        /// Shorter than its own structure says, a name or pointer out of bounds, or a pointer loop.
        case malformed
        /// Not an answer to our query (id, flags or question differ).
        case notOurs
        /// The server answered with this error code (3 is NXDOMAIN).
        case serverError(Int)
    }

    /// The most name-compression jumps followed while reading one name.
    static let maxPointers = 16

    /// A recursive query for the TXT records of `name` with transaction id `id`; nil for a name
    /// that cannot be encoded (an empty or over-long label, over 255 bytes in all).
    public static func query(id: UInt16, name: String) -> [UInt8]? {
        var out: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xFF), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.utf8.count <= 253 else { return nil }
        for label in labels {
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count) else { return nil }
            out.append(UInt8(bytes.count))
            out += bytes
        }
        out += [0, 0, 16, 0, 1]  // root, QTYPE TXT, QCLASS IN
        return out
    }

    /// The TXT records (each record's strings joined) of the answer `message` to query `id`.
    public static func txtRecords(_ message: [UInt8], id: UInt16) throws(Failure) -> [String] {
        var r = Reader(bytes: message)
        let header = try r.take(12)
        guard UInt16(header[0]) << 8 | UInt16(header[1]) == id, header[2] & 0x80 != 0 else { throw .notOurs }
        let rcode = Int(header[3] & 0x0F)
        guard rcode == 0 else { throw .serverError(rcode) }
        let questions = Int(header[4]) << 8 | Int(header[5])
        let answers = Int(header[6]) << 8 | Int(header[7])
        for _ in 0..<questions {
            try r.skipName()
            _ = try r.take(4)
        }
        var out: [String] = []
        for _ in 0..<answers {
            try r.skipName()
            let fixed = try r.take(10)
            let type = Int(fixed[0]) << 8 | Int(fixed[1])
            let length = Int(fixed[8]) << 8 | Int(fixed[9])
            let data = try r.take(length)
            guard type == 16 else { continue }
            var text: [UInt8] = []
            var i = 0
            while i < data.count {
                let n = Int(data[i])
                guard i + 1 + n <= data.count else { throw .malformed }
                text += data[(i + 1)..<(i + 1 + n)]
                i += 1 + n
            }
            out.append(String(decoding: text, as: UTF8.self))
        }
        return out
    }

    /// A bounds-checked cursor over the message.
    struct Reader {
        let bytes: [UInt8]
        var position = 0

        /// The next `n` bytes, as a zero-based array.
        mutating func take(_ n: Int) throws(Failure) -> [UInt8] {
            guard n >= 0, n <= bytes.count - position else { throw .malformed }
            defer { position += n }
            return Array(bytes[position..<position + n])
        }

        /// Skips a (possibly compressed) name at the cursor.
        mutating func skipName() throws(Failure) {
            var p = position
            var jumped = false
            var jumps = 0
            while true {
                guard p < bytes.count else { throw .malformed }
                let length = Int(bytes[p])
                if length & 0xC0 == 0xC0 {
                    guard p + 1 < bytes.count else { throw .malformed }
                    jumps += 1
                    guard jumps <= DNSMessage.maxPointers else { throw .malformed }
                    if !jumped { position = p + 2 }
                    jumped = true
                    p = (length & 0x3F) << 8 | Int(bytes[p + 1])
                    continue
                }
                guard length & 0xC0 == 0 else { throw .malformed }
                if length == 0 {
                    if !jumped { position = p + 1 }
                    return
                }
                p += 1 + length
            }
        }
    }
}
