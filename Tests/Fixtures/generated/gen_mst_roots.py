#!/usr/bin/env python3
"""Generates mst_roots.json: MST root CIDs computed by an independent implementation
(the PyPI package `atmst`, with `cbrrr`), for the Swift MST tests to match.

Usage: pip install atmst && python3 gen_mst_roots.py > mst_roots.json
"""
import hashlib
import json
import random

from atmst.blockstore import MemoryBlockStore
from atmst.mst.node_store import NodeStore
from atmst.mst.node_wrangler import NodeWrangler
from atmst.mst.node import MSTNode
from cbrrr import CID, encode_dag_cbor


def value_cid(n):
    return CID.cidv1_dag_cbor_sha256_32_from(encode_dag_cbor({"i": n}))


def build(keys):
    ns = NodeStore(MemoryBlockStore())
    wrangler = NodeWrangler(ns)
    root = ns.get_node(None).cid
    for i, k in enumerate(keys):
        root = wrangler.put_record(root, k, value_cid(i))
    return root.encode("base32")


def tid(rng):
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    return "3" + "".join(rng.choice(alphabet) for _ in range(12))


cases = []
cases.append({"name": "empty", "keys": [], "root": build([])})
for k in ["com.example.record/3jqfcqzm3fo2j", "com.example.record/3jqfcqzm3fp2j", "app.bsky.feed.post/454397e440ec"]:
    cases.append({"name": "single " + k, "keys": [k], "root": build([k])})
example = [line.strip() for line in open("../interop/mst/example_keys.txt") if line.strip()]
example = ["com.example.record/" + k.replace("/", "-") for k in example]
cases.append({"name": "interop example keys", "keys": example, "root": build(example)})
rng = random.Random(7)
for count in [10, 100, 1000]:
    keys = sorted({f"app.bsky.feed.post/{tid(rng)}" for _ in range(count)})
    cases.append({"name": f"{count} random post keys", "keys": keys, "root": build(keys)})
# Keys on high layers, to exercise empty intermediate nodes.
high = []
i = 0
while len(high) < 6:
    k = f"com.example.record/k{i}"
    if MSTNode.key_height(k) >= 2:
        high.append(k)
    i += 1
low = [f"com.example.record/a{j}" for j in range(20)]
mixed = sorted(high + low)
cases.append({"name": "high and low layers", "keys": mixed, "root": build(mixed)})
print(json.dumps(cases, indent=1))
