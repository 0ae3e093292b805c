/*
 * cbor_scan.c: a strict DAG-CBOR validator that allocates nothing.
 * Book: docs/05-cid-dag-cbor.md ("The scanner").
 *
 * It walks one item with an explicit stack (no recursion, so a hostile
 * nesting depth cannot overflow the C stack) and checks every rule of the
 * atproto data model: shortest-form integers and lengths, definite lengths
 * only, no floats, only the simple values false/true/null, only tag 42 over
 * a byte string holding 0x00 and a well-formed CID, text keys in canonical
 * order (length first, then bytes) without duplicates, UTF-8 text, and
 * 64-bit signed integer range.
 */
#include "cengine.h"

#include <string.h>

#define MAX_STACK 1024

typedef struct {
    uint64_t remaining; /* items left in this container (maps count keys and values) */
    const uint8_t *prev_key;
    size_t prev_key_len;
    uint8_t is_map;
} frame;

int cengine_cbor_key_compare(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
    if (a_len != b_len) return a_len < b_len ? -1 : 1;
    return memcmp(a, b, a_len);
}

/* Reads an item head. Returns 0 and sets *status on error. */
static inline int read_head(const uint8_t *in, size_t len, size_t *pos, uint8_t *major, uint8_t *ai, uint64_t *val,
                            cengine_cbor_status *status) {
    size_t p = *pos;
    if (p >= len) {
        *status = CENGINE_CBOR_TRUNCATED;
        return 0;
    }
    uint8_t ib = in[p++];
    *major = ib >> 5;
    *ai = ib & 31;
    uint64_t v;
    if (*ai < 24) {
        v = *ai;
    } else if (*ai <= 27) {
        size_t n = (size_t)1 << (*ai - 24);
        if (len - p < n) {
            *status = CENGINE_CBOR_TRUNCATED;
            return 0;
        }
        v = 0;
        for (size_t k = 0; k < n; k++) v = (v << 8) | in[p + k];
        p += n;
        /* Major type 7 with ai 25-27 is a float: the caller reports it, the value is irrelevant. */
        if (*major != 7) {
            static const uint64_t min[4] = {24, 0x100, 0x10000, 0x100000000ULL};
            if (v < min[*ai - 24]) {
                *status = CENGINE_CBOR_NON_MINIMAL;
                return 0;
            }
        }
    } else if (*ai == 31) {
        *status = CENGINE_CBOR_INDEFINITE;
        return 0;
    } else {
        *status = CENGINE_CBOR_RESERVED;
        return 0;
    }
    *val = v;
    *pos = p;
    return 1;
}

/* A binary CID (after the 0x00 multibase prefix): v0 (sha2-256 multihash) or v1. Digest at most 32 bytes. */
static int cid_ok(const uint8_t *b, size_t n) {
    if (n == 34 && b[0] == 0x12 && b[1] == 0x20) return 1;
    uint64_t version, codec, code, dlen;
    int k;
    size_t p = 0;
    if ((k = cengine_varint_decode(b + p, n - p, &version)) <= 0 || version != 1) return 0;
    p += (size_t)k;
    if ((k = cengine_varint_decode(b + p, n - p, &codec)) <= 0) return 0;
    p += (size_t)k;
    if ((k = cengine_varint_decode(b + p, n - p, &code)) <= 0) return 0;
    p += (size_t)k;
    if ((k = cengine_varint_decode(b + p, n - p, &dlen)) <= 0) return 0;
    p += (size_t)k;
    /* The same rules as CID.decodePrefix: 32-bit codes, digests of at most 32 bytes. */
    return codec <= 0xFFFFFFFFu && code <= 0xFFFFFFFFu && dlen <= 32 && n - p == dlen;
}

