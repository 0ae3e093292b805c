// LexiconBlobTests.swift: blob shape, accept patterns (with wildcards) and maxSize.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("Blob validation")
struct LexiconBlobTests {
    static func blob(_ mime: String, _ size: Int64) -> String {
        #"{"$type":"blob","ref":{"$link":"\#(sampleCID)"},"mimeType":"\#(mime)","size":\#(size)}"#
    }

    /// An avatar: `accept: [image/png, image/jpeg]`, `maxSize: 1000000`.
    static func profile(avatar: String) -> LexiconValidation {
        LexiconFixtures.all.validateRecord(
            collection: nsid("app.bsky.actor.profile"),
            value: json(#"{"$type":"app.bsky.actor.profile","avatar":\#(avatar)}"#))
    }

    @Test func acceptedTypeWithinSize() {
        #expect(Self.profile(avatar: Self.blob("image/png", 1_000_000)) == .valid)
        #expect(Self.profile(avatar: Self.blob("IMAGE/JPEG", 10)) == .valid)
    }

    @Test func typeNotAccepted() {
        #expect(
            Self.profile(avatar: Self.blob("image/gif", 10)).violation
                == LexiconViolation(path: "record/avatar", kind: .mimeTypeNotAccepted("image/gif")))
    }

    @Test func tooLarge() {
        #expect(
            Self.profile(avatar: Self.blob("image/png", 1_000_001)).violation
                == LexiconViolation(path: "record/avatar", kind: .blobTooLarge(max: 1_000_000)))
    }

    @Test func wildcardAccept() {
        // app.bsky.embed.images#image: accept image/*, maxSize 2000000.
        func post(_ blob: String) -> LexiconValidation {
            LexiconFixtures.all.validateRecord(
                collection: nsid("app.bsky.feed.post"),
                value: json(
                    #"{"$type":"app.bsky.feed.post","text":"","createdAt":"2024-11-25T14:00:00Z","embed":{"$type":"app.bsky.embed.images","images":[{"alt":"","image":\#(blob)}]}}"#
                ))
        }
        #expect(post(Self.blob("image/avif", 5)) == .valid)
        #expect(post(Self.blob("video/mp4", 5)).violation?.kind == .mimeTypeNotAccepted("video/mp4"))
        #expect(post(Self.blob("image", 5)).violation?.kind == .mimeTypeNotAccepted("image"))
        #expect(post(Self.blob("image/png", 2_000_001)).violation?.path == "record/embed/images/0/image")
    }

    @Test func mimePatterns() {
        #expect(LexiconMIME.matches("image/png", pattern: "image/*"))
        #expect(LexiconMIME.matches("video/mp4", pattern: "*/*"))
        #expect(!LexiconMIME.matches("image/", pattern: "image/*"))
        #expect(!LexiconMIME.matches("imagex/png", pattern: "image/*"))
        #expect(LexiconMIME.matches("Text/Plain", pattern: "text/plain"))
        #expect(LexiconMIME.isValidPattern("image/*") && LexiconMIME.isValidPattern("*/*"))
        #expect(
            !LexiconMIME.isValidPattern("*/png") && !LexiconMIME.isValidPattern("image")
                && !LexiconMIME.isValidPattern("a b/c"))
    }

    @Test func malformedBlobs() throws {
        // AtprotoJSON refuses these at decode; DAG-CBOR does not know blobs, so build them directly.
        let cid = try CID(string: sampleCID)
        func profile(_ avatar: IPLD) -> LexiconValidation {
            LexiconFixtures.all.validateRecord(
                collection: nsid("app.bsky.actor.profile"),
                value: ["$type": "app.bsky.actor.profile", "avatar": avatar])
        }
        #expect(
            profile(["$type": "blob", "ref": .string(sampleCID), "mimeType": "image/png", "size": 1]).violation?.kind
                == .malformedBlob)
        #expect(
            profile(["$type": "blob", "ref": .link(cid), "mimeType": "image/png"]).violation?.kind == .malformedBlob)
        #expect(
            profile(["$type": "blob", "ref": .link(cid), "mimeType": "image/png", "size": -1]).violation?.kind
                == .malformedBlob)
        #expect(profile(["$type": "blob", "ref": .link(cid), "mimeType": "image/png", "size": 1]) == .valid)
        #expect(profile("https://example.com/a.png").violation?.kind == .wrongType(expected: "blob"))
        #expect(profile(["$type": "image", "mimeType": "image/png"]).violation?.kind == .wrongType(expected: "blob"))
    }

    @Test func legacyBlobsOnlyWhenAllowed() {
        let legacy = json(
            #"{"$type":"app.bsky.actor.profile","avatar":{"cid":"\#(sampleCID)","mimeType":"image/png"}}"#)
        let profile = nsid("app.bsky.actor.profile")
        #expect(LexiconFixtures.all.validateRecord(collection: profile, value: legacy).violation?.kind == .legacyBlob)
        let lenient = LexiconValidationOptions(allowLegacyBlobs: true)
        #expect(LexiconFixtures.all.validateRecord(collection: profile, value: legacy, options: lenient) == .valid)
    }
}
