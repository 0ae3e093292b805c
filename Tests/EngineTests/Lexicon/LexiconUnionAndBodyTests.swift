// LexiconUnionAndBodyTests.swift: closed unions in procedure input, outputs and subscription messages.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("Unions, inputs, outputs, messages")
struct LexiconUnionAndBodyTests {
    static let applyWrites = nsid("com.atproto.repo.applyWrites")

    static func writes(_ items: String) -> LexiconValidation {
        LexiconFixtures.all.validateInput(
            nsid: applyWrites, value: json(#"{"repo":"did:plc:ewvi7nxzyoun6zhxrhs64oiz","writes":[\#(items)]}"#))
    }

    @Test func closedUnionAcceptsItsMembers() {
        let create =
            #"{"$type":"com.atproto.repo.applyWrites#create","collection":"app.bsky.feed.post","value":{"text":"x"}}"#
        let delete =
            #"{"$type":"com.atproto.repo.applyWrites#delete","collection":"app.bsky.feed.post","rkey":"3jzfcijpj2z2a"}"#
        #expect(Self.writes(create + "," + delete) == .valid)
    }

    @Test func closedUnionRejectsOtherTypes() {
        let other = #"{"$type":"com.atproto.repo.applyWrites#upsert","collection":"app.bsky.feed.post"}"#
        #expect(
            Self.writes(other).violation
                == LexiconViolation(
                    path: "input/writes/0", kind: .typeNotAllowed("com.atproto.repo.applyWrites#upsert")))
    }

    @Test func hostileTypeIsEchoedShort() {
        let long = String(repeating: "x", count: 10_000)
        guard case .typeNotAllowed(let echoed)? = Self.writes(#"{"$type":"\#(long)"}"#).violation?.kind else {
            Issue.record("expected typeNotAllowed")
            return
        }
        #expect(echoed.count == LexiconViolation.maxEchoedCharacters + 1)
    }

    @Test func inputOfAProcedureWithoutSchemaIsValid() {
        // uploadBlob takes raw bytes (`*/*`): there is no JSON to check.
        #expect(LexiconFixtures.all.validateInput(nsid: nsid("com.atproto.repo.uploadBlob"), value: .null) == .valid)
    }

    @Test func inputOfAQueryIsWrongDefinition() {
        #expect(
            LexiconFixtures.all.validateInput(nsid: nsid("com.atproto.repo.getRecord"), value: [:]).violation?.kind
                == .wrongDefinition(expected: "procedure", found: "query"))
        #expect(
            LexiconFixtures.all.validateInput(nsid: nsid("com.example.nothing"), value: [:])
                == .unknownLexicon(nsid("com.example.nothing")))
    }

    @Test func createRecordInput() {
        let ok = json(#"{"repo":"alice.example.com","collection":"app.bsky.feed.post","record":{"text":"hi"}}"#)
        #expect(LexiconFixtures.all.validateInput(nsid: nsid("com.atproto.repo.createRecord"), value: ok) == .valid)
        let bad = json(#"{"repo":"alice.example.com","collection":"not an nsid","record":{}}"#)
        #expect(
            LexiconFixtures.all.validateInput(nsid: nsid("com.atproto.repo.createRecord"), value: bad).path
                == "input/collection")
    }

    @Test func outputOfAQuery() {
        let out = json(
            #"{"uri":"at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l6oveex3ii2l","value":{"text":"x"}}"#)
        #expect(LexiconFixtures.all.validateOutput(nsid: nsid("com.atproto.repo.getRecord"), value: out) == .valid)
        #expect(
            LexiconFixtures.all.validateOutput(nsid: nsid("com.atproto.repo.getRecord"), value: json(#"{"uri":"x"}"#))
                .violation?.path
                == "output/uri")
    }

    @Test func subscriptionMessage() {
        let sub = nsid("example.lexicon.subscription")
        #expect(
            LexiconFixtures.withInterop.validateMessage(
                nsid: sub, value: json(#"{"$type":"example.lexicon.subscription#yo","seq":1,"yo":true}"#)) == .valid)
        #expect(
            LexiconFixtures.withInterop.validateMessage(
                nsid: sub, value: json(#"{"$type":"example.lexicon.subscription#info"}"#)
            ).violation
                == LexiconViolation(path: "message/name", kind: .missingRequired))
    }

    @Test func procedureInputRefersAcrossDocuments() {
        let proc = nsid("example.lexicon.procedure")
        let ok = json(#"{"preferences":[{"$type":"app.bsky.actor.defs#adultContentPref","enabled":true}]}"#)
        #expect(LexiconFixtures.withInterop.validateInput(nsid: proc, value: ok) == .valid)
        let bad = json(#"{"preferences":[{"$type":"app.bsky.actor.defs#adultContentPref","enabled":"yes"}]}"#)
        #expect(LexiconFixtures.withInterop.validateInput(nsid: proc, value: bad).path == "input/preferences/0/enabled")
    }
}
