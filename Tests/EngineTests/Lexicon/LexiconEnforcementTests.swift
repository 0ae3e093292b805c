// LexiconEnforcementTests.swift: observe-only by default, enforce with PDS_LEXICON_ENFORCE=true, and the client's validate flag.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("Lexicon enforcement")
struct LexiconEnforcementTests {
    static let violation = LexiconViolation(path: "record/text", kind: .tooLong(max: 300, unit: .graphemes))
    static let other = nsid("com.example.thing")

    @Test func modeFromEnvironment() {
        #expect(LexiconEnforcement(environment: [:]) == .observe)
        #expect(LexiconEnforcement(environment: ["PDS_LEXICON_ENFORCE": "false"]) == .observe)
        #expect(LexiconEnforcement(environment: ["PDS_LEXICON_ENFORCE": "TRUE"]) == .enforce)
        #expect(LexiconEnforcement(environment: ["PDS_LEXICON_ENFORCE": "1"]) == .enforce)
    }

    @Test func observeLogsAndAccepts() {
        let mode = LexiconEnforcement.observe
        #expect(mode.decide(.valid) == .valid)
        #expect(mode.decide(.invalid(Self.violation)) == .acceptedDespite(Self.violation))
        #expect(mode.decide(.invalid(Self.violation)).accepts)
        #expect(mode.decide(.invalid(Self.violation)).validationStatus == "unknown")
        #expect(mode.decide(.unknownLexicon(Self.other)) == .unvalidated)
    }

    @Test func enforceRejects() {
        let mode = LexiconEnforcement.enforce
        #expect(mode.decide(.valid).validationStatus == "valid")
        #expect(mode.decide(.invalid(Self.violation)) == .rejected(Self.violation))
        #expect(!mode.decide(.invalid(Self.violation)).accepts)
        #expect(mode.decide(.unknownLexicon(Self.other)) == .unvalidated)
    }

    @Test func clientValidateFlag() {
        for mode in [LexiconEnforcement.observe, .enforce] {
            #expect(mode.decide(.invalid(Self.violation), requested: true) == .rejected(Self.violation))
            #expect(mode.decide(.unknownLexicon(Self.other), requested: true) == .rejectedUnknownLexicon(Self.other))
            #expect(mode.decide(.invalid(Self.violation), requested: false) == .unvalidated)
        }
    }
}
