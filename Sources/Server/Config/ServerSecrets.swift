// ServerSecrets.swift: the JWT secret, admin password and PLC rotation key: configured, or made once in dev.
// Book: docs/03-running.md ("Secrets").
import Engine
import Foundation
import Logging

/// The secrets a running server needs.
public struct ServerSecrets: Sendable {
    /// HMAC key for session JWTs.
    public let jwtSecret: [UInt8]
    /// Password of the `admin` Basic-auth user.
    public let adminPassword: String
    /// The key that signs this PDS's did:plc operations.
    public let rotationKey: AnyPrivateKey

    /// Why secrets could not be resolved.
    public struct Missing: Error, CustomStringConvertible {
        /// The variables that must be set.
        public let names: [String]
        public var description: String {
            "PDS_ENV=production needs these set: \(names.joined(separator: ", ")) (nothing is generated in production)"
        }
    }

    /// The file under the data directory holding generated development secrets.
    public static let devFileName = "dev-secrets.env"

    /// Uses the configured secrets; in development, any missing one is taken from (or generated
    /// into) `<data>/dev-secrets.env`, mode 0600, with a warning. In production a missing one throws.
    public static func resolve(_ config: ServerConfig, logger: Logger) throws -> ServerSecrets {
        var jwt = config.jwtSecret, admin = config.adminPassword, rotation = config.plcRotationKeyHex
        let missing = [
            jwt == nil ? "PDS_JWT_SECRET" : nil, admin == nil ? "PDS_ADMIN_PASSWORD" : nil,
            rotation == nil ? "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX" : nil,
        ].compactMap { $0 }
        if !missing.isEmpty {
            if config.production { throw Missing(names: missing) }
            let path = (config.dataDirectory as NSString).appendingPathComponent(devFileName)
            var stored = (try? String(contentsOfFile: path, encoding: .utf8)).map(DotEnv.parse) ?? [:]
            let before = stored
            stored["PDS_JWT_SECRET"] = stored["PDS_JWT_SECRET"] ?? hex(Secrets.randomBytes(32))
            stored["PDS_ADMIN_PASSWORD"] = stored["PDS_ADMIN_PASSWORD"] ?? hex(Secrets.randomBytes(16))
            stored["PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX"] =
                stored["PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX"]
                ?? hex(AnyPrivateKey.generate(.k256).rawRepresentation)
            if stored != before {
                try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
                let text = stored.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
                guard FileManager.default.createFile(
                    atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
                else { throw CocoaError(.fileWriteUnknown) }
            }
            logger.warning(
                "development secrets in use", metadata: ["file": "\(path)", "unset": "\(missing.joined(separator: ","))"])
            jwt = jwt ?? stored["PDS_JWT_SECRET"]
            admin = admin ?? stored["PDS_ADMIN_PASSWORD"]
            rotation = rotation ?? stored["PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX"]
        }
        guard let raw = unhex(rotation!), raw.count == 32 else {
            throw ConfigError("PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX must be 64 hex digits")
        }
        return ServerSecrets(
            jwtSecret: Array(jwt!.utf8), adminPassword: admin!,
            rotationKey: try AnyPrivateKey(keyType: .k256, rawRepresentation: raw))
    }

    /// Lowercase hex.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes from hex, or nil.
    static func unhex(_ s: String) -> [UInt8]? {
        let chars = Array(s.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = Int(String(UnicodeScalar(chars[i])), radix: 16),
                let lo = Int(String(UnicodeScalar(chars[i + 1])), radix: 16)
            else { return nil }
            out.append(UInt8(hi << 4 | lo))
            i += 2
        }
        return out
    }
}

/// A configuration value that cannot be used.
public struct ConfigError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// An error.
    public init(_ description: String) { self.description = description }
}
