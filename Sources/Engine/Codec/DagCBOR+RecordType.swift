// DagCBOR+RecordType.swift: a record's `$type` without decoding the record. Book: docs/05-cid-dag-cbor.md.

extension DagCBOR {
    /// The `$type` of a record: the block must be one strict DAG-CBOR map whose `$type` entry is
    /// a non-empty text string. Validates the whole block (C scanner), then reads only the top
    /// map's keys, skipping other values with the scanner: no `IPLD` values are built. Nil if the
    /// block is not such a record.
    public static func recordType(_ buffer: UnsafeRawBufferPointer) -> String? {
        guard (try? validate(buffer)) != nil else { return nil }
        var reader = TrustedCBORReader(buffer)
        let head = reader.byte()
        guard head >> 5 == 5 else { return nil }
        let count = reader.argument(head & 31)
        for _ in 0..<count {
            let keyHead = reader.byte()
            let keyLength = Int(reader.argument(keyHead & 31))
            let isType = keyLength == 5 && buffer[reader.position..<reader.position + 5].elementsEqual("$type".utf8)
            reader.position += keyLength
            if isType {
                let valueHead = reader.byte()
                guard valueHead >> 5 == 3 else { return nil }
                let n = Int(reader.argument(valueHead & 31))
                return n == 0 ? nil : reader.string(n)
            }
            // Canonical order puts shorter keys first: past the 5-byte keys, `$type` cannot follow.
            if keyLength > 5 { return nil }
            guard let skipped = try? scan(UnsafeRawBufferPointer(rebasing: buffer[reader.position...])) else { return nil }
            reader.position += skipped
        }
        return nil
    }

    /// The `$type` of a record held in an array (see the buffer form).
    public static func recordType(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBytes { recordType($0) } }
}
