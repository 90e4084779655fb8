#!/usr/bin/env bash
# End-to-end throughput of `newsgraph analyze`: builds the release binary,
# makes a JSON Lines corpus of N documents from the shipped samples (each
# document a distinct paragraph mix, so nothing is cached), analyses it and
# prints documents/s, MB/s and peak memory (from /usr/bin/time -v).
#
# usage: scripts/bench-analyze.sh [N_DOCS] [THREADS] [EXTRA analyze ARGS…]
# e.g.   scripts/bench-analyze.sh 4000 2 --skip ner
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
threads=${2:-$(nproc)}
shift $(( $# > 2 ? 2 : $# ))
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$work/corpus.jsonl" samples/*.txt <<'PY'
import json, sys, random
n, out, paths = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
# One paragraph pool per sample, so every document is in one language, as
# real articles are.
pools = []
for p in paths:
    lines = [l for l in open(p, encoding="utf-8").read().split("\n") if l.strip()]
    pools.append(lines[2:])
rng = random.Random(7)
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        paras = pools[i % len(pools)]
        body = "\n".join(rng.sample(paras, len(paras)))
        f.write(json.dumps({"id": f"bench-{i}", "dct": "2025-03-04", "text": body}, ensure_ascii=False) + "\n")
PY
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$work/corpus.jsonl")
/usr/bin/time -v ./target/release/newsgraph analyze -q -j "$threads" "$@" "$work/corpus.jsonl" >/dev/null 2>"$work/time.txt"
wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
python3 - "$n" "$bytes" "$wall" "$rss" "$threads" <<'PY'
import sys
n, b, wall, rss, threads = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
parts = [float(x) for x in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"documents: {n}, text: {b/1e6:.2f} MB, threads: {threads}")
print(f"wall: {secs:.2f} s  ->  {n/secs:.0f} documents/s, {b/1e6/secs:.2f} MB/s")
print(f"peak memory (max RSS): {rss/1024:.1f} MiB")
PY
