// StoreTime.swift: timestamps are stored as integer milliseconds since the Unix epoch (UTC).
// Book: docs/11-sql-schema.md.
import Engine
import Foundation
import SQLKit

/// Conversions between `Date` and the stored form: a 64-bit count of milliseconds since 1970-01-01T00:00Z.
enum StoreTime {
    /// Milliseconds since the epoch, rounded down; sub-millisecond precision is dropped.
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The date `millis` milliseconds after the epoch.
    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// A stored date as an atproto datetime string (millisecond precision, UTC), for answers.
    static func datetime(_ date: Date) -> String {
        Datetime(microsecondsSinceEpoch: millis(date) * 1000).string
    }
}

extension SQLRow {
    /// A non-null timestamp column.
    func date(_ column: String) throws -> Date {
        StoreTime.date(try decode(column: column, as: Int64.self))
    }

    /// A nullable timestamp column.
    func optionalDate(_ column: String) throws -> Date? {
        try decode(column: column, as: Int64?.self).map(StoreTime.date)
    }
}
