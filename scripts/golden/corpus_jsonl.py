#!/usr/bin/env python3
"""Writes JSON Lines inputs for the golden comparison from the shared corpora.

Usage: corpus_jsonl.py SHARED_DATA_DIR OUTDIR

- news-dev.jsonl: the German Wikinews quote corpus's dev split (text and the
  date in the document name);
- tempeval3-en.jsonl: the English TimeML articles of TempEval-3 with their
  markup stripped and the DCT as dct;
- wikiwars-de.jsonl: the WikiWarsDE input texts.
Only for measuring: nothing here is committed output.
"""
import json, os, re, sys, html

data, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

with open(os.path.join(data, "german-news-quotes/dev.jsonl")) as f, \
        open(os.path.join(out, "news-dev.jsonl"), "w") as w:
    for line in f:
        d = json.loads(line)
        name = d["documentName"]
        m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\s*$", name)
        rec = {"id": name, "text": d["originalText"]}
        if m:
            rec["dct"] = m.group(1)
        w.write(json.dumps(rec, ensure_ascii=False) + "\n")

with open(os.path.join(out, "tempeval3-en.jsonl"), "w") as w:
    for sub in ("TimeBank", "AQUAINT"):
        base = os.path.join(data, "tempeval3", sub)
        for fn in sorted(os.listdir(base)):
            raw = open(os.path.join(base, fn), encoding="utf-8").read()
            m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
            if not m:
                continue
            text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
            dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw) or \
                re.search(r'value="(\d{4}-\d{2}-\d{2})"[^>]*functionInDocument="CREATION_TIME"', raw)
            rec = {"id": fn, "text": text, "lang": "en"}
            if dct:
                rec["dct"] = dct.group(1)
            w.write(json.dumps(rec, ensure_ascii=False) + "\n")

with open(os.path.join(out, "wikiwars-de.jsonl"), "w") as w:
    base = os.path.join(data, "wikiwarsde", "in")
    for fn in sorted(os.listdir(base)):
        text = open(os.path.join(base, fn), encoding="utf-8").read()
        text = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        w.write(json.dumps({"id": fn, "text": text}, ensure_ascii=False) + "\n")
