// Secrets.swift: HMAC-SHA256, scrypt, AES-256-GCM, randomness and constant-time compare.
// Book: docs/04-c-engine.md.
import CEngine

/// Errors from the symmetric primitives.
public enum SecretError: Error, Sendable, Equatable {
    /// The C library refused the parameters (sizes, cost factors).
    case badParameters(String)
    /// An AES-GCM tag did not verify.
    case authenticationFailed
    /// The system random source failed.
    case randomUnavailable
}

/// Symmetric primitives over OpenSSL.
public enum Secrets {
    /// `count` cryptographically secure random bytes.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBufferPointer { cengine_random_bytes($0.baseAddress, count) }
        // A dead system RNG is not recoverable, and silently continuing would mint predictable keys.
        precondition(ok == 1, "system random source failed")
        return out
    }

    /// HMAC-SHA256 of `data` under `key`.
    public static func hmacSHA256(key: [UInt8], data: [UInt8]) -> Digest32 {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = key.withUnsafeBufferPointer { k in
            data.withUnsafeBufferPointer { d in
                out.withUnsafeMutableBufferPointer { o in
                    cengine_hmac_sha256(k.baseAddress, k.count, d.baseAddress, d.count, o.baseAddress)
                }
            }
        }
        precondition(ok == 1, "HMAC-SHA256 failed")
        return Digest32(out)!
    }

    /// scrypt (RFC 7914) key derivation.
    public static func scrypt(
        password: [UInt8], salt: [UInt8], n: UInt64 = 16384, r: UInt32 = 8, p: UInt32 = 1, length: Int = 64
    ) throws(SecretError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let ok = password.withUnsafeBufferPointer { pw in
            salt.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    cengine_scrypt(pw.baseAddress, pw.count, s.baseAddress, s.count, n, r, p, o.baseAddress, length)
                }
            }
        }
        guard ok == 1 else { throw .badParameters("scrypt N=\(n) r=\(r) p=\(p)") }
        return out
    }

    /// AES-256-GCM encryption: ciphertext followed by the 16-byte tag.
    public static func seal(key: [UInt8], iv: [UInt8], plaintext: [UInt8], aad: [UInt8] = []) throws(SecretError)
        -> [UInt8]
    {
        guard key.count == 32, iv.count == 12 else { throw .badParameters("AES-256-GCM needs a 32-byte key and 12-byte IV") }
        var out = [UInt8](repeating: 0, count: plaintext.count + 16)
        let n = plaintext.count
        let ok = key.withUnsafeBufferPointer { k in
            iv.withUnsafeBufferPointer { i in
                aad.withUnsafeBufferPointer { a in
                    plaintext.withUnsafeBufferPointer { p in
                        out.withUnsafeMutableBufferPointer { o in
                            cengine_aes256gcm_seal(
                                k.baseAddress, i.baseAddress, a.baseAddress, a.count, p.baseAddress, n,
                                o.baseAddress, o.baseAddress! + n)
                        }
                    }
                }
            }
        }
        guard ok == 1 else { throw .badParameters("AES-256-GCM seal") }
        return out
    }

    /// AES-256-GCM decryption of `sealed` (ciphertext followed by the tag).
    public static func open(key: [UInt8], iv: [UInt8], sealed: [UInt8], aad: [UInt8] = []) throws(SecretError)
        -> [UInt8]
    {
        guard key.count == 32, iv.count == 12 else { throw .badParameters("AES-256-GCM needs a 32-byte key and 12-byte IV") }
        guard sealed.count >= 16 else { throw .authenticationFailed }
        let n = sealed.count - 16
        var out = [UInt8](repeating: 0, count: n)
        let ok = key.withUnsafeBufferPointer { k in
            iv.withUnsafeBufferPointer { i in
                aad.withUnsafeBufferPointer { a in
                    sealed.withUnsafeBufferPointer { c in
                        out.withUnsafeMutableBufferPointer { o in
                            cengine_aes256gcm_open(
                                k.baseAddress, i.baseAddress, a.baseAddress, a.count, c.baseAddress, n,
                                c.baseAddress! + n, o.baseAddress)
                        }
                    }
                }
            }
        }
        guard ok == 1 else { throw .authenticationFailed }
        return out
    }

    /// Compares two byte strings in time that depends only on their length.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in cengine_ct_equal(x.baseAddress, y.baseAddress, x.count) == 1 }
        }
    }
}
