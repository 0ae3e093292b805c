/*
 * zstd.c: one-shot zstd frames.
 * Book: docs/04-c-engine.md.
 */
#include "cengine.h"

#include <zstd.h>

size_t cengine_zstd_bound(size_t len) { return ZSTD_compressBound(len); }

int64_t cengine_zstd_compress(const uint8_t *src, size_t len, uint8_t *dst, size_t cap, int level) {
    size_t n = ZSTD_compress(dst, cap, src, len, level);
    return ZSTD_isError(n) ? -1 : (int64_t)n;
}

int64_t cengine_zstd_decompress(const uint8_t *src, size_t len, uint8_t *dst, size_t cap) {
    size_t n = ZSTD_decompress(dst, cap, src, len);
    return ZSTD_isError(n) ? -1 : (int64_t)n;
}

int64_t cengine_zstd_content_size(const uint8_t *src, size_t len) {
    unsigned long long n = ZSTD_getFrameContentSize(src, len);
    if (n == ZSTD_CONTENTSIZE_UNKNOWN) return -1;
    if (n == ZSTD_CONTENTSIZE_ERROR || n > INT64_MAX) return -2;
    return (int64_t)n;
}
