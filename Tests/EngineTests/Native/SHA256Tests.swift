// SHA256Tests.swift: SHA-256 known answers, streaming against one-shot, Digest32.
import Testing

@testable import Engine

@Suite struct SHA256Tests {
    typealias B = NativeTestBytes

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownAnswers(_ input: String, _ expected: String) {
        #expect(B.hexString(SHA256.hash(Array(input.utf8)).bytes) == expected)
    }

    @Test func oneMillionAs() {
        let d = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(B.hexString(d.bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingEqualsOneShot() {
        var rng = SplitMix(seed: 1)
        let data = B.random(5000, using: &rng)
        let expected = SHA256.hash(data)
        for chunk in [1, 7, 63, 64, 65, 1000, 5000] {
            let h = SHA256Hasher()
            var i = 0
            while i < data.count {
                let end = min(i + chunk, data.count)
                h.update(Array(data[i..<end]))
                i = end
            }
            #expect(h.finalize() == expected, "chunk size \(chunk)")
        }
    }

    @Test func hasherStartsOverAfterFinalize() {
        let h = SHA256Hasher()
        h.update(Array("abc".utf8))
        _ = h.finalize()
        #expect(h.finalize() == SHA256.hash([UInt8]()))
        h.update(Array("abc".utf8))
        #expect(h.finalize() == SHA256.hash(Array("abc".utf8)))
    }

    @Test func nonContiguousCollectionsHashTheSame() {
        let bytes = (0..<200).map { UInt8($0) }
        #expect(SHA256.hash(bytes.lazy.map { $0 }) == SHA256.hash(bytes))
        #expect(SHA256.hash(bytes[10..<50]) == SHA256.hash(Array(bytes[10..<50])))
    }

    @Test func digest32() {
        let d = SHA256.hash(Array("abc".utf8))
        #expect(Digest32(d.bytes) == d)
        #expect(Digest32([UInt8](repeating: 0, count: 31)) == nil)
        #expect(Digest32([UInt8](repeating: 0, count: 33)) == nil)
        #expect(Digest32([UInt8](repeating: 0, count: 32)) == .zero)
        #expect(Set([d, d, .zero]).count == 2)
    }
}
