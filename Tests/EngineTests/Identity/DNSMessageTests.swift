// DNSMessageTests.swift: TXT queries out, strict reading of answers in.
import Testing

@testable import Engine

@Suite struct DNSMessageTests {
    static func name(_ n: String) -> [UInt8] {
        n.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
    }

    /// An answer to `id` for `_atproto.alice.example.com` with `records` (each a list of strings),
    /// the answers' names compressed to a pointer at the question.
    static func answer(id: UInt16, rcode: UInt8 = 0, _ records: [[String]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xFF), 0x81, 0x80 | rcode, 0, 1, 0, UInt8(records.count), 0, 0, 0, 0]
        out += name("_atproto.alice.example.com") + [0, 16, 0, 1]
        for strings in records {
            let data = strings.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
            out += [0xC0, 0x0C, 0, 16, 0, 1, 0, 0, 1, 44, UInt8(data.count >> 8), UInt8(data.count & 0xFF)] + data
        }
        return out
    }

    @Test func queriesAreEncodedAsRFC1035() throws {
        let q = try #require(DNSMessage.query(id: 0xBEEF, name: "_atproto.alice.com"))
        #expect(Array(q[..<12]) == [0xBE, 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0])
        #expect(Array(q[12...]) == Self.name("_atproto.alice.com") + [0, 16, 0, 1])
        #expect(DNSMessage.query(id: 1, name: "a..b") == nil)
        #expect(DNSMessage.query(id: 1, name: String(repeating: "a", count: 64) + ".com") == nil)
    }

    @Test func txtAnswersAreRead() throws {
        let a = Self.answer(id: 7, [["did=did:plc:abc"], ["v=spf1", " -all"]])
        #expect(try DNSMessage.txtRecords(a, id: 7) == ["did=did:plc:abc", "v=spf1 -all"])
        #expect(throws: DNSMessage.Failure.notOurs) { try DNSMessage.txtRecords(a, id: 8) }
        #expect(throws: DNSMessage.Failure.serverError(3)) {
            try DNSMessage.txtRecords(Self.answer(id: 7, rcode: 3, []), id: 7)
        }
    }

    @Test func hostileAnswersFailCleanly() throws {
        let a = Self.answer(id: 7, [["did=did:plc:abc"]])
        for cut in 0..<a.count {
            #expect(throws: DNSMessage.Failure.self) { try DNSMessage.txtRecords(Array(a[..<cut]), id: 7) }
        }
        // A name that points at itself.
        let loop: [UInt8] = [0, 7, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 0x0C, 0, 16, 0, 1]
        #expect(throws: DNSMessage.Failure.malformed) { try DNSMessage.txtRecords(loop, id: 7) }
        // A TXT string longer than its record.
        var long = a
        long[long.count - 16] = 200
        #expect(throws: DNSMessage.Failure.malformed) { try DNSMessage.txtRecords(long, id: 7) }
    }
}
