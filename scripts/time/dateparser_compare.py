#!/usr/bin/env python3
"""Scores dateparser's search_dates on WikiWarsDE (German) and TempEval-3 (English)
with the span/value definitions of newsgraph_time::eval (strict = same span,
relaxed = overlap, value = relaxed match with identical value), for comparison only.

dateparser gives datetimes, not TIMEX3: the value is YYYY-MM-DD when the matched
text names a day, else YYYY-MM when it names a month, else YYYY; it has no
durations, sets or vague references. Usage:
  python3 scripts/time/dateparser_compare.py ../shared/data
"""
import glob, os, re, sys, datetime, warnings
warnings.filterwarnings("ignore")
from dateparser.search import search_dates

def strip(raw):
    return re.sub(r"<[^>]+>", "", raw)

def wikiwars(d):
    docs = []
    for sgm in sorted(glob.glob(os.path.join(d, "in", "*.sgm"))):
        stem = os.path.basename(sgm)[:-4]
        raw = open(sgm, encoding="utf-8").read()
        text = strip(raw)
        b = text.encode("utf-8")
        dct = re.search(r"<DATETIME>\s*(\d{4}-\d\d-\d\d)", raw).group(1)
        key = open(os.path.join(d, "key", stem + ".key.apf.xml"), encoding="utf-8").read()
        gold = []
        for m in re.finditer(r'<timex2 ID="[^"]*"(.*?)>.*?<charseq START="(\d+)" END="(\d+)"', key, re.S):
            vals = re.findall(r'VAL="([^"]*)"', m.group(1))
            s, e = int(m.group(2)), int(m.group(3)) + 1
            cs, ce = len(b[:s].decode("utf-8", "ignore")), len(b[:e].decode("utf-8", "ignore"))
            gold.append((cs, ce, vals[-1] if vals else None))
        docs.append((stem, text, dct, gold))
    return docs

def timeml(d):
    docs = []
    for f in sorted(glob.glob(os.path.join(d, "*", "*.tml"))):
        xml = open(f, encoding="utf-8").read()
        dct = re.search(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)', xml).group(1)
        body = xml[xml.index("<TEXT>") + 6: xml.index("</TEXT>")]
        text, gold, pos, opened = "", [], 0, None
        for m in re.finditer(r"<[^>]+>|&[a-z#0-9]+;|[^<&]+|&", body):
            tok = m.group(0)
            if tok.startswith("<TIMEX3"):
                v = re.search(r'value="([^"]*)"', tok)
                opened = (len(text), v.group(1) if v else None)
            elif tok.startswith("</TIMEX3") and opened:
                gold.append((opened[0], len(text), opened[1])); opened = None
            elif tok.startswith("<"):
                pass
            elif tok.startswith("&") and tok.endswith(";"):
                text += {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}.get(tok, tok)
            else:
                text += tok
        docs.append((os.path.basename(f), text, dct, gold))
    return docs

DAY = re.compile(r"\d{1,2}\s*[./]|\d{1,2}(st|nd|rd|th)?\b.*[A-Za-z]|[A-Za-z].*\b\d{1,2}\b(?!\d)")

def value(txt, dt):
    has_year = re.search(r"\b\d{4}\b", txt) is not None
    has_digit_day = re.search(r"\b\d{1,2}\b", re.sub(r"\b\d{4}\b", "", txt)) is not None
    if has_digit_day or not has_year and not re.search(r"[A-Za-zäöü]{3,}", txt):
        return dt.strftime("%Y-%m-%d")
    if re.fullmatch(r"\s*\d{4}\s*", txt):
        return dt.strftime("%Y")
    return dt.strftime("%Y-%m") if has_year else dt.strftime("%Y-%m-%d")

def run(docs, lang):
    tot = dict(gold=0, sys=0, strict=0, relaxed=0, val=0)
    for name, text, dct, gold in docs:
        base = datetime.datetime.strptime(dct, "%Y-%m-%d")
        sys_ = []
        # search_dates works on the whole text; find each match's offset in order.
        try:
            found = search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base}) or []
        except Exception:
            found = []
        cur = 0
        for txt, dt in found:
            i = text.find(txt, cur)
            if i < 0:
                continue
            cur = i + len(txt)
            sys_.append((i, i + len(txt), value(txt, dt)))
        tot["gold"] += len(gold); tot["sys"] += len(sys_)
        used = set()
        for gs, ge, gv in gold:
            hit = next((k for k, s in enumerate(sys_) if k not in used and s[0] == gs and s[1] == ge), None)
            strict = hit is not None
            if hit is None:
                hit = next((k for k, s in enumerate(sys_) if k not in used and s[0] < ge and gs < s[1]), None)
            if hit is None:
                continue
            used.add(hit)
            tot["relaxed"] += 1; tot["strict"] += strict
            tot["val"] += gv is not None and sys_[hit][2] == gv
    return tot

def prf(m, s, g):
    p = m / s if s else 0; r = m / g if g else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)

def show(title, t):
    print(title, f"gold {t['gold']} system {t['sys']}")
    for k, m in (("strict", t["strict"]), ("relaxed", t["relaxed"]), ("value", t["val"])):
        p, r, f = prf(m, t["sys"], t["gold"])
        print(f"  {k:8} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"  value accuracy {t['val'] / t['relaxed'] if t['relaxed'] else 0:.3f}")

if __name__ == "__main__":
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    ww = wikiwars(os.path.join(data, "wikiwarsde"))
    odd = [d for d in ww if int(d[0].split("_")[0]) % 2 == 1]
    even = [d for d in ww if int(d[0].split("_")[0]) % 2 == 0]
    show("dateparser WikiWarsDE odd", run(odd, "de"))
    show("dateparser WikiWarsDE even", run(even, "de"))
    show("dateparser TempEval-3 TBAQ", run(timeml(os.path.join(data, "tempeval3")), "en"))
