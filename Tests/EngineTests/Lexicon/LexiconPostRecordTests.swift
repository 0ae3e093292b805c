// LexiconPostRecordTests.swift: real app.bsky.feed.post records against the real lexicons.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("app.bsky.feed.post validation")
struct LexiconPostRecordTests {
    static let post = nsid("app.bsky.feed.post")

    static func validate(_ text: String) -> LexiconValidation {
        LexiconFixtures.all.validateRecord(collection: post, value: json(text))
    }

    @Test func plainPostIsValid() {
        #expect(
            Self.validate(
                #"{"$type":"app.bsky.feed.post","text":"hello world","createdAt":"2024-11-25T14:00:00.000Z"}"#)
                == .valid)
    }

    @Test func richPostIsValid() {
        let record = """
            {"$type":"app.bsky.feed.post","text":"hi @alice.bsky.social see https://example.com #swift",
             "createdAt":"2024-11-25T14:00:00Z","langs":["en","pt-BR"],"tags":["atproto"],
             "facets":[
               {"index":{"byteStart":3,"byteEnd":21},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:ewvi7nxzyoun6zhxrhs64oiz"}]},
               {"index":{"byteStart":26,"byteEnd":45},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com"}]},
               {"index":{"byteStart":46,"byteEnd":52},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"swift"}]}],
             "reply":{"root":{"uri":"at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l6oveex3ii2l","cid":"\(sampleCID)"},
                      "parent":{"uri":"at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l6oveex3ii2l","cid":"\(sampleCID)"}},
             "embed":{"$type":"app.bsky.embed.images","images":[
               {"alt":"a cat","image":{"$type":"blob","ref":{"$link":"\(sampleCID)"},"mimeType":"image/jpeg","size":123456},
                "aspectRatio":{"width":4,"height":3}}]},
             "labels":{"$type":"com.atproto.label.defs#selfLabels","values":[{"val":"nudity"}]}}
            """
        #expect(Self.validate(record) == .valid)
    }

    @Test func textOverThreeHundredGraphemesIsRejected() {
        let text = String(repeating: "a", count: 301)
        let result = Self.validate(
            #"{"$type":"app.bsky.feed.post","text":"\#(text)","createdAt":"2024-11-25T14:00:00Z"}"#)
        #expect(result.violation == LexiconViolation(path: "record/text", kind: .tooLong(max: 300, unit: .graphemes)))
    }

    @Test func graphemesNotScalarsAreCounted() {
        // 300 family emoji: 300 graphemes but 7 scalars and 25 UTF-8 bytes each, 7500 bytes > 3000.
        let family = "👨‍👩‍👧‍👦"
        let many = String(repeating: family, count: 120)  // 120 graphemes, 3000 bytes exactly
        #expect(many.utf8.count == 3000)
        #expect(
            Self.validate(#"{"$type":"app.bsky.feed.post","text":"\#(many)","createdAt":"2024-11-25T14:00:00Z"}"#)
                == .valid)
        let tooManyBytes = many + family
        #expect(
            Self.validate(
                #"{"$type":"app.bsky.feed.post","text":"\#(tooManyBytes)","createdAt":"2024-11-25T14:00:00Z"}"#
            )
            .violation?.kind == .tooLong(max: 3000, unit: .utf8Bytes))
        // 300 accented letters written as letter + combining mark: 600 scalars, 300 graphemes.
        let accents = String(repeating: "e\u{301}", count: 300)
        #expect(
            Self.validate(#"{"$type":"app.bsky.feed.post","text":"\#(accents)","createdAt":"2024-11-25T14:00:00Z"}"#)
                == .valid)
    }

    @Test func badLanguageIsRejected() {
        let result = Self.validate(
            #"{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2024-11-25T14:00:00Z","langs":["en","not a language!"]}"#
        )
        #expect(result.violation == LexiconViolation(path: "record/langs/1", kind: .badFormat(.language)))
    }

    @Test func tooManyLanguagesIsRejected() {
        let result = Self.validate(
            #"{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2024-11-25T14:00:00Z","langs":["en","fr","de","ja"]}"#
        )
        #expect(result.violation == LexiconViolation(path: "record/langs", kind: .tooLong(max: 3, unit: .items)))
    }

    @Test func facetFeatureWithoutTypeIsRejected() {
        let result = Self.validate(
            #"{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2024-11-25T14:00:00Z","facets":[{"index":{"byteStart":0,"byteEnd":2},"features":[{"did":"did:plc:ewvi7nxzyoun6zhxrhs64oiz"}]}]}"#
        )
        #expect(result.violation == LexiconViolation(path: "record/facets/0/features/0", kind: .missingType))
    }

