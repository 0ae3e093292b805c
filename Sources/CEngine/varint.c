/*
 * varint.c: unsigned LEB128 varints as multiformats uses them (CIDs, CAR framing).
 * Book: docs/04-c-engine.md.
 */
#include "cengine.h"

size_t cengine_varint_encode(uint64_t value, uint8_t out[10]) {
    size_t n = 0;
    while (value >= 0x80) {
        out[n++] = (uint8_t)(value | 0x80);
        value >>= 7;
    }
    out[n++] = (uint8_t)value;
    return n;
}

int cengine_varint_decode(const uint8_t *in, size_t len, uint64_t *value) {
    /* Fast path: one byte, the common case for codecs and short lengths. */
    if (len > 0 && in[0] < 0x80) {
        *value = in[0];
        return 1;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < 9; i++) {
        if (i >= len) return 0;
        uint8_t b = in[i];
        v |= (uint64_t)(b & 0x7F) << (7 * i);
        if (b < 0x80) {
            /* A trailing zero byte means a longer encoding than needed. */
            if (b == 0 && i > 0) return -1;
            *value = v;
            return (int)(i + 1);
        }
    }
    return -1; /* the multiformats spec caps varints at 9 bytes (63 bits) */
}
