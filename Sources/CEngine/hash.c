/*
 * hash.c: SHA-256, HMAC, scrypt, AES-256-GCM and randomness over OpenSSL 3.
 * Book: docs/04-c-engine.md.
 */
#include "cengine.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

void cengine_sha256(const uint8_t *data, size_t len, uint8_t out[32]) {
    /* The low-level calls go straight to the assembly block function (SHA-NI
       when present). OpenSSL 3's one-shot SHA256() does not: it fetches the
       digest from a provider on every call (a lock and a free each time),
       which cost a whole-repo import about a tenth of its time. */
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, data, len);
    SHA256_Final(out, &ctx);
}

struct cengine_sha256_ctx {
    SHA256_CTX ctx;
};

cengine_sha256_ctx *cengine_sha256_new(void) {
    cengine_sha256_ctx *c = OPENSSL_malloc(sizeof(*c));
    if (c) SHA256_Init(&c->ctx);
    return c;
}

void cengine_sha256_update(cengine_sha256_ctx *c, const uint8_t *data, size_t len) {
    SHA256_Update(&c->ctx, data, len);
}

void cengine_sha256_final(cengine_sha256_ctx *c, uint8_t out[32]) {
    SHA256_Final(out, &c->ctx);
    SHA256_Init(&c->ctx);
}

void cengine_sha256_free(cengine_sha256_ctx *c) { OPENSSL_free(c); }

int cengine_hmac_sha256(const uint8_t *key, size_t key_len, const uint8_t *data, size_t len, uint8_t out[32]) {
    unsigned int out_len = 32;
    return HMAC(EVP_sha256(), key, (int)key_len, data, len, out, &out_len) != NULL && out_len == 32;
}

int cengine_scrypt(const uint8_t *pass, size_t pass_len, const uint8_t *salt, size_t salt_len,
                   uint64_t n, uint32_t r, uint32_t p, uint8_t *out, size_t out_len) {
    /* 1 GiB ceiling on scrypt's working memory: far above any parameters we use. */
    return EVP_PBE_scrypt((const char *)pass, pass_len, salt, salt_len, n, r, p,
                          (uint64_t)1 << 30, out, out_len) == 1;
}

static int gcm(int enc, const uint8_t key[32], const uint8_t iv[12], const uint8_t *aad, size_t aad_len,
               const uint8_t *in, size_t len, uint8_t *out, uint8_t tag[16]) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (!ctx) return 0;
    int ok = 0, n = 0;
    if (EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv, enc) != 1) goto done;
    if (aad_len && EVP_CipherUpdate(ctx, NULL, &n, aad, (int)aad_len) != 1) goto done;
    if (len && EVP_CipherUpdate(ctx, out, &n, in, (int)len) != 1) goto done;
    if (!enc && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag) != 1) goto done;
    if (EVP_CipherFinal_ex(ctx, out + (len ? n : 0), &n) != 1) goto done;
    if (enc && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag) != 1) goto done;
    ok = 1;
done:
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

int cengine_aes256gcm_seal(const uint8_t key[32], const uint8_t iv[12], const uint8_t *aad, size_t aad_len,
                           const uint8_t *plain, size_t len, uint8_t *out, uint8_t tag[16]) {
    if (len > INT32_MAX || aad_len > INT32_MAX) return 0;
    return gcm(1, key, iv, aad, aad_len, plain, len, out, tag);
}

int cengine_aes256gcm_open(const uint8_t key[32], const uint8_t iv[12], const uint8_t *aad, size_t aad_len,
                           const uint8_t *cipher, size_t len, const uint8_t tag[16], uint8_t *out) {
    if (len > INT32_MAX || aad_len > INT32_MAX) return 0;
    return gcm(0, key, iv, aad, aad_len, cipher, len, out, (uint8_t *)tag);
}

int cengine_random_bytes(uint8_t *out, size_t len) {
    if (len > INT32_MAX) return 0;
    return RAND_bytes(out, (int)len) == 1;
}

int cengine_ct_equal(const uint8_t *a, const uint8_t *b, size_t len) {
    return CRYPTO_memcmp(a, b, len) == 0;
}
