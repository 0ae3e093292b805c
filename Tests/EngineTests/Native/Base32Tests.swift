// Base32Tests.swift: RFC 4648 base32 (lower case, unpadded) vectors, round trips and strict decoding.
import Testing

@testable import Engine

@Suite struct Base32Tests {
    typealias B = NativeTestBytes

    /// RFC 4648 section 10, lower-cased and unpadded.
    @Test(arguments: [
        ("", ""), ("f", "my"), ("fo", "mzxq"), ("foo", "mzxw6"), ("foob", "mzxw6yq"), ("fooba", "mzxw6ytb"),
        ("foobar", "mzxw6ytboi"),
    ])
    func rfc4648Vectors(_ plain: String, _ encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test func fullAlphabet() {
        // 0x00 0x44 0x32 0x14 0xC7 ... spells every digit once.
        let bytes = B.hex("00443214c74254b635cf84653a56d7c675be77df")
        let text = "abcdefghijklmnopqrstuvwxyz234567"
        #expect(Base32.encode(bytes) == text)
        #expect(Base32.decode(text) == bytes)
    }

    @Test func everyLengthRoundTrips() {
        var rng = SplitMix(seed: 32)
        for n in 0...64 {
            for _ in 0..<8 {
                let bytes = B.random(n, using: &rng)
                let text = Base32.encode(bytes)
                #expect(text.utf8.count == (n * 8 + 4) / 5)
                #expect(Base32.decode(text) == bytes, "length \(n)")
                #expect(Base32.decode(Substring(text)) == bytes)
            }
        }
    }

    @Test(arguments: ["a", "abc", "abcdef", "abcdefgha", "abcdefghabc", "abcdefghabcdef"])
    func impossibleTailLengthsRejected(_ text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test(arguments: [
        "mz",  // "f" is "my": the last character's low 2 bits must be zero
        "mzxr",  // "fo" is "mzxq": 4 unused bits
        "mzxw7",  // "foo" is "mzxw6": 1 unused bit
        "mzxw6yr",  // "foob" is "mzxw6yq": 3 unused bits
        "mzxw6ytboj",  // "foobar" is "mzxw6ytboi": the tail after a full block is checked too
    ])
    func nonZeroTrailingBitsRejected(_ text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test func fullBlocksHaveNoUnusedBits() {
        #expect(Base32.decode("mzxw6ytc") == Array("foobb".utf8))
    }

    @Test(arguments: [
        "MY", "mY", "my=", "m0", "m1", "m8", "m9", "my======", " my", "my ", "m-", "m\u{e9}",
        "abcdefgA", "abcdefg=", "abcdefghijklmnop0",
    ])
    func invalidCharactersRejected(_ text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test func invalidCharacterAnywhereInALongInput() {
        let good = Base32.encode([UInt8](repeating: 0xA5, count: 40))
        var chars = Array(good.utf8)
        for i in chars.indices {
            let saved = chars[i]
            chars[i] = UInt8(ascii: "1")
            #expect(Base32.decode(String(decoding: chars, as: UTF8.self)) == nil, "position \(i)")
            chars[i] = saved
        }
        #expect(Base32.decode(String(decoding: chars, as: UTF8.self)) != nil)
    }
}
