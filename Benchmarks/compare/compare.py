#!/usr/bin/env python3
"""Python reference figures for docs/25-performance.md, on the same corpora as the Swift benchmarks.

Usage: python3 compare.py DIR   (DIR holds posts.car and big.car from MakeCorpus)
Needs: pip install cbrrr libipld
"""
import sys
import time

import cbrrr
import libipld


def best_of(fn, runs=5):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def varint(buf, i):
    v = shift = 0
    while True:
        b = buf[i]
        i += 1
        v |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return v, i


def car_blocks(car):
    n, i = varint(car, 0)
    i += n
    out = []
    while i < len(car):
        n, j = varint(car, i)
        # CIDv1 sha2-256: 1 version + 1 codec (0x71) + 1 hash code + 1 length + 32 digest = 36 bytes.
        out.append(car[j + 36 : j + n])
        i = j + n
    return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pds-bench"
    posts_car = open(f"{d}/posts.car", "rb").read()
    big_car = open(f"{d}/big.car", "rb").read()
    # The exact block bytes the Swift benchmarks use, cut out of the CAR by hand.
    raw = car_blocks(posts_car)
    total = sum(len(b) for b in raw)
    n = len(raw)
    print(f"corpus: {n} records, {total} bytes")

    rows = []

    def row(name, seconds, nbytes, count):
        rows.append((name, nbytes / seconds / 1e6, count / seconds))

    t = best_of(lambda: [libipld.decode_dag_cbor(b) for b in raw])
    row("libipld decode", t, total, n)
    objs = [libipld.decode_dag_cbor(b) for b in raw]
    t = best_of(lambda: [libipld.encode_dag_cbor(o) for o in objs])
    row("libipld encode", t, total, n)

    t = best_of(lambda: [cbrrr.decode_dag_cbor(b) for b in raw])
    row("cbrrr decode", t, total, n)
    cobjs = [cbrrr.decode_dag_cbor(b) for b in raw]
    t = best_of(lambda: [cbrrr.encode_dag_cbor(o) for o in cobjs])
    row("cbrrr encode", t, total, n)

    t = best_of(lambda: libipld.decode_car(big_car), runs=3)
    row("libipld decode_car 50MB (no hash check)", t, len(big_car), 1)

    for name, mbs, per in rows:
        print(f"{name:45s} {mbs:9.1f} MB/s {per:12.0f} items/s")


if __name__ == "__main__":
    main()