    @Test func facetMentionWithABadDIDIsRejected() {
        let result = Self.validate(
            #"{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2024-11-25T14:00:00Z","facets":[{"index":{"byteStart":0,"byteEnd":2},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"alice"}]}]}"#
        )
        #expect(result.violation == LexiconViolation(path: "record/facets/0/features/0/did", kind: .badFormat(.did)))
    }

    @Test func facetWithAnUnknownFeatureTypeIsAcceptedByTheOpenUnion() {
        let result = Self.validate(
            #"{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2024-11-25T14:00:00Z","facets":[{"index":{"byteStart":0,"byteEnd":2},"features":[{"$type":"com.example.facet#sparkle","glitter":true}]}]}"#
        )
        #expect(result == .valid)
    }

    @Test func openUnionStillChecksAKnownUnlistedType() {
        // Not a member of `embed`, but the catalog knows it, so it is checked (and lacks `uri`).
        let result = Self.validate(
            #"{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2024-11-25T14:00:00Z","embed":{"$type":"app.bsky.embed.record#viewNotFound","notFound":true}}"#
        )
        #expect(result.violation == LexiconViolation(path: "record/embed/uri", kind: .missingRequired))
    }

    @Test func missingCreatedAtIsRejected() {
        let result = Self.validate(#"{"$type":"app.bsky.feed.post","text":"hi"}"#)
        #expect(result.violation == LexiconViolation(path: "record/createdAt", kind: .missingRequired))
        #expect(result.violation?.description == "record/createdAt: is required")
    }

    @Test func badCreatedAtIsRejected() {
        let result = Self.validate(#"{"$type":"app.bsky.feed.post","text":"hi","createdAt":"yesterday"}"#)
        #expect(result.violation == LexiconViolation(path: "record/createdAt", kind: .badFormat(.datetime)))
    }

    @Test func wrongOrMissingTypeIsRejected() {
        #expect(
            Self.validate(#"{"$type":"app.bsky.feed.like","text":"hi","createdAt":"2024-11-25T14:00:00Z"}"#).violation
                == LexiconViolation(path: "record/$type", kind: .recordTypeMismatch(expected: "app.bsky.feed.post")))
        #expect(Self.validate(#"{"text":"hi","createdAt":"2024-11-25T14:00:00Z"}"#).violation?.kind == .missingType)
        #expect(
            LexiconFixtures.all.validateRecord(collection: Self.post, value: "just a string").violation?.kind
                == .wrongType(expected: "object"))
    }

    @Test func deepEmbedPathIsReported() {
        let record = """
            {"$type":"app.bsky.feed.post","text":"","createdAt":"2024-11-25T14:00:00Z",
             "embed":{"$type":"app.bsky.embed.images","images":[{"image":{"$type":"blob","ref":{"$link":"\(sampleCID)"},"mimeType":"image/png","size":10}}]}}
            """
        #expect(
            Self.validate(record).violation
                == LexiconViolation(path: "record/embed/images/0/alt", kind: .missingRequired))
    }

    @Test func unknownCollectionIsNotAnError() {
        let value = json(#"{"$type":"com.example.thing","anything":1}"#)
        #expect(
            LexiconFixtures.all.validateRecord(collection: nsid("com.example.thing"), value: value)
                == .unknownLexicon(nsid("com.example.thing")))
    }

    @Test func nonRecordNSIDIsInvalidNotUnknown() {
        let value = json(#"{"$type":"com.atproto.repo.createRecord"}"#)
        #expect(
            LexiconFixtures.all.validateRecord(collection: nsid("com.atproto.repo.createRecord"), value: value)
                .violation?.kind
                == .wrongDefinition(expected: "record", found: "procedure"))
    }

    @Test func otherRealRecordsValidate() {
        let cases: [(String, String)] = [
            (
                "app.bsky.feed.like",
                #"{"$type":"app.bsky.feed.like","subject":{"uri":"at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l6oveex3ii2l","cid":"\#(sampleCID)"},"createdAt":"2024-11-25T14:00:00Z"}"#
            ),
            (
                "app.bsky.graph.follow",
                #"{"$type":"app.bsky.graph.follow","subject":"did:plc:ewvi7nxzyoun6zhxrhs64oiz","createdAt":"2024-11-25T14:00:00Z"}"#
            ),
            ("app.bsky.actor.profile", #"{"$type":"app.bsky.actor.profile","displayName":"Alice","description":"hi"}"#),
        ]
        for (collection, text) in cases {
            #expect(
                LexiconFixtures.all.validateRecord(collection: nsid(collection), value: json(text)) == .valid,
                "\(collection)")
        }
        let badFollow = json(#"{"$type":"app.bsky.graph.follow","subject":"alice","createdAt":"2024-11-25T14:00:00Z"}"#)
        #expect(
            LexiconFixtures.all.validateRecord(collection: nsid("app.bsky.graph.follow"), value: badFollow).path
                == "record/subject")
    }
}
