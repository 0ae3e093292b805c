// DataModelFixtureTests.swift: the interop data-model fixtures against the codec.
import Foundation
import Testing

@testable import Engine

@Suite struct DataModelFixtureTests {
    static func fixtureList(_ name: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Fixtures.data("interop/data-model/\(name)")) as! [[String: Any]]
    }

    static func jsonBytes(_ object: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed]))
    }

    @Test func fixturesEncodeToTheirCBORAndCID() throws {
        let list = try Self.fixtureList("data-model-fixtures.json")
        #expect(list.count >= 3)
        for entry in list {
            let value = try AtprotoJSON.decode(Self.jsonBytes(entry["json"]!))
            let expected = Base64.decode(entry["cbor_base64"] as! String)!
            let (bytes, cid) = DagCBOR.encodeWithCID(value)
            #expect(bytes == expected)
            #expect(cid.string == entry["cid"] as! String)
            // And back: the CBOR decodes to the same value, which writes the same JSON data.
            let decoded = try DagCBOR.decode(expected)
            #expect(decoded == value)
            #expect(try AtprotoJSON.decode(AtprotoJSON.encode(decoded)) == value)
        }
    }

    @Test func validFixturesAreAccepted() throws {
        for entry in try Self.fixtureList("data-model-valid.json") {
            let bytes = try Self.jsonBytes(entry["json"]!)
            let m = try AtprotoJSON.decodeObject(bytes)
            // Everything valid also survives DAG-CBOR.
            #expect(try DagCBOR.decode(DagCBOR.encode(.map(m))) == .map(m), "\(entry["note"]!)")
        }
    }

    @Test func invalidFixturesAreRejected() throws {
        for entry in try Self.fixtureList("data-model-invalid.json") {
            let bytes = try Self.jsonBytes(entry["json"]!)
            #expect(throws: JSONError.self, "\(entry["note"]!)") { try AtprotoJSON.decodeObject(bytes) }
        }
    }
}
