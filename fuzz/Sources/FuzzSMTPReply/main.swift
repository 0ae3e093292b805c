// FuzzSMTPReply: SMTP server replies as the mail client reads them off the connection.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
// Properties: SMTPReplyParser never crashes or hangs on any bytes; the input fed at once, byte by
// byte, and split at a point the input chooses gives the same replies and the same failure; every
// reply has 1 to 100 lines and a code from 200 to 559.
import Engine

/// Every reply from `chunks` fed in order, and the failure that stopped them, if any.
func parse(_ chunks: [ArraySlice<UInt8>]) -> ([SMTPReply], SMTPReplyParser.Failure?) {
    var parser = SMTPReplyParser()
    var replies: [SMTPReply] = []
    for chunk in chunks {
        parser.append(chunk)
        do throws(SMTPReplyParser.Failure) {
            while let reply = try parser.next() { replies.append(reply) }
        } catch {
            return (replies, error)
        }
    }
    return (replies, nil)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSMTPReply(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = parse([bytes[...]])
    for reply in whole.0 {
        precondition((1...SMTPReplyParser.maxLines).contains(reply.lines.count), "line count out of bounds")
        precondition((200...559).contains(reply.code), "code out of range")
    }
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) * bytes.count / 256
    let split = parse([bytes[..<cut], bytes[cut...]])
    precondition(split.0 == whole.0 && split.1 == whole.1, "a split changed the replies")
    if bytes.count <= 4096 {
        let single = parse(bytes.indices.map { bytes[$0...$0] })
        precondition(single.0 == whole.0 && single.1 == whole.1, "byte-by-byte feeding changed the replies")
    }
    return 0
}
