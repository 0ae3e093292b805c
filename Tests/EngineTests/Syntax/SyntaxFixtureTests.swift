// SyntaxFixtureTests.swift: every line of the interop syntax fixtures, valid and invalid. Book: docs/01-atproto.md.

import Engine
import Foundation
import Testing

/// One fixture file and the parser its lines must (or must not) pass.
struct SyntaxFixture: Sendable, CustomTestStringConvertible {
    let file: String
    let expectValid: Bool
    let parse: @Sendable (String) throws -> Void

    var testDescription: String { file }

    init(_ file: String, valid: Bool, _ parse: @escaping @Sendable (String) throws -> Void) {
        self.file = file
        self.expectValid = valid
        self.parse = parse
    }

    static let directory = "interop/syntax"

    static let all: [SyntaxFixture] = [
        .init("atidentifier_syntax_valid.txt", valid: true) { _ = try ATIdentifier($0) },
        .init("atidentifier_syntax_invalid.txt", valid: false) { _ = try ATIdentifier($0) },
        .init("aturi_syntax_valid.txt", valid: true) { _ = try ATURI($0) },
        .init("aturi_syntax_invalid.txt", valid: false) { _ = try ATURI($0) },
        .init("cid_syntax_valid.txt", valid: true) { _ = try CIDString($0) },
        .init("cid_syntax_invalid.txt", valid: false) { _ = try CIDString($0) },
        .init("datetime_syntax_valid.txt", valid: true) { _ = try Datetime($0) },
        .init("datetime_syntax_invalid.txt", valid: false) { _ = try Datetime($0) },
        .init("datetime_parse_invalid.txt", valid: false) { _ = try Datetime($0) },
        .init("did_syntax_valid.txt", valid: true) { _ = try DID($0) },
        .init("did_syntax_invalid.txt", valid: false) { _ = try DID($0) },
        .init("handle_syntax_valid.txt", valid: true) { _ = try Handle($0) },
        .init("handle_syntax_invalid.txt", valid: false) { _ = try Handle($0) },
        .init("language_syntax_valid.txt", valid: true) { _ = try Language($0) },
        .init("language_syntax_invalid.txt", valid: false) { _ = try Language($0) },
        .init("language_parse_invalid.txt", valid: false) { _ = try Language($0) },
        .init("nsid_syntax_valid.txt", valid: true) { _ = try NSID($0) },
        .init("nsid_syntax_invalid.txt", valid: false) { _ = try NSID($0) },
        .init("recordkey_syntax_valid.txt", valid: true) { _ = try RecordKey($0) },
        .init("recordkey_syntax_invalid.txt", valid: false) { _ = try RecordKey($0) },
        .init("tid_syntax_valid.txt", valid: true) { _ = try TID($0) },
        .init("tid_syntax_invalid.txt", valid: false) { _ = try TID($0) },
        .init("uri_syntax_valid.txt", valid: true) { _ = try URIString($0) },
        .init("uri_syntax_invalid.txt", valid: false) { _ = try URIString($0) },
    ]
}

extension SyntaxFixture {
    /// A line short enough to print in a failure message.
    static func shown(_ line: String) -> String {
        line.utf8.count <= 80
            ? line.debugDescription : String(line.prefix(60)).debugDescription + "… (\(line.utf8.count) bytes)"
    }
}

@Suite("Interop syntax fixtures")
struct SyntaxFixtureTests {
    @Test("fixture lines", arguments: SyntaxFixture.all)
    func fixtureLines(_ fixture: SyntaxFixture) throws {
        let lines = try Fixtures.lines("\(SyntaxFixture.directory)/\(fixture.file)")
        #expect(!lines.isEmpty, "no lines in \(fixture.file)")
        for line in lines {
            do {
                try fixture.parse(line)
                #expect(fixture.expectValid, "accepted invalid line \(SyntaxFixture.shown(line))")
            } catch let error as SyntaxError {
                #expect(!fixture.expectValid, "rejected valid line \(SyntaxFixture.shown(line)): \(error)")
            }
        }
    }

    @Test("every fixture file in interop/syntax is covered")
    func everyFileCovered() throws {
        let directory = Fixtures.url(SyntaxFixture.directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }
        #expect(Set(files) == Set(SyntaxFixture.all.map(\.file)))
    }
}
