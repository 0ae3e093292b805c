// CIDTests.swift: CID text and binary forms.
import Testing

@testable import Engine

@Suite struct CIDTests {
    @Test func knownDagCBORCID() throws {
        // The empty map {} is 0xa0.
        let cid = CID.dagCBOR([0xA0])
        #expect(cid.string == "bafyreigbtj4x7ip5legnfznufuopl4sg4knzc2cof6duas4b3q2fy6swua")
        #expect(try CID(string: cid.string) == cid)
        #expect(cid.encodedLength == 36)
        #expect(try CID(bytes: cid.bytes) == cid)
    }

    @Test func rawCodecForBlobs() throws {
        let cid = CID.raw(Array("hello".utf8))
        #expect(cid.codec == CID.rawCodec)
        #expect(cid.string.hasPrefix("bafkrei"))
        #expect(try CID(string: cid.string) == cid)
    }

    @Test func parsesFixtureCIDs() throws {
        for s in ["bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
                  "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a",
                  "bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity"] {
            let c = try CID(string: s)
            #expect(c.string == s)
            #expect(c.version == 1)
        }
    }

    @Test func cidV0ReadsAndPrintsInBase58() throws {
        let s = "QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR"
        let c = try CID(string: s)
        #expect(c.version == 0)
        #expect(c.codec == CID.dagPBCodec)
        #expect(c.string == s)
        #expect(c.bytes.count == 34)
    }

    @Test func base58MultibaseV1() throws {
        let c = CID.dagCBOR([0xA0])
        #expect(try CID(string: "z" + Base58.encode(c.bytes)) == c)
    }

    @Test(arguments: ["", "b", "bafy", "Bafyreigbtj4x7ip5legnfznufuopl4sg4knzc2cof6duas4b3q2fy6swua",
                      "bafyreigbtj4x7ip5legnfznufuopl4sg4knzc2cof6duas4b3q2fy6swu",
                      "bafyreigbtj4x7ip5legnfznufuopl4sg4knzc2cof6duas4b3q2fy6swua ", "example.com", "12345"])
    func rejectsBadStrings(_ s: String) {
        #expect(throws: CIDError.self) { try CID(string: s) }
    }

    @Test func binaryErrors() {
        #expect(throws: CIDError.truncated) { try CID(bytes: [0x01, 0x71, 0x12, 0x20, 0x00]) }
        #expect(throws: CIDError.unsupportedVersion(2)) { try CID(bytes: [0x02, 0x71, 0x12, 0x20]) }
        #expect(throws: CIDError.digestTooLong(64)) { try CID(bytes: [0x01, 0x71, 0x13, 0x40] + [UInt8](repeating: 1, count: 64)) }
        #expect(throws: CIDError.badVarint) { try CID(bytes: [0x01, 0xF1, 0x00, 0x12, 0x20]) }
        var long = CID.dagCBOR([0xA0]).bytes
        long.append(0)
        #expect(throws: CIDError.trailingBytes) { try CID(bytes: long) }
    }

    @Test func shortDigestsRoundTrip() throws {
        let c = try CID(codec: CID.rawCodec, hashCode: 0x00, digest: [1, 2, 3])  // identity hash
        #expect(try CID(bytes: c.bytes) == c)
        #expect(try CID(string: c.string) == c)
        #expect(c.digest == [1, 2, 3])
    }
}

extension CIDTests {
    /// CIDv0 has one shape; anything else built as version 0 would not parse back.
    @Test func cidV0OnlyInItsOneShape() throws {
        #expect(throws: CIDError.self) { try CID(version: 0, codec: 0x71, hashCode: 0x1E, digest: [1, 2, 3]) }
        let ok = try CID(version: 0, codec: CID.dagPBCodec, hashCode: CID.sha256Code, digest: [UInt8](repeating: 1, count: 32))
        #expect(try CID(bytes: ok.bytes) == ok)
    }
}
