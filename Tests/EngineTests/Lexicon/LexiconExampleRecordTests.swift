// LexiconExampleRecordTests.swift: every field of the interop example.lexicon.record schema, passing and failing.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("example.lexicon.record field checks")
struct LexiconExampleRecordTests {
    static let collection = nsid("example.lexicon.record")

    /// Validates `{"$type": …, "integer": 1, <extra>}`.
    static func validate(_ extra: String) -> LexiconValidation {
        let body = extra.isEmpty ? "" : "," + extra
        return LexiconFixtures.withInterop.validateRecord(
            collection: collection, value: json(#"{"$type":"example.lexicon.record","integer":1\#(body)}"#))
    }

    @Test func minimalIsValid() { #expect(Self.validate("") == .valid) }

    @Test func everyFieldValid() {
        let all = """
            "boolean":true,"string":"s","nullableString":null,"bytes":{"$bytes":"AAEC"},
            "cid-link":{"$link":"\(sampleCID)"},
            "blob":{"$type":"blob","ref":{"$link":"\(sampleCID)"},"mimeType":"text/plain","size":3},
            "unknown":{"anything":[1,2,3]},"array":[1,2],"object":{"a":1,"b":2},"ref":{"a":1},
            "union":{"$type":"example.lexicon.record#demoObjectTwo","c":1},
            "formats":{"did":"did:web:example.com","handle":"alice.example.com","atidentifier":"did:plc:ewvi7nxzyoun6zhxrhs64oiz",
              "nsid":"com.example.thing","aturi":"at://alice.example.com/com.example.thing/self","cid":"\(sampleCID)",
              "datetime":"2024-11-25T14:00:00.123+01:00","language":"zh-Hant","uri":"https://example.com/x?y#z",
              "tid":"3jzfcijpj2z2a","recordkey":"self"},
            "constInteger":42,"defaultInteger":7,"enumInteger":16,"rangeInteger":15,
            "lenString":"0123456789","graphemeString":"👍👍👍👍👍👍👍👍👍👍","enumString":"tree","knownString":"purple",
            "sizeBytes":{"$bytes":"AAECAwQFBgcICQ=="},"lenArray":[1,2,3],
            "sizeBlob":{"$type":"blob","ref":{"$link":"\(sampleCID)"},"mimeType":"text/plain","size":20},
            "acceptBlob":{"$type":"blob","ref":{"$link":"\(sampleCID)"},"mimeType":"image/webp","size":99999},
            "closedUnion":{"$type":"example.lexicon.record#demoObject","a":5}
            """
        #expect(Self.validate(all) == .valid)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let extra: String
        let path: String
        let kind: LexiconViolation.Kind
        var testDescription: String { path }
    }

    static let invalid: [Case] = [
        Case(extra: #""boolean":"true""#, path: "record/boolean", kind: .wrongType(expected: "boolean")),
        Case(extra: #""string":5"#, path: "record/string", kind: .wrongType(expected: "string")),
        Case(extra: #""nullableString":5"#, path: "record/nullableString", kind: .wrongType(expected: "string")),
        Case(extra: #""string":null"#, path: "record/string", kind: .wrongType(expected: "string")),
        Case(extra: #""bytes":"AAEC""#, path: "record/bytes", kind: .wrongType(expected: "bytes")),
        Case(extra: #""cid-link":"\#(sampleCID)""#, path: "record/cid-link", kind: .wrongType(expected: "cid-link")),
        Case(extra: #""unknown":"text""#, path: "record/unknown", kind: .wrongType(expected: "object")),
        Case(extra: #""array":[1,"2"]"#, path: "record/array/1", kind: .wrongType(expected: "integer")),
        Case(extra: #""object":{"a":"1"}"#, path: "record/object/a", kind: .wrongType(expected: "integer")),
        Case(extra: #""ref":{"b":true}"#, path: "record/ref/b", kind: .wrongType(expected: "integer")),
        Case(extra: #""union":{"c":1}"#, path: "record/union", kind: .missingType),
        Case(
            extra: #""union":{"$type":"example.lexicon.record#demoObjectTwo","d":"x"}"#, path: "record/union/d",
            kind: .wrongType(expected: "integer")),
        Case(
            extra: #""closedUnion":{"$type":"example.lexicon.record#demoObjectTwo","c":1}"#, path: "record/closedUnion",
            kind: .typeNotAllowed("example.lexicon.record#demoObjectTwo")),
        Case(
            extra: #""closedUnion":{"$type":"com.example.other","c":1}"#, path: "record/closedUnion",
            kind: .typeNotAllowed("com.example.other")),
        Case(extra: #""constInteger":41"#, path: "record/constInteger", kind: .notConst),
        Case(extra: #""enumInteger":5"#, path: "record/enumInteger", kind: .notInEnum),
        Case(extra: #""rangeInteger":9"#, path: "record/rangeInteger", kind: .belowMinimum(10)),
        Case(extra: #""rangeInteger":21"#, path: "record/rangeInteger", kind: .aboveMaximum(20)),
        Case(extra: #""lenString":"123456789""#, path: "record/lenString", kind: .tooShort(min: 10, unit: .utf8Bytes)),
        Case(extra: #""lenString":"ééééééééééé""#, path: "record/lenString", kind: .tooLong(max: 20, unit: .utf8Bytes)),
        Case(
            extra: #""graphemeString":"👍👍👍👍👍👍👍👍👍""#, path: "record/graphemeString",
            kind: .tooShort(min: 10, unit: .graphemes)),
        Case(
            extra: #""graphemeString":"abcdefghijklmnopqrstu""#, path: "record/graphemeString",
            kind: .tooLong(max: 20, unit: .graphemes)),
        Case(extra: #""enumString":"bush""#, path: "record/enumString", kind: .notInEnum),
        Case(
            extra: #""sizeBytes":{"$bytes":"AAEC"}"#, path: "record/sizeBytes", kind: .tooShort(min: 10, unit: .bytes)),
        Case(extra: #""lenArray":[1]"#, path: "record/lenArray", kind: .tooShort(min: 2, unit: .items)),
        Case(extra: #""lenArray":[1,2,3,4,5,6]"#, path: "record/lenArray", kind: .tooLong(max: 5, unit: .items)),
        Case(extra: #""formats":{"did":"did:nope"}"#, path: "record/formats/did", kind: .badFormat(.did)),
        Case(extra: #""formats":{"handle":"-bad-.com"}"#, path: "record/formats/handle", kind: .badFormat(.handle)),
        Case(
            extra: #""formats":{"atidentifier":"at://x"}"#, path: "record/formats/atidentifier",
            kind: .badFormat(.atIdentifier)),
        Case(extra: #""formats":{"nsid":"com"}"#, path: "record/formats/nsid", kind: .badFormat(.nsid)),
        Case(extra: #""formats":{"aturi":"https://x.com"}"#, path: "record/formats/aturi", kind: .badFormat(.atURI)),
        Case(extra: #""formats":{"cid":"not a cid"}"#, path: "record/formats/cid", kind: .badFormat(.cid)),
        Case(
            extra: #""formats":{"datetime":"2024-11-25"}"#, path: "record/formats/datetime", kind: .badFormat(.datetime)
        ),
        Case(
            extra: #""formats":{"language":"english!"}"#, path: "record/formats/language", kind: .badFormat(.language)),
        Case(extra: #""formats":{"uri":"no scheme"}"#, path: "record/formats/uri", kind: .badFormat(.uri)),
        Case(extra: #""formats":{"tid":"3jzfcijpj2z2"}"#, path: "record/formats/tid", kind: .badFormat(.tid)),
        Case(extra: #""formats":{"recordkey":".."}"#, path: "record/formats/recordkey", kind: .badFormat(.recordKey)),
    ]

    @Test(arguments: invalid)
    func invalidField(_ c: Case) {
        #expect(Self.validate(c.extra).violation == LexiconViolation(path: c.path, kind: c.kind))
    }

    @Test func missingRequiredInteger() {
        let result = LexiconFixtures.withInterop.validateRecord(
            collection: Self.collection, value: json(#"{"$type":"example.lexicon.record"}"#))
        #expect(result.violation == LexiconViolation(path: "record/integer", kind: .missingRequired))
    }

    @Test func unlistedKeysAreAllowed() {
        #expect(Self.validate(#""somethingElse":{"x":[true]}"#) == .valid)
    }
}
