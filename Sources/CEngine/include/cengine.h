/*
 * cengine.h: the one umbrella header of the C engine.
 * Book: docs/04-c-engine.md.
 *
 * Rules (CONVENTIONS 9): every symbol is prefixed cengine_, inputs are
 * `const uint8_t *` + `size_t`, nothing is allocated that the caller must
 * free without a matching cengine_*_free. Return codes: 1 = success,
 * 0 = failure (bad input), unless the comment says otherwise.
 */
#ifndef CENGINE_H
#define CENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cengine_rocksdb.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- hashing */

/** SHA-256 of one buffer (OpenSSL; uses SHA-NI where the CPU has it). */
void cengine_sha256(const uint8_t *data, size_t len, uint8_t out[32]);

/** Streaming SHA-256 state; create with cengine_sha256_new, free with cengine_sha256_free. */
typedef struct cengine_sha256_ctx cengine_sha256_ctx;
cengine_sha256_ctx *cengine_sha256_new(void);
void cengine_sha256_update(cengine_sha256_ctx *ctx, const uint8_t *data, size_t len);
/** Writes the digest and resets the state so it can be used again. */
void cengine_sha256_final(cengine_sha256_ctx *ctx, uint8_t out[32]);
void cengine_sha256_free(cengine_sha256_ctx *ctx);

/** HMAC-SHA256. */
int cengine_hmac_sha256(const uint8_t *key, size_t key_len, const uint8_t *data, size_t len, uint8_t out[32]);

/** scrypt key derivation (RFC 7914). N must be a power of two. */
int cengine_scrypt(const uint8_t *pass, size_t pass_len, const uint8_t *salt, size_t salt_len,
                   uint64_t n, uint32_t r, uint32_t p, uint8_t *out, size_t out_len);

/** AES-256-GCM seal: writes len ciphertext bytes to out and a 16-byte tag. */
int cengine_aes256gcm_seal(const uint8_t key[32], const uint8_t iv[12], const uint8_t *aad, size_t aad_len,
                           const uint8_t *plain, size_t len, uint8_t *out, uint8_t tag[16]);
/** AES-256-GCM open: 1 if the tag verifies (out holds the plaintext), 0 otherwise. */
int cengine_aes256gcm_open(const uint8_t key[32], const uint8_t iv[12], const uint8_t *aad, size_t aad_len,
                           const uint8_t *cipher, size_t len, const uint8_t tag[16], uint8_t *out);

/** Cryptographically secure random bytes. */
int cengine_random_bytes(uint8_t *out, size_t len);

/** Constant-time comparison: 1 if equal. */
int cengine_ct_equal(const uint8_t *a, const uint8_t *b, size_t len);

/* -------------------------------------------------------------- secp256k1 */

/** 1 if the 32 bytes are a valid secp256k1 private key. */
int cengine_k256_private_valid(const uint8_t priv[32]);
/** Public key of a private key: 33 bytes compressed or 65 uncompressed; *out_len set. */
int cengine_k256_public_from_private(const uint8_t priv[32], int compressed, uint8_t out[65], size_t *out_len);
/** Parses a 33- or 65-byte public key into the library's 64-byte internal form. */
int cengine_k256_public_parse(const uint8_t *pub, size_t len, uint8_t parsed[64]);
/** Serialises a parsed public key, compressed (33) or not (65). */
int cengine_k256_public_serialize(const uint8_t parsed[64], int compressed, uint8_t out[65], size_t *out_len);
/** Signs a 32-byte digest; writes a 64-byte compact r||s signature, always low-S. */
int cengine_k256_sign(const uint8_t priv[32], const uint8_t digest[32], uint8_t sig[64]);
/** Verifies a compact signature against a parsed key; rejects high-S. */
int cengine_k256_verify(const uint8_t parsed[64], const uint8_t digest[32], const uint8_t sig[64]);

/* ------------------------------------------------------------------ P-256 */

/** A P-256 key (private or public only) held by OpenSSL. */
typedef struct cengine_p256_key cengine_p256_key;
/** Key from a 32-byte private scalar; NULL if out of range. */
cengine_p256_key *cengine_p256_private_new(const uint8_t priv[32]);
/** Key from a 33- or 65-byte SEC1 public point; NULL if not on the curve. */
cengine_p256_key *cengine_p256_public_new(const uint8_t *pub, size_t len);
void cengine_p256_free(cengine_p256_key *key);
/** SEC1 public point, compressed (33) or not (65). */
int cengine_p256_public_bytes(const cengine_p256_key *key, int compressed, uint8_t out[65], size_t *out_len);
/** Signs a 32-byte digest: 64-byte compact r||s, normalised to low-S. */
int cengine_p256_sign(const cengine_p256_key *key, const uint8_t digest[32], uint8_t sig[64]);
/** Verifies a compact signature; rejects high-S. */
int cengine_p256_verify(const cengine_p256_key *key, const uint8_t digest[32], const uint8_t sig[64]);

