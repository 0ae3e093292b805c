/*
 * p256.c: P-256 ECDSA over OpenSSL 3, in compact r||s form with low-S.
 * Book: docs/04-c-engine.md.
 *
 * The EC_KEY API is deprecated in OpenSSL 3 but remains the shortest path
 * to raw-digest ECDSA without per-call provider lookups; the EVP_PKEY
 * route costs a key decode per call.
 */
#include "cengine.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/obj_mac.h>
#include <pthread.h>
#include <stdlib.h>

struct cengine_p256_key {
    EC_KEY *key;
};

static EC_GROUP *group;
static BIGNUM *order, *half_order;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void) {
    group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    order = BN_new();
    half_order = BN_new();
    EC_GROUP_get_order(group, order, NULL);
    BN_rshift1(half_order, order);
}

static cengine_p256_key *wrap(EC_KEY *k) {
    cengine_p256_key *out = malloc(sizeof *out);
    if (!out) {
        EC_KEY_free(k);
        return NULL;
    }
    out->key = k;
    return out;
}

cengine_p256_key *cengine_p256_private_new(const uint8_t priv[32]) {
    pthread_once(&once, init);
    EC_KEY *k = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
    BIGNUM *d = BN_bin2bn(priv, 32, NULL);
    EC_POINT *pub = EC_POINT_new(group);
    int ok = k && d && pub && !BN_is_zero(d) && BN_cmp(d, order) < 0 &&
             EC_POINT_mul(group, pub, d, NULL, NULL, NULL) == 1 && EC_KEY_set_private_key(k, d) == 1 &&
             EC_KEY_set_public_key(k, pub) == 1;
    BN_clear_free(d);
    EC_POINT_free(pub);
    if (!ok) {
        EC_KEY_free(k);
        return NULL;
    }
    return wrap(k);
}

cengine_p256_key *cengine_p256_public_new(const uint8_t *pub, size_t len) {
    pthread_once(&once, init);
    if (!((len == 33 && (pub[0] == 2 || pub[0] == 3)) || (len == 65 && pub[0] == 4))) return NULL;
    EC_KEY *k = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
    EC_POINT *pt = EC_POINT_new(group);
    int ok = k && pt && EC_POINT_oct2point(group, pt, pub, len, NULL) == 1 &&
             EC_POINT_is_on_curve(group, pt, NULL) == 1 && EC_KEY_set_public_key(k, pt) == 1;
    EC_POINT_free(pt);
    if (!ok) {
        EC_KEY_free(k);
        return NULL;
    }
    return wrap(k);
}

void cengine_p256_free(cengine_p256_key *key) {
    if (!key) return;
    EC_KEY_free(key->key);
    free(key);
}

int cengine_p256_public_bytes(const cengine_p256_key *key, int compressed, uint8_t out[65], size_t *out_len) {
    const EC_POINT *pt = EC_KEY_get0_public_key(key->key);
    size_t n = EC_POINT_point2oct(group, pt, compressed ? POINT_CONVERSION_COMPRESSED : POINT_CONVERSION_UNCOMPRESSED,
                                  out, 65, NULL);
    *out_len = n;
    return n == (compressed ? 33u : 65u);
}

int cengine_p256_sign(const cengine_p256_key *key, const uint8_t digest[32], uint8_t sig[64]) {
    if (!EC_KEY_get0_private_key(key->key)) return 0;
    ECDSA_SIG *s = ECDSA_do_sign(digest, 32, key->key);
    if (!s) return 0;
    const BIGNUM *r0, *s0;
    ECDSA_SIG_get0(s, &r0, &s0);
    int ok = BN_bn2binpad(r0, sig, 32) == 32;
    if (ok && BN_cmp(s0, half_order) > 0) {
        BIGNUM *low = BN_new();
        ok = low && BN_sub(low, order, s0) == 1 && BN_bn2binpad(low, sig + 32, 32) == 32;
        BN_free(low);
    } else if (ok) {
        ok = BN_bn2binpad(s0, sig + 32, 32) == 32;
    }
    ECDSA_SIG_free(s);
    return ok;
}

int cengine_p256_verify(const cengine_p256_key *key, const uint8_t digest[32], const uint8_t sig[64]) {
    BIGNUM *r = BN_bin2bn(sig, 32, NULL), *s = BN_bin2bn(sig + 32, 32, NULL);
    if (!r || !s || BN_is_zero(r) || BN_is_zero(s) || BN_cmp(r, order) >= 0 || BN_cmp(s, half_order) > 0) {
        BN_free(r);
        BN_free(s);
        return 0;
    }
    ECDSA_SIG *es = ECDSA_SIG_new();
    if (!es) {
        BN_free(r);
        BN_free(s);
        return 0;
    }
    ECDSA_SIG_set0(es, r, s); /* es owns r and s now */
    int ok = ECDSA_do_verify(digest, 32, es, key->key) == 1;
    ECDSA_SIG_free(es);
    return ok;
}
