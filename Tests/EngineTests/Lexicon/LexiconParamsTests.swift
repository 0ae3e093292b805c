// LexiconParamsTests.swift: query-string parameters read from text, defaulted and checked.
// Book: docs/09-lexicons.md.

import Engine
import Testing

@Suite("Params validation")
struct LexiconParamsTests {
    static let authorFeed = nsid("app.bsky.feed.getAuthorFeed")

    static func params(_ p: [String: [String]], _ method: NSID = authorFeed) -> LexiconParamsValidation {
        LexiconFixtures.all.validateParams(nsid: method, params: p)
    }

    @Test func typesAndDefaults() {
        guard case .valid(let m) = Self.params(["actor": ["alice.example.com"], "limit": ["20"], "ignored": ["x"]])
        else {
            Issue.record("expected valid")
            return
        }
        #expect(m["actor"] == "alice.example.com")
        #expect(m["limit"] == .int(20))
        #expect(m["filter"] == "posts_with_replies")  // default
        #expect(m["includePins"] == .bool(false))  // default
        #expect(m["cursor"] == nil)
        #expect(m["ignored"] == nil)
    }

    @Test func booleanAndRepeatedScalar() {
        guard
            case .valid(let m) = Self.params([
                "actor": ["did:plc:ewvi7nxzyoun6zhxrhs64oiz"], "includePins": ["true"], "limit": ["5", "7"],
            ])
        else {
            Issue.record("expected valid")
            return
        }
        #expect(m["includePins"] == .bool(true))
        #expect(m["limit"] == .int(7))  // the last value wins
    }

    @Test func failures() {
        #expect(Self.params([:]).violation == LexiconViolation(path: "params/actor", kind: .missingRequired))
        #expect(
            Self.params(["actor": ["alice.example.com"], "limit": ["ten"]]).violation
                == LexiconViolation(path: "params/limit", kind: .wrongType(expected: "integer")))
        #expect(
            Self.params(["actor": ["alice.example.com"], "limit": ["1000"]]).violation
                == LexiconViolation(path: "params/limit", kind: .aboveMaximum(100)))
        #expect(
            Self.params(["actor": ["alice.example.com"], "includePins": ["yes"]]).violation
                == LexiconViolation(path: "params/includePins", kind: .wrongType(expected: "boolean")))
        #expect(
            Self.params(["actor": ["not a handle"]]).violation
                == LexiconViolation(path: "params/actor", kind: .badFormat(.atIdentifier)))
    }

    @Test func arrays() {
        // app.bsky.feed.getPosts: uris, required, array of at-uri, maxLength 25.
        let getPosts = nsid("app.bsky.feed.getPosts")
        let uri = "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l6oveex3ii2l"
        guard case .valid(let m) = Self.params(["uris": [uri, uri]], getPosts) else {
            Issue.record("expected valid")
            return
        }
        #expect(m["uris"] == .list([.string(uri), .string(uri)]))
        #expect(
            Self.params(["uris": [uri, "nope"]], getPosts).violation
                == LexiconViolation(path: "params/uris/1", kind: .badFormat(.atURI)))
        #expect(
            Self.params(["uris": Array(repeating: uri, count: 26)], getPosts).violation?.kind
                == .tooLong(max: 25, unit: .items))
        #expect(Self.params(["uris": []], getPosts).violation?.kind == .missingRequired)
    }

    @Test func interopQueryParams() {
        let q = nsid("example.lexicon.query")
        guard
            case .valid(let m) = LexiconFixtures.withInterop.validateParams(
                nsid: q, params: ["stringField": ["x"], "array": ["1", "-2"], "boolean": ["false"], "integer": ["+3"]])
        else {
            Issue.record("expected valid")
            return
        }
        #expect(m["array"] == .list([.int(1), .int(-2)]))
        #expect(m["boolean"] == .bool(false))
        #expect(m["integer"] == .int(3))
        #expect(
            LexiconFixtures.withInterop.validateParams(nsid: q, params: ["stringField": ["x"], "array": ["1", "2.5"]])
                .violation
                == LexiconViolation(path: "params/array/1", kind: .wrongType(expected: "integer")))
        #expect(
            LexiconFixtures.withInterop.validateParams(nsid: q, params: ["integer": ["1"]]).violation?.path
                == "params/stringField")
    }

    @Test func methodsWithoutParametersAndUnknownMethods() {
        guard case .valid(let m) = Self.params(["x": ["1"]], nsid("com.atproto.server.describeServer")) else {
            Issue.record("expected valid")
            return
        }
        #expect(m.isEmpty)
        #expect(Self.params([:], nsid("com.example.nothing")) == .unknownLexicon(nsid("com.example.nothing")))
        #expect(
            Self.params([:], nsid("app.bsky.feed.post")).violation?.kind
                == .wrongDefinition(expected: "query", found: "record"))
    }
}
