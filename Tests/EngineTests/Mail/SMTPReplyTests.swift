// SMTPReplyTests.swift: SMTP replies from bytes: single and multi-line, any split, and the refusals.
// Book: docs/13-sessions-and-auth.md ("Sending mail").
import Engine
import Testing

@Suite struct SMTPReplyTests {
    /// Every reply in `chunks` fed one after another, or the failure that stopped them.
    static func parse(_ chunks: [[UInt8]]) -> (replies: [SMTPReply], failure: SMTPReplyParser.Failure?) {
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

    static func parse(_ text: String) -> (replies: [SMTPReply], failure: SMTPReplyParser.Failure?) {
        parse([Array(text.utf8)])
    }

    static let ehlo = "250-sink.test\r\n250-SIZE 1048576\r\n250-8BITMIME\r\n250-AUTH LOGIN PLAIN\r\n250 STARTTLS\r\n"

    @Test func singleAndMultiLine() throws {
        let greeting = Self.parse("220 sink.test ESMTP ready\r\n")
        #expect(greeting.replies == [SMTPReply(code: 220, lines: ["sink.test ESMTP ready"])] && greeting.failure == nil)
        let ehlo = try #require(Self.parse(Self.ehlo).replies.first)
        #expect(ehlo.code == 250 && ehlo.lines.count == 5 && ehlo.isPositive)
        #expect(ehlo.ehloKeywords["AUTH"] == ["LOGIN", "PLAIN"] && ehlo.ehloKeywords["STARTTLS"] == [])
        #expect(ehlo.ehloKeywords["SIZE"] == ["1048576"] && ehlo.ehloKeywords["SINK.TEST"] == nil)
        // A bare code, a bare LF, and two replies in one read.
        #expect(Self.parse("354\r\n").replies == [SMTPReply(code: 354, lines: [""])])
        #expect(Self.parse("250 ok\n221 bye\r\n").replies.map(\.code) == [250, 221])
        #expect(Self.parse("334 VXNlcm5hbWU6\r\n").replies.first?.isIntermediate == true)
    }

    /// The same bytes at once, byte by byte and in every two-way split give the same replies.
    @Test func anySplitGivesTheSameReplies() {
        let bytes = Array(("220 hi\r\n" + Self.ehlo + "535-5.7.8 no\r\n535 5.7.8 really not\r\n250 ").utf8)
        let whole = Self.parse([bytes])
        #expect(whole.replies.count == 3 && whole.failure == nil)
        #expect(Self.parse(bytes.map { [$0] }).replies == whole.replies)
        for cut in 0...bytes.count {
            #expect(Self.parse([Array(bytes[..<cut]), Array(bytes[cut...])]).replies == whole.replies)
        }
    }

    @Test func malformedReplies() {
        for (text, failure) in [
            ("hello\r\n", SMTPReplyParser.Failure.badLine), ("25\r\n", .badLine), ("250x\r\n", .badLine),
            ("600 no\r\n", .badLine), ("199 no\r\n", .badLine), ("2a0 no\r\n", .badLine), ("260 no\r\n", .badLine),
            ("\r\n", .badLine), ("250-a\r\n251 b\r\n", .mixedCodes),
        ] {
            #expect(Self.parse(text).failure == failure, "\(text.debugDescription)")
        }
        // After a failure the parser refuses everything, valid bytes included.
        var parser = SMTPReplyParser()
        parser.append(Array("bad\r\n".utf8))
        #expect(throws: SMTPReplyParser.Failure.badLine) { try parser.next() }
        parser.append(Array("250 ok\r\n".utf8))
        #expect(throws: SMTPReplyParser.Failure.badLine) { try parser.next() }
    }

    /// Lines up to 2,048 bytes and replies up to 100 lines; one more of either is refused, and an
    /// over-long line is refused before its end arrives.
    @Test func bounds() {
        let longest = "250 " + String(repeating: "x", count: SMTPReplyParser.maxLineLength - 4)
        #expect(Self.parse(longest + "\r\n").replies.count == 1)
        #expect(Self.parse(longest + "x\r\n").failure == .lineTooLong)
        #expect(Self.parse(longest + "x\n").failure == .lineTooLong)
        #expect(Self.parse("250 " + String(repeating: "x", count: 3000)).failure == .lineTooLong)
        // Without an end of line, 2,049 bytes may still be a line and its CR; 2,050 are not.
        #expect(Self.parse(longest + "\r").failure == nil)
        #expect(Self.parse(longest + "xy").failure == .lineTooLong)

        let hundred = String(repeating: "250-x\r\n", count: SMTPReplyParser.maxLines - 1) + "250 x\r\n"
        #expect(Self.parse(hundred).replies.first?.lines.count == 100)
        #expect(Self.parse("250-x\r\n" + hundred).failure == .tooManyLines)
    }

    /// Control characters and invalid UTF-8 in the text do not come through as they are.
    @Test func textIsCleaned() {
        let reply = Self.parse([Array("250 a\u{1B}[31mb\tc".utf8) + [0xFF, 0x0D, 0x0A]]).replies.first
        #expect(reply?.lines == ["a?[31mb\tc\u{FFFD}"])
    }

    /// Bytes after a complete reply are pending input (what STARTTLS must not have).
    @Test func pendingInput() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("220 go ahead\r\n".utf8))
        #expect(try parser.next()?.code == 220)
        #expect(!parser.hasPendingInput)
        parser.append(Array("220 go ahead\r\n250 fake".utf8))
        #expect(try parser.next()?.code == 220)
        #expect(parser.hasPendingInput)
        parser.append(Array("\r\n250-partial\r\n".utf8))
        #expect(try parser.next()?.code == 250)
        #expect(try parser.next() == nil && parser.hasPendingInput)
    }
}
