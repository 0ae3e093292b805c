// DatetimeTests.swift: datetime instants, calendar edge cases and now(). Book: docs/01-atproto.md.

import Engine
import Testing

@Suite("Datetime")
struct DatetimeTests {
    @Test("instants")
    func instants() throws {
        #expect(try Datetime("1970-01-01T00:00:00Z").microsecondsSinceEpoch == 0)
        #expect(try Datetime("1985-04-12T23:20:50.123Z").microsecondsSinceEpoch == 482_196_050_123_000)
        #expect(try Datetime("1985-04-12T16:20:50.123-07:00").microsecondsSinceEpoch == 482_196_050_123_000)
        #expect(try Datetime("1985-04-13T00:20:50.1234567Z").microsecondsSinceEpoch == 482_199_650_123_456)
        #expect(try Datetime("0000-01-01T00:00:00.000Z").microsecondsSinceEpoch == -62_167_219_200_000_000)
        #expect(try Datetime("1969-12-31T23:59:59.999Z").microsecondsSinceEpoch == -1_000)
    }

    @Test("calendar edge cases")
    func calendar() {
        for valid in [
            "2024-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "1985-04-30T00:00:00Z", "9999-12-31T23:59:59Z",
            "0000-01-01T01:00:00+01:00",
        ] {
            #expect(throws: Never.self, "\(valid)") { try Datetime(valid) }
        }
        for invalid in [
            "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "1985-04-31T00:00:00Z", "1985-04-12T23:59:60Z",
            "1985-04-12T24:00:00Z", "9999-12-31T23:59:59-01:00", "1985-04-12T23:20:50.123+24:00",
            "1985-04-12T23:20:50.123+00:60", "1985-04-12T23:20:50x123Z",
        ] {
            #expect(throws: SyntaxError.self, "\(invalid)") { try Datetime(invalid) }
        }
    }

    @Test("keeps the original string")
    func original() throws {
        let datetime = try Datetime("1985-04-12T23:20:50.120000+01:45")
        #expect(datetime.description == "1985-04-12T23:20:50.120000+01:45")
    }

    @Test("now() is UTC with millisecond precision")
    func now() throws {
        let now = Datetime.now()
        let bytes = Array(now.string.utf8)
        #expect(bytes.count == 24)
        #expect(bytes[19] == UInt8(ascii: ".") && bytes[23] == UInt8(ascii: "Z"))
        let parsed = try Datetime(now.string)
        #expect(parsed == now)
        #expect(now.microsecondsSinceEpoch % 1000 == 0)
        #expect(now.microsecondsSinceEpoch > 1_700_000_000_000_000)
    }

    @Test("formatting instants round trips")
    func formatting() throws {
        for micros: Int64 in [0, 482_196_050_123_000, -62_167_219_200_000_000, 253_402_300_799_999_000, -1_000] {
            let datetime = Datetime(microsecondsSinceEpoch: micros)
            #expect(try Datetime(datetime.string).microsecondsSinceEpoch == micros, "\(datetime.string)")
        }
        #expect(Datetime(microsecondsSinceEpoch: 0).string == "1970-01-01T00:00:00.000Z")
        #expect(Datetime(microsecondsSinceEpoch: -1).string == "1969-12-31T23:59:59.999Z")
        #expect(Datetime(microsecondsSinceEpoch: 482_196_050_123_999).string == "1985-04-12T23:20:50.123Z")
    }

    @Test("orders by instant")
    func ordering() throws {
        let a = try Datetime("1985-04-12T23:20:50Z")
        let b = try Datetime("1985-04-12T23:20:50.001+00:00")
        let c = try Datetime("1985-04-12T16:20:51-07:00")
        #expect(a < b && b < c)
    }
}
