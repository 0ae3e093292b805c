#!/usr/bin/env bash
# Builds the libFuzzer targets with ASan and runs each for FUZZ_SECONDS (default 30).
# Seeds come from fuzz/seeds/<target>; the growing corpus lives in fuzz/corpus-<target> (ignored by git).
# Book: docs/04-c-engine.md; results: fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH="${FUZZ_SECONDS:-30}"
TARGETS=(FuzzDagCBOR FuzzCAR FuzzCID FuzzJSON FuzzSyntax FuzzMSTNode FuzzRepoCAR FuzzPLCOp FuzzLexicon FuzzJWT FuzzDNS FuzzSMTPReply)

swift build -c release --sanitize=fuzzer --sanitize=address 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -5
BIN="$(swift build -c release --sanitize=fuzzer --sanitize=address --show-bin-path)"

status=0
for t in "${TARGETS[@]}"; do
    mkdir -p "corpus-$t"
    log="$(mktemp)"
    if "$BIN/$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
        "corpus-$t" "seeds/$t" >"$log" 2>&1; then
        execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
        rate=$(( ${execs:-0} / SECONDS_EACH ))
        echo "$t: ok, ${execs:-?} runs in ${SECONDS_EACH}s (~${rate}/s)"
    else
        echo "$t: FAILED"
        tail -40 "$log"
        status=1
    fi
    rm -f "$log"
done
exit $status
