// AtprotoJSONTests.swift: the JSON form of the data model.
import Testing

@testable import Engine

@Suite struct AtprotoJSONTests {
    @Test func parsesScalarsAndEscapes() throws {
        let v = try AtprotoJSON.decode(#"{"s":"a\"b\\c\/d\n\u00e9\ud83d\ude00","t":true,"f":false,"n":null,"i":-42,"l":[1,2]}"#)
        #expect(v["s"] == .string("a\"b\\c/d\né😀"))
        #expect(v["t"] == true && v["f"] == false && v["n"] == .null && v["i"] == -42 && v["l"] == [1, 2])
    }

    @Test func integersAtTheLimits() throws {
        #expect(try AtprotoJSON.decode("9223372036854775807") == .int(.max))
        #expect(try AtprotoJSON.decode("-9223372036854775808") == .int(.min))
        #expect(throws: JSONError(.number, at: 0)) { try AtprotoJSON.decode("9223372036854775808") }
        #expect(throws: JSONError(.number, at: 0)) { try AtprotoJSON.decode("-9223372036854775809") }
        #expect(try AtprotoJSON.decode("123.0") == .int(123))
        #expect(try AtprotoJSON.decode("1e3") == .int(1000))
        #expect(throws: JSONError(.number, at: 0)) { try AtprotoJSON.decode("1.5") }
        #expect(throws: JSONError.self) { try AtprotoJSON.decode("01") }
        #expect(throws: JSONError.self) { try AtprotoJSON.decode("-") }
        #expect(throws: JSONError.self) { try AtprotoJSON.decode("1.") }
    }

    @Test func rejectsMalformedJSON() {
        for bad in ["", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "\"abc", "\"\u{01}\"", "tru", "nul",
                    "[1 2]", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "1 2", "{\"a\":1}}"] {
            #expect(throws: JSONError.self, "\(bad.debugDescription)") { try AtprotoJSON.decode(bad) }
        }
        #expect(throws: JSONError.self) { try AtprotoJSON.decode([0x22, 0xC3, 0x28, 0x22]) }  // bad UTF-8
    }

    @Test func rejectsDuplicateKeysAndDeepNesting() {
        #expect(throws: JSONError(.duplicateKey, at: 0)) { try AtprotoJSON.decode(#"{"a":1,"a":2}"#) }
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: JSONError.self) { try AtprotoJSON.decode(deep) }
        #expect(throws: Never.self) { try AtprotoJSON.decode(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) }
    }

    @Test func linksBytesAndBlobs() throws {
        let cid = "bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity"
        let v = try AtprotoJSON.decode(#"{"l":{"$link":"\#(cid)"},"b":{"$bytes":"AQID"},"blob":{"$type":"blob","ref":{"$link":"\#(cid)"},"mimeType":"image/png","size":3}}"#)
        #expect(v["l"] == .link(try CID(string: cid)))
        #expect(v["b"] == .bytes([1, 2, 3]))
        #expect(v["blob"]?["size"] == 3)
        #expect(try AtprotoJSON.decode(AtprotoJSON.encode(v)) == v)
        #expect(throws: JSONError(.badBlob, at: 0)) { try AtprotoJSON.decode(#"{"$type":"blob","mimeType":"a/b","size":1}"#) }
        #expect(throws: JSONError(.badType, at: 0)) { try AtprotoJSON.decode(#"{"$type":""}"#) }
        #expect(throws: JSONError(.badBytes, at: 0)) { try AtprotoJSON.decode(#"{"$bytes":"!!"}"#) }
    }

    @Test func writerEscapesControlCharacters() {
        #expect(AtprotoJSON.encodeString(["k": .string("a\u{1}\"\n")]) == #"{"k":"a\u0001\"\n"}"#)
    }

    @Test func randomValuesRoundTrip() throws {
        var rng = SplitMix(seed: 99)
        for _ in 0..<1000 {
            let v = RandomIPLD.value(&rng)
            #expect(try AtprotoJSON.decode(AtprotoJSON.encode(v)) == v)
        }
    }

    @Test func base64() {
        #expect(Base64.encode([]) == "")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fooba".utf8)) == "Zm9vYmE")
        #expect(Base64.decode("Zm9vYmE=") == Array("fooba".utf8))
        #expect(Base64.decode("Zm9vYmE") == Array("fooba".utf8))
        #expect(Base64.decode("Zm9vYmF") == nil)  // non-zero trailing bits
        #expect(Base64.decode("Z") == nil)
        #expect(Base64.decode("Zm9v!") == nil)
    }
}

extension AtprotoJSONTests {
    /// 2^53 + 1 written as a float would round to 2^53: refuse rather than change the value.
    @Test func integralFloatsBeyond2To53AreRejected() {
        #expect(throws: JSONError(.number, at: 0)) { try AtprotoJSON.decode("9007199254740993.0") }
        #expect(throws: JSONError(.number, at: 0)) { try AtprotoJSON.decode("9007199254740992.0") }
        #expect(try! AtprotoJSON.decode("9007199254740991.0") == .int(9_007_199_254_740_991))
    }
}
