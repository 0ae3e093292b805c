// Base58Tests.swift: base58btc vectors (Bitcoin Core's), leading zeros, round trips, bad characters.
import Testing

@testable import Engine

@Suite struct Base58Tests {
    typealias B = NativeTestBytes

    /// From Bitcoin Core's src/test/data/base58_encode_decode.json (checked against a big-integer encoder).
    @Test(arguments: [
        ("", ""),
        ("61", "2g"),
        ("626262", "a3gV"),
        ("636363", "aPEr"),
        ("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"),
        ("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"),
        ("516b6fcd0f", "ABnLTmg"),
        ("bf4f89001e670274dd", "3SEo3LWLoPntC"),
        ("572e4794", "3EFU7m"),
        ("ecac89cad93923c02321", "EJDM8drfXA6uyA"),
        ("10c8511e", "Rt5zm"),
        ("00000000000000000000", "1111111111"),
        (
            "000111d38e5fc9071ffcd20b4a763cc9ae4f252bb4e48fd66a835e252ada93ff480d6dd43dc62a641155a5",
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
        ),
        ("0000287fb4cd", "11233QC4"),
    ])
    func vectors(_ hex: String, _ text: String) {
        #expect(Base58.encode(B.hex(hex)) == text)
        #expect(Base58.decode(text) == B.hex(hex))
    }

    @Test func leadingZerosBecomeOnes() {
        for zeros in 0...5 {
            let bytes = [UInt8](repeating: 0, count: zeros) + [1, 2, 3]
            let text = Base58.encode(bytes)
            #expect(text.hasPrefix(String(repeating: "1", count: zeros)))
            #expect(!text.dropFirst(zeros).hasPrefix("1"))
            #expect(Base58.decode(text) == bytes)
            #expect(Base58.encode([UInt8](repeating: 0, count: zeros)) == String(repeating: "1", count: zeros))
        }
    }

    @Test func roundTrips() {
        var rng = SplitMix(seed: 58)
        for n in 0...100 {
            var bytes = B.random(n, using: &rng)
            if n % 3 == 0, n > 0 { bytes[0] = 0 }
            #expect(Base58.decode(Base58.encode(bytes)) == bytes, "length \(n)")
        }
        // Decoding caps the text at 1024 characters: about 750 bytes round-trip.
        let big = B.random(740, using: &rng)
        #expect(Base58.encode(big).utf8.count <= 1024)
        #expect(Base58.decode(Base58.encode(big)) == big)
        #expect(Base58.encode(B.random(1024, using: &rng)).utf8.count > 1024)
    }

    @Test(arguments: ["0", "O", "I", "l", "+", "/", "=", " 2g", "2g ", "2g\n", "\u{e9}", "2\u{0}g"])
    func invalidCharactersRejected(_ text: String) {
        #expect(Base58.decode(text) == nil)
    }

    @Test func overlongTextRejected() {
        #expect(Base58.decode(String(repeating: "2", count: 1025)) == nil)
        #expect(Base58.decode(String(repeating: "1", count: 1024)) == [UInt8](repeating: 0, count: 1024))
    }
}
