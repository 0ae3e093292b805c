/*
 * k256.c: secp256k1 ECDSA over libsecp256k1 (compact low-S signatures).
 * Book: docs/04-c-engine.md.
 */
#include "cengine.h"

#include <pthread.h>
#include <secp256k1.h>
#include <string.h>

static secp256k1_context *ctx;
static pthread_once_t ctx_once = PTHREAD_ONCE_INIT;

static void ctx_init(void) {
    ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    uint8_t seed[32];
    /* Blinding against side channels; a failure here leaves the unblinded (still correct) context. */
    if (cengine_random_bytes(seed, sizeof seed)) (void)secp256k1_context_randomize(ctx, seed);
}

/* The context is only read after initialisation, which libsecp256k1 allows from many threads. */
static const secp256k1_context *k256(void) {
    pthread_once(&ctx_once, ctx_init);
    return ctx;
}

int cengine_k256_private_valid(const uint8_t priv[32]) {
    return secp256k1_ec_seckey_verify(k256(), priv);
}

int cengine_k256_public_from_private(const uint8_t priv[32], int compressed, uint8_t out[65], size_t *out_len) {
    secp256k1_pubkey pk;
    if (!secp256k1_ec_pubkey_create(k256(), &pk, priv)) return 0;
    *out_len = 65;
    return secp256k1_ec_pubkey_serialize(k256(), out, out_len, &pk,
                                         compressed ? SECP256K1_EC_COMPRESSED : SECP256K1_EC_UNCOMPRESSED);
}

int cengine_k256_public_parse(const uint8_t *pub, size_t len, uint8_t parsed[64]) {
    secp256k1_pubkey pk;
    /* Only SEC1 compressed (02/03) and uncompressed (04) points; no "hybrid" 06/07 forms. */
    if (!((len == 33 && (pub[0] == 2 || pub[0] == 3)) || (len == 65 && pub[0] == 4))) return 0;
    if (!secp256k1_ec_pubkey_parse(k256(), &pk, pub, len)) return 0;
    memcpy(parsed, pk.data, 64);
    return 1;
}

int cengine_k256_public_serialize(const uint8_t parsed[64], int compressed, uint8_t out[65], size_t *out_len) {
    secp256k1_pubkey pk;
    memcpy(pk.data, parsed, 64);
    *out_len = 65;
    return secp256k1_ec_pubkey_serialize(k256(), out, out_len, &pk,
                                         compressed ? SECP256K1_EC_COMPRESSED : SECP256K1_EC_UNCOMPRESSED);
}

int cengine_k256_sign(const uint8_t priv[32], const uint8_t digest[32], uint8_t sig[64]) {
    secp256k1_ecdsa_signature s;
    /* libsecp256k1 always produces low-S signatures (RFC 6979 nonces). */
    if (!secp256k1_ecdsa_sign(k256(), &s, digest, priv, NULL, NULL)) return 0;
    return secp256k1_ecdsa_signature_serialize_compact(k256(), sig, &s);
}

int cengine_k256_verify(const uint8_t parsed[64], const uint8_t digest[32], const uint8_t sig[64]) {
    secp256k1_ecdsa_signature s;
    secp256k1_pubkey pk;
    if (!secp256k1_ecdsa_signature_parse_compact(k256(), &s, sig)) return 0;
    memcpy(pk.data, parsed, 64);
    /* secp256k1_ecdsa_verify itself fails on high-S signatures: exactly the atproto rule. */
    return secp256k1_ecdsa_verify(k256(), &s, digest, &pk);
}