/* ------------------------------------------------------------------- zstd */

size_t cengine_zstd_bound(size_t len);
/** Compresses; returns the compressed size, or -1. */
int64_t cengine_zstd_compress(const uint8_t *src, size_t len, uint8_t *dst, size_t cap, int level);
/** Decompresses one frame; returns the size, or -1 (corrupt or cap too small). */
int64_t cengine_zstd_decompress(const uint8_t *src, size_t len, uint8_t *dst, size_t cap);
/** Declared content size of a frame: >= 0, -1 if unknown, -2 if not a frame. */
int64_t cengine_zstd_content_size(const uint8_t *src, size_t len);

/* -------------------------------------------------------------- encodings */

/** Length of the base32 (RFC 4648, lower case, no padding) text for len bytes. */
size_t cengine_base32_encoded_len(size_t len);
/** Encodes; out must hold cengine_base32_encoded_len(len) bytes. */
void cengine_base32_encode(const uint8_t *in, size_t len, uint8_t *out);
/** Decodes lower-case unpadded base32; returns bytes written or -1 on bad input. out holds len*5/8. */
int64_t cengine_base32_decode(const uint8_t *in, size_t len, uint8_t *out);

/** Longest input (bytes or characters) the base58 functions accept. */
#define CENGINE_BASE58_MAX 1024
/** Encodes base58btc; returns bytes written, 0 if cap (len*138/100+2 suffices) is too small or len too long. */
size_t cengine_base58_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);
/** Decodes base58btc; returns bytes written or -1 (bad char or cap too small). */
int64_t cengine_base58_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

/** Encodes an unsigned LEB128 varint (at most 10 bytes); returns its length. */
size_t cengine_varint_encode(uint64_t value, uint8_t out[10]);
/**
 * Decodes a minimal unsigned varint of at most 9 bytes (the multiformats rule).
 * Returns bytes consumed (>0), 0 if the input ends first, -1 if not minimal or too long.
 */
int cengine_varint_decode(const uint8_t *in, size_t len, uint64_t *value);

/** 1 if the bytes are well-formed UTF-8 (no surrogates, no overlongs, <= U+10FFFF). */
int cengine_utf8_valid(const uint8_t *in, size_t len);

/* ---------------------------------------------------- DAG-CBOR scanner */

/** Why the scanner stopped. */
typedef enum {
    CENGINE_CBOR_OK = 0,
    CENGINE_CBOR_TRUNCATED,         /* input ends inside an item */
    CENGINE_CBOR_NON_MINIMAL,       /* integer or length not in its shortest form */
    CENGINE_CBOR_INDEFINITE,        /* indefinite-length item */
    CENGINE_CBOR_FLOAT,             /* a float (not allowed in the atproto data model) */
    CENGINE_CBOR_SIMPLE,            /* a simple value other than false/true/null */
    CENGINE_CBOR_TAG,               /* a tag other than 42 */
    CENGINE_CBOR_BAD_LINK,          /* tag 42 not over bytes holding 0x00 + a CID */
    CENGINE_CBOR_INVALID_UTF8,      /* a text string that is not UTF-8 */
    CENGINE_CBOR_KEY_NOT_STRING,    /* a map key that is not a text string */
    CENGINE_CBOR_KEY_ORDER,         /* map keys not in canonical order */
    CENGINE_CBOR_DUPLICATE_KEY,     /* the same map key twice */
    CENGINE_CBOR_TOO_DEEP,          /* nesting beyond the limit */
    CENGINE_CBOR_INT_RANGE,         /* an integer outside the signed 64-bit range */
    CENGINE_CBOR_TOO_LARGE,         /* a length beyond the input */
    CENGINE_CBOR_RESERVED,          /* a reserved additional-information value (28-30) */
    CENGINE_CBOR_TRAILING,          /* bytes after the item (cengine_cbor_validate only) */
} cengine_cbor_status;

/** Where and why the scanner stopped. */
typedef struct {
    cengine_cbor_status status;
    size_t offset;
} cengine_cbor_result;

/**
 * Validates exactly one strict DAG-CBOR item at the start of the buffer without
 * allocating. On success status is OK and offset is the item's length.
 */
cengine_cbor_result cengine_cbor_scan(const uint8_t *in, size_t len, uint32_t max_depth);
/** Like cengine_cbor_scan, but the item must fill the whole buffer. */
cengine_cbor_result cengine_cbor_validate(const uint8_t *in, size_t len, uint32_t max_depth);
/** Canonical DAG-CBOR key order: shorter first, then bytewise. <0, 0, >0 like memcmp. */
int cengine_cbor_key_compare(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

#ifdef __cplusplus
}
#endif

#endif
