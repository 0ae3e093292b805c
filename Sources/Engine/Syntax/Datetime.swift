// Datetime.swift: validated datetimes, the RFC 3339 / ISO 8601 intersection atproto requires. Book: docs/01-atproto.md.

/// A valid atproto datetime, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, kept as given.
public struct Datetime: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The longest datetime string accepted.
    public static let maxLength = 64

    /// The datetime exactly as given.
    public let string: String
    /// The instant, in microseconds since the Unix epoch (fractions below a microsecond are dropped).
    public let microsecondsSinceEpoch: Int64

    /// Validates `string`: syntax, calendar ranges, and an instant between years 0000 and 9999 in UTC.
    public init(_ string: String) throws {
        microsecondsSinceEpoch = try string.withSyntaxUTF8 { try Self.parse($0, string) }
        self.string = string
    }

    /// Formats an instant as UTC with millisecond precision, `YYYY-MM-DDTHH:MM:SS.sssZ`.
    public init(microsecondsSinceEpoch micros: Int64) {
        precondition(micros >= Self.minMicros && micros < Self.endMicros, "datetime outside years 0000-9999")
        let millis = micros >= 0 ? micros / 1000 : (micros - 999) / 1000
        self.microsecondsSinceEpoch = millis * 1000
        self.string = Self.format(millis: millis)
    }

    /// The current time as UTC with millisecond precision.
    public static func now() -> Datetime {
        Datetime(microsecondsSinceEpoch: RealtimeClock.microsecondsSinceEpoch())
    }

    /// The datetime string as given.
    public var description: String { string }

    /// Orders by instant, then by string so that distinct spellings of one instant are still ordered.
    public static func < (lhs: Datetime, rhs: Datetime) -> Bool {
        (lhs.microsecondsSinceEpoch, lhs.string) < (rhs.microsecondsSinceEpoch, rhs.string)
    }

    /// Decodes a datetime from a single string.
    public init(from decoder: any Decoder) throws {
        self = try SyntaxCoding.decode(decoder) { try Datetime($0) }
    }

    /// Encodes the datetime as the string it was made from.
    public func encode(to encoder: any Encoder) throws { try SyntaxCoding.encode(string, to: encoder) }

    // MARK: - Calendar

    private static let microsPerDay: Int64 = 86_400_000_000
    /// 0000-01-01T00:00:00Z.
    private static let minMicros = daysFromCivil(0, 1, 1) * microsPerDay
    /// 10000-01-01T00:00:00Z (exclusive).
    private static let endMicros = daysFromCivil(10000, 1, 1) * microsPerDay

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: - Parsing and formatting

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, _ input: String) throws -> Int64 {
        func fail(_ reason: String) -> SyntaxError { SyntaxError(.datetime, reason, input: input) }
        let n = b.count
        guard n <= maxLength else { throw fail("longer than 64 characters") }
        // YYYY-MM-DDTHH:MM:SS is 19 bytes; the shortest zone is "Z".
        guard n >= 20 else { throw fail("too short for YYYY-MM-DDTHH:MM:SS and a zone") }
        func digits(_ at: Int, _ count: Int) -> Bool {
            for i in at..<(at + count) where !SyntaxASCII.isDigit(b[i]) { return false }
            return true
        }
        guard digits(0, 4), b[4] == UInt8(ascii: "-"), digits(5, 2), b[7] == UInt8(ascii: "-"), digits(8, 2)
        else { throw fail("date must be YYYY-MM-DD") }
        guard b[10] == UInt8(ascii: "T") else { throw fail("date and time must be separated by an upper-case T") }
        guard digits(11, 2), b[13] == UInt8(ascii: ":"), digits(14, 2), b[16] == UInt8(ascii: ":"), digits(17, 2)
        else { throw fail("time must be HH:MM:SS") }
        var i = 19
        var micros: Int64 = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < n, SyntaxASCII.isDigit(b[i]) {
                if i - start < 6 { micros = micros * 10 + Int64(b[i] &- 0x30) }
                i += 1
            }
            guard i > start else { throw fail("empty fractional seconds") }
            for _ in min(i - start, 6)..<6 { micros *= 10 }
        }
        var offsetSeconds: Int64 = 0
        guard i < n else { throw fail("missing time zone (Z or ±HH:MM)") }
        if b[i] == UInt8(ascii: "Z") {
            guard i + 1 == n else { throw fail("unexpected characters after zone") }
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard i + 6 == n, digits(i + 1, 2), b[i + 3] == UInt8(ascii: ":"), digits(i + 4, 2) else {
                throw fail("zone offset must be ±HH:MM")
            }
            let hours = SyntaxASCII.number(b, i + 1, 2)
            let minutes = SyntaxASCII.number(b, i + 4, 2)
            guard hours <= 23, minutes <= 59 else { throw fail("zone offset out of range") }
            if b[i] == UInt8(ascii: "-") {
                guard hours != 0 || minutes != 0 else { throw fail("\"-00:00\" is not allowed; use Z or +00:00") }
                offsetSeconds = -Int64(hours * 3600 + minutes * 60)
            } else {
                offsetSeconds = Int64(hours * 3600 + minutes * 60)
            }
        } else {
            throw fail("missing time zone (Z or ±HH:MM)")
        }
        let year = SyntaxASCII.number(b, 0, 4)
        let month = SyntaxASCII.number(b, 5, 2)
        let day = SyntaxASCII.number(b, 8, 2)
        let hour = SyntaxASCII.number(b, 11, 2)
        let minute = SyntaxASCII.number(b, 14, 2)
        let second = SyntaxASCII.number(b, 17, 2)
        guard (1...12).contains(month) else { throw fail("month out of range") }
        guard day >= 1, day <= daysInMonth(year, month) else { throw fail("day out of range") }
        guard hour <= 23, minute <= 59, second <= 59 else { throw fail("time out of range") }
        let days = daysFromCivil(Int64(year), Int64(month), Int64(day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
        let result = seconds * 1_000_000 + micros
        guard result >= minMicros else { throw fail("normalises to before year 0000") }
        guard result < endMicros else { throw fail("normalises to after year 9999") }
        return result
    }

    private static func format(millis: Int64) -> String {
        let msPerDay: Int64 = 86_400_000
        let days = millis >= 0 ? millis / msPerDay : (millis - msPerDay + 1) / msPerDay
        let (year, month, day) = civilFromDays(days)
        let msOfDay = millis - days * msPerDay
        let fields: [(Int64, Int)] = [
            (year, 4), (month, 2), (day, 2),
            (msOfDay / 3_600_000, 2), (msOfDay / 60_000 % 60, 2), (msOfDay / 1000 % 60, 2), (msOfDay % 1000, 3),
        ]
        let separators: [UInt8] = Array("--T::.Z".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        for (index, (value, width)) in fields.enumerated() {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var v = value
            for k in stride(from: width - 1, through: 0, by: -1) {
                digits[k] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            bytes += digits
            bytes.append(separators[index])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
