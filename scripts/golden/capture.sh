#!/usr/bin/env bash
# Captures what a newsgraph binary produces on the samples and the shared
# corpora, so that a structural change can be shown to change no result:
#   scripts/golden/capture.sh BIN OUTDIR      (then: diff -r BEFORE AFTER)
# Records: `analyze --tokens` on every sample and on JSON Lines made from the
# shared corpora (scripts/golden/corpus_jsonl.py). Scores: every `eval`
# command with the shared corpora. Quote speakers' and claim sources' `kb`
# are set to null in the records: since issue 22 no stage mints ids (the
# linking stage fills them), so that key is the one intended difference.
set -euo pipefail
BIN=$(realpath "$1"); OUT=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D=${SHARED:-$ROOT/../shared}/data
mkdir -p "$OUT"
norm() { jq -c '(.quotes[]?.speaker | select(. != null) | .kb) = null
               | (.claims[]?.sources[]?.kb) = null'; }
for f in "$ROOT"/samples/*.txt "$ROOT"/../shared/samples/*.txt; do
  "$BIN" analyze -q --tokens "$f" | norm > "$OUT/record-$(basename "$f" .txt).jsonl"
done
IN=$(mktemp -d)
python3 "$ROOT/scripts/golden/corpus_jsonl.py" "$D" "$IN"
for f in "$IN"/*.jsonl; do
  "$BIN" analyze -q --tokens --format jsonl "$f" | norm > "$OUT/corpus-$(basename "$f")"
done
rm -r "$IN"
ev() { local name=$1; shift; "$BIN" eval "$@" > "$OUT/eval-$name.txt" 2>&1 || echo "exit $?" >> "$OUT/eval-$name.txt"; }
ev segment segment --conllu "$D/ud_german_gsd/de_gsd-ud-dev.conllu"
ev timex-wikiwars timex --wikiwars "$D/wikiwarsde"
ev timex-timeml timex --timeml "$D/tempeval3"
ev ner-dev ner --gold "$D/germeval2014/NER-de-dev.tsv"
ev ner-testa ner --gold "$D/germeval2014/NER-de-test-part-a.tsv"
ev quotes-news quotes --news "$D/german-news-quotes/dev.jsonl"
ev quotes-news-train quotes --news "$D/german-news-quotes/train.jsonl"
ev quotes-rw quotes --redewiedergabe "$D/redewiedergabe"
ev quotes-rw-fiction quotes --redewiedergabe "$D/redewiedergabe" --fiction
ev quotes-spkatt quotes --spkatt "$D/spkatt2023"
ev quotes-meantime quotes --meantime "$D/meantime_en"
