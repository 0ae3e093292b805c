/*
 * base32.c: RFC 4648 base32, lower case, no padding (multibase 'b').
 * Book: docs/04-c-engine.md.
 *
 * The main loops take 5 bytes -> 8 characters (and back) with no branches
 * in the body, so the compiler can unroll them; decoding maps characters
 * through a 256-entry table where 0xFF marks an invalid character.
 */
#include "cengine.h"

static const uint8_t alphabet[32] = "abcdefghijklmnopqrstuvwxyz234567";

static const uint8_t table[256] = {
#define X 0xFF
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, 26, 27, 28, 29, 30, 31, X, X, X, X, X, X, X, X,
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, X,
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
#undef X
};

size_t cengine_base32_encoded_len(size_t len) { return (len * 8 + 4) / 5; }

void cengine_base32_encode(const uint8_t *in, size_t len, uint8_t *out) {
    size_t i = 0;
    for (; i + 5 <= len; i += 5, out += 8) {
        uint64_t v = ((uint64_t)in[i] << 32) | ((uint64_t)in[i + 1] << 24) | ((uint64_t)in[i + 2] << 16) |
                     ((uint64_t)in[i + 3] << 8) | (uint64_t)in[i + 4];
        out[0] = alphabet[(v >> 35) & 31];
        out[1] = alphabet[(v >> 30) & 31];
        out[2] = alphabet[(v >> 25) & 31];
        out[3] = alphabet[(v >> 20) & 31];
        out[4] = alphabet[(v >> 15) & 31];
        out[5] = alphabet[(v >> 10) & 31];
        out[6] = alphabet[(v >> 5) & 31];
        out[7] = alphabet[v & 31];
    }
    size_t rest = len - i;
    if (rest == 0) return;
    uint64_t v = 0;
    for (size_t k = 0; k < 5; k++) v = (v << 8) | (k < rest ? in[i + k] : 0);
    size_t chars = (rest * 8 + 4) / 5;
    for (size_t k = 0; k < chars; k++) out[k] = alphabet[(v >> (35 - 5 * k)) & 31];
}

int64_t cengine_base32_decode(const uint8_t *in, size_t len, uint8_t *out) {
    size_t i = 0, o = 0;
    for (; i + 8 <= len; i += 8, o += 5) {
        uint8_t c0 = table[in[i]], c1 = table[in[i + 1]], c2 = table[in[i + 2]], c3 = table[in[i + 3]];
        uint8_t c4 = table[in[i + 4]], c5 = table[in[i + 5]], c6 = table[in[i + 6]], c7 = table[in[i + 7]];
        if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) & 0xE0) return -1;
        uint64_t v = ((uint64_t)c0 << 35) | ((uint64_t)c1 << 30) | ((uint64_t)c2 << 25) | ((uint64_t)c3 << 20) |
                     ((uint64_t)c4 << 15) | ((uint64_t)c5 << 10) | ((uint64_t)c6 << 5) | (uint64_t)c7;
        out[o] = (uint8_t)(v >> 32);
        out[o + 1] = (uint8_t)(v >> 24);
        out[o + 2] = (uint8_t)(v >> 16);
        out[o + 3] = (uint8_t)(v >> 8);
        out[o + 4] = (uint8_t)v;
    }
    size_t rest = len - i;
    if (rest == 0) return (int64_t)o;
    /* Valid tails are 2, 4, 5 or 7 characters (1, 2, 3 or 4 bytes). */
    if (rest == 1 || rest == 3 || rest == 6) return -1;
    uint64_t v = 0;
    for (size_t k = 0; k < 8; k++) {
        uint8_t c = k < rest ? table[in[i + k]] : 0;
        if (c & 0xE0) return -1;
        v = (v << 5) | c;
    }
    size_t bytes = rest * 5 / 8;
    /* Unused low bits of the last character must be zero (canonical form). */
    uint64_t used_bits = bytes * 8, total_bits = rest * 5;
    uint64_t pad_mask = ((uint64_t)1 << (total_bits - used_bits)) - 1;
    if ((v >> (40 - total_bits)) & pad_mask) return -1;
    for (size_t k = 0; k < bytes; k++) out[o + k] = (uint8_t)(v >> (32 - 8 * k));
    return (int64_t)(o + bytes);
}