cengine_cbor_result cengine_cbor_scan(const uint8_t *in, size_t len, uint32_t max_depth) {
    frame stack[MAX_STACK];
    size_t depth = 0, pos = 0, start;
    if (max_depth > MAX_STACK) max_depth = MAX_STACK;
    cengine_cbor_status st = CENGINE_CBOR_OK;
    uint8_t major, ai;
    uint64_t val;

    for (;;) {
        start = pos;
        if (!read_head(in, len, &pos, &major, &ai, &val, &st)) goto fail;
        int is_key = depth > 0 && stack[depth - 1].is_map && (stack[depth - 1].remaining & 1) == 0;
        if (is_key && major != 3) {
            st = CENGINE_CBOR_KEY_NOT_STRING;
            goto fail;
        }
        switch (major) {
        case 0:
        case 1:
            if (val > (uint64_t)INT64_MAX) {
                st = CENGINE_CBOR_INT_RANGE;
                goto fail;
            }
            break;
        case 2:
            if (val > len - pos) {
                st = CENGINE_CBOR_TOO_LARGE;
                goto fail;
            }
            pos += (size_t)val;
            break;
        case 3: {
            if (val > len - pos) {
                st = CENGINE_CBOR_TOO_LARGE;
                goto fail;
            }
            const uint8_t *s = in + pos;
            size_t n = (size_t)val;
            if (!cengine_utf8_valid(s, n)) {
                st = CENGINE_CBOR_INVALID_UTF8;
                goto fail;
            }
            if (is_key) {
                frame *f = &stack[depth - 1];
                if (f->prev_key) {
                    int c = cengine_cbor_key_compare(f->prev_key, f->prev_key_len, s, n);
                    if (c == 0) {
                        st = CENGINE_CBOR_DUPLICATE_KEY;
                        goto fail;
                    }
                    if (c > 0) {
                        st = CENGINE_CBOR_KEY_ORDER;
                        goto fail;
                    }
                }
                f->prev_key = s;
                f->prev_key_len = n;
            }
            pos += n;
            break;
        }
        case 4:
        case 5: {
            /* Every item takes at least one byte: a count beyond the input is a lie. */
            uint64_t items = val;
            if (major == 5) {
                if (val > (len - pos) / 2) {
                    st = CENGINE_CBOR_TOO_LARGE;
                    goto fail;
                }
                items = val * 2;
            } else if (val > len - pos) {
                st = CENGINE_CBOR_TOO_LARGE;
                goto fail;
            }
            if (items > 0) {
                if (depth >= max_depth) {
                    st = CENGINE_CBOR_TOO_DEEP;
                    goto fail;
                }
                stack[depth].remaining = items;
                stack[depth].is_map = major == 5;
                stack[depth].prev_key = NULL;
                stack[depth].prev_key_len = 0;
                depth++;
                continue; /* the container completes when its last child does */
            }
            break;
        }
        case 6: {
            if (val != 42) {
                st = CENGINE_CBOR_TAG;
                goto fail;
            }
            uint8_t m2, a2;
            uint64_t n;
            size_t p2 = pos;
            if (!read_head(in, len, &p2, &m2, &a2, &n, &st)) {
                start = pos;
                goto fail;
            }
            if (m2 != 2 || n > len - p2 || n < 2 || in[p2] != 0x00 || !cid_ok(in + p2 + 1, (size_t)n - 1)) {
                st = n > len - p2 && m2 == 2 ? CENGINE_CBOR_TOO_LARGE : CENGINE_CBOR_BAD_LINK;
                goto fail;
            }
            pos = p2 + (size_t)n;
            break;
        }
        default: /* 7 */
            if (ai == 20 || ai == 21 || ai == 22) break;
            st = (ai >= 25 && ai <= 27) ? CENGINE_CBOR_FLOAT : CENGINE_CBOR_SIMPLE;
            goto fail;
        }
        /* One item finished: count it against its parents, closing finished containers. */
        while (depth > 0) {
            if (--stack[depth - 1].remaining > 0) break;
            depth--;
        }
        if (depth == 0) return (cengine_cbor_result){CENGINE_CBOR_OK, pos};
    }
fail:
    return (cengine_cbor_result){st, start};
}

cengine_cbor_result cengine_cbor_validate(const uint8_t *in, size_t len, uint32_t max_depth) {
    cengine_cbor_result r = cengine_cbor_scan(in, len, max_depth);
    if (r.status == CENGINE_CBOR_OK && r.offset != len) r.status = CENGINE_CBOR_TRAILING;
    return r;
}
