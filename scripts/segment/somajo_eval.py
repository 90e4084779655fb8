#!/usr/bin/env python3
"""Score SoMaJo on a CoNLL-U treebank exactly as `newsgraph eval segment` does.

Measuring only: SoMaJo is never a dependency of newsgraph.

    pip install somajo
    python3 scripts/segment/somajo_eval.py /work/shared/data/ud_german_gsd/de_gsd-ud-dev.conllu [FIRST LAST]

Definitions (identical to crates/segment/src/eval.rs):
- raw text = the `# text =` lines joined by a single space, in file order;
  `# newdoc` / `# newpar` are ignored (one stream);
- gold tokens = surface tokens (a multiword range `3-4 zum` counts once, its
  words are skipped), aligned left to right in their sentence's text; a form
  not found at the current position (after whitespace) is counted as
  unaligned and left out;
- a sentence boundary = the end offset of a sentence; tokens match on
  exact (start, end) spans; P/R/F1 over the sets.
Offsets here are code points, in the Rust code bytes: the same spans.

FIRST LAST (1-based, inclusive) restrict to a range of sentences, e.g.
1 500 (reviews) or 501 799 (news) for UD German-GSD dev.
"""
import sys
import time

from somajo import SoMaJo


def read_conllu(data):
    text = ""
    sentences, tokens = [], []
    unaligned = 0
    sent_text, forms, skip_until = None, [], 0

    def flush():
        nonlocal text, sent_text, forms, unaligned
        if sent_text is not None:
            if text:
                text += " "
            base = len(text)
            text += sent_text
            sentences.append((base, base + len(sent_text)))
            pos = 0
            for form in forms:
                rest = sent_text[pos:]
                trimmed = rest.lstrip()
                at = pos + (len(rest) - len(trimmed))
                if trimmed.startswith(form):
                    tokens.append((base + at, base + at + len(form)))
                    pos = at + len(form)
                else:
                    unaligned += 1
        sent_text, forms = None, []

    for line in data.split("\n"):
        line = line.rstrip("\r")
        if not line:
            flush()
            skip_until = 0
            continue
        if line.startswith("#"):
            c = line[1:].lstrip()
            if c.startswith("text ="):
                sent_text = c[len("text ="):].strip()
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        ident, form = cols[0], cols[1]
        if "." in ident:
            continue
        if "-" in ident:
            a, b = ident.split("-", 1)
            if a.isdigit() and b.isdigit():
                forms.append(form)
                skip_until = int(b)
            continue
        if not ident.isdigit():
            continue
        if int(ident) <= skip_until:
            continue
        forms.append(form)
    flush()
    return text, sentences, tokens, unaligned


def prf(pred, gold):
    pred, gold = set(pred), set(gold)
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, len(pred), len(gold)


def main():
    path = sys.argv[1]
    data = open(path, encoding="utf-8").read()
    if len(sys.argv) >= 4:
        first, last = int(sys.argv[2]), int(sys.argv[3])
        blocks = data.split("\n\n")
        data = "\n\n".join(b for i, b in enumerate(blocks) if first <= i + 1 <= last)
    text, gold_sents, gold_toks, unaligned = read_conllu(data)

    tok = SoMaJo("de_CMC", split_sentences=True, character_offsets=True)
    list(tok.tokenize_text(["Warm-up: Dr. Weber kam am 3. Oktober."]))
    sents = list(tok.tokenize_text([text]))
    # Timed separately, without offsets, in SoMaJo's fastest configuration.
    fast = SoMaJo("de_CMC", split_sentences=True)
    start = time.perf_counter()
    for _ in range(3):
        list(fast.tokenize_text([text]))
    secs = (time.perf_counter() - start) / 3

    pred_toks = [t.character_offset for s in sents for t in s]
    pred_ends = [s[-1].character_offset[1] for s in sents if s]
    gold_ends = [e for _, e in gold_sents]
    print(f"SoMaJo {tok.__class__.__module__} de_CMC: {len(gold_sents)} gold sentences, "
          f"{len(text.encode())} bytes of text, {unaligned} unaligned gold tokens")
    print(f"{'layer':<10} {'P':>7} {'R':>7} {'F1':>7} {'tp':>7} {'pred':>7} {'gold':>7}")
    for name, (p, r, f, tp, np_, ng) in (("sentences", prf(pred_ends, gold_ends)),
                                         ("tokens", prf(pred_toks, gold_toks))):
        print(f"{name:<10} {p:>7.4f} {r:>7.4f} {f:>7.4f} {tp:>7} {np_:>7} {ng:>7}")
    nbytes = len(text.encode())
    print(f"throughput: {len(pred_toks) / secs:.0f} tokens/s, {nbytes / secs / 1e6:.3f} MB/s "
          f"({len(pred_toks)} tokens in {secs:.2f} s, split_sentences=True, mean of 3 runs)")


if __name__ == "__main__":
    main()
