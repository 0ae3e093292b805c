/*
 * base58.c: base58btc (the Bitcoin alphabet), used by did:key and multibase 'z'.
 * Book: docs/04-c-engine.md.
 *
 * The inputs are short (did:key keys are 35 bytes), so the classic
 * quadratic big-number conversion is enough; inputs longer than
 * CENGINE_BASE58_MAX bytes are refused so the scratch space stays on the
 * stack and bounded.
 */
#include "cengine.h"

#include <string.h>

static const char alphabet[58] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/* Digit value of each byte, -1 for bytes outside the alphabet. */
static const int8_t digits[256] = {
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1, -1, -1,
    -1, 9, 10, 11, 12, 13, 14, 15, 16, -1, 17, 18, 19, 20, 21, -1,
    22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, -1, -1, -1, -1, -1,
    -1, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, -1, 44, 45, 46,
    47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};

static int8_t digit(uint8_t c) { return digits[c]; }

size_t cengine_base58_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap) {
    if (len > CENGINE_BASE58_MAX) return 0;
    size_t zeros = 0;
    while (zeros < len && in[zeros] == 0) zeros++;
    /* Digits in base 58, little-endian, one byte each. */
    size_t size = (len - zeros) * 138 / 100 + 1;
    uint8_t buf[size ? size : 1];
    memset(buf, 0, size);
    size_t high = 0; /* number of digits in use */
    for (size_t i = zeros; i < len; i++) {
        uint32_t carry = in[i];
        size_t j = 0;
        for (; j < high || carry; j++) {
            carry += (uint32_t)buf[j] * 256;
            buf[j] = (uint8_t)(carry % 58);
            carry /= 58;
        }
        high = j;
    }
    size_t n = zeros + high;
    if (n > cap) return 0;
    memset(out, '1', zeros);
    for (size_t k = 0; k < high; k++) out[zeros + k] = (uint8_t)alphabet[buf[high - 1 - k]];
    return n;
}

int64_t cengine_base58_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap) {
    if (len > CENGINE_BASE58_MAX) return -1;
    size_t ones = 0;
    while (ones < len && in[ones] == '1') ones++;
    size_t size = (len - ones) * 733 / 1000 + 1;
    uint8_t buf[size ? size : 1];
    memset(buf, 0, size);
    size_t high = 0;
    for (size_t i = ones; i < len; i++) {
        int8_t d = digit(in[i]);
        if (d < 0) return -1;
        uint32_t carry = (uint32_t)d;
        size_t j = 0;
        for (; j < high || carry; j++) {
            carry += (uint32_t)buf[j] * 58;
            buf[j] = (uint8_t)(carry & 0xFF);
            carry >>= 8;
        }
        high = j;
    }
    size_t n = ones + high;
    if (n > cap) return -1;
    memset(out, 0, ones);
    for (size_t k = 0; k < high; k++) out[ones + k] = buf[high - 1 - k];
    return (int64_t)n;
}
