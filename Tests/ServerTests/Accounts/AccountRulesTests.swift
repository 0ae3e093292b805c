// AccountRulesTests.swift: password hashes, handle rules, email syntax and invite code text, without a server.
// Book: docs/12-accounts-and-dids.md ("How it is tested").
import Engine
import Server
import Testing

@Suite struct AccountRulesTests {
    @Test func passwordHashIsSelfDescribingAndVerifies() throws {
        let hash = try PasswordHash.make("correct horse")
        let parts = hash.split(separator: "$")
        #expect(parts.count == 6)
        #expect(parts[0] == "scrypt" && parts[1] == "16384" && parts[2] == "8" && parts[3] == "1")
        #expect(parts[4].count == 32 && parts[5].count == 128)
        #expect(PasswordHash.verify("correct horse", against: hash))
        #expect(!PasswordHash.verify("correct horsE", against: hash))
        #expect(try PasswordHash.make("correct horse") != hash)  // a fresh salt each time
        for junk in ["", "scrypt$1$2$3$zz$zz", "scrypt$99999999999$8$1$00$00", "abc:def", "nope"] {
            #expect(!PasswordHash.verify("x", against: junk))
        }
    }

    @Test func referenceLegacyHashesVerify() throws {
        // The reference's form: the salt's hex text is the salt, N=16384 r=8 p=1, 64-byte key.
        let saltText = "00112233445566778899aabbccddeeff"
        let key = try Secrets.scrypt(password: Array("pw".utf8), salt: Array(saltText.utf8), n: 16384, r: 8, p: 1, length: 64)
        let hex = key.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(PasswordHash.verify("pw", against: saltText + ":" + hex))
        #expect(!PasswordHash.verify("pW", against: saltText + ":" + hex))
    }

    @Test func handleRules() throws {
        let domains = [".pds.example", ".test"]
        func check(_ h: String, service: Bool = true) -> String {
            do { return try HandleRules.normalize(h, domains: domains, requireServiceDomain: service) } catch { return error.name }
        }
        #expect(check("Alice.PDS.example") == "alice.pds.example")
        #expect(check("bob.test") == "bob.test")
        #expect(check("abc.pds.example") == "abc.pds.example")
        #expect(check("abcdefghijklmnopqr.pds.example") == "abcdefghijklmnopqr.pds.example")
        #expect(check("ab.pds.example") == "InvalidHandle")
        #expect(check("abcdefghijklmnopqrs.pds.example") == "InvalidHandle")
        #expect(check("a.bcd.pds.example") == "InvalidHandle")
        #expect(check("-abc.pds.example") == "InvalidHandle")
        #expect(check("pds.example") == "InvalidHandle" || check("pds.example") == "UnsupportedDomain")
        #expect(check("admin.pds.example") == "HandleNotAvailable")
        #expect(check("alice.example.com") == "UnsupportedDomain")
        #expect(check("alice.example.com", service: false) == "alice.example.com")
        #expect(check("alice.onion", service: false) == "InvalidHandle")
        #expect(check("did:plc:abc") == "InvalidHandle")
        #expect((try? HandleRules.normalize("admin.test", domains: domains, requireServiceDomain: true, allowReserved: true)) == "admin.test")
        #expect(HandleRules.serviceDomain(of: "a.b.pds.example", domains: [".example", ".pds.example"]) == ".pds.example")
    }

    @Test func emailSyntax() {
        for good in ["a@b.co", "first.last+tag@mail.example.com", "X@Y-Z.ORG"] { #expect(EmailAddress.isValid(good), "\(good)") }
        for bad in ["", "a", "a@", "@b.co", "a@b", "a b@c.co", "a@b..co", "a@-b.co", ".a@b.co", "a@b.c_o", "ä@b.co",
            String(repeating: "a", count: 65) + "@b.co"]
        {
            #expect(!EmailAddress.isValid(bad), "\(bad)")
        }
    }

    @Test func inviteCodeShape() {
        let code = InviteCodeText.make(hostname: "pds.example.com")
        let parts = code.split(separator: "-")
        #expect(code.hasPrefix("pds-example-com-"))
        #expect(parts.count == 5 && parts[3].count == 5 && parts[4].count == 5)
        #expect(parts[3].allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        #expect(InviteCodeText.make(hostname: "h") != InviteCodeText.make(hostname: "h"))
    }
}
