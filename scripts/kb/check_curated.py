#!/usr/bin/env python3
"""Validate resources/kb/curated.jsonl, the hand-written people and organisations.

Checks what the Rust loader (crates/kb) cannot see and what it rejects: only
the keys of resources/kb/README.md, types PER/ORG/LOC, ids unique and sorted,
QIDs shaped `Q<digits>`, slugs namespaced (`ng:…`), dates `YYYY` or
`YYYY-MM-DD` with `from` not after `to`, `name.de` and `name.en` on every
entry, and a `roles[].of` that names a QID or a slug. Then it reports counts
by type and kind and how many ids are QIDs.

Usage: python3 scripts/kb/check_curated.py [path]   (default: resources/kb/curated.jsonl)
Needs only the Python standard library (3.8 or later). Exit status 1 when an
entry is wrong; every problem is printed with its line number.
"""
import collections
import json
import pathlib
import re
import sys

ENTRY_KEYS = {"id", "type", "kind", "enwiki", "name", "aliases", "adjectives", "demonyms", "country", "roles"}
ROLE_KEYS = {"de", "en", "of", "from", "to"}
TYPES = {"PER", "ORG", "LOC"}
QID = re.compile(r"Q[0-9]+")
SLUG = re.compile(r"[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*")
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}-[0-9]{2})?")
LANG = re.compile(r"[a-z]{2}")
COUNTRY = re.compile(r"[A-Z]{2}")


def is_id(value):
    return isinstance(value, str) and (QID.fullmatch(value) or SLUG.fullmatch(value))


def check_names_by_lang(entry, key, as_list, problems):
    value = entry.get(key)
    if value is None:
        return
    if not isinstance(value, dict):
        problems.append(f"{key} must be an object of language code to names")
        return
    for lang, names in value.items():
        if not LANG.fullmatch(lang):
            problems.append(f"{key}: {lang!r} is not an ISO 639-1 code")
        items = names if as_list else [names]
        if as_list and not isinstance(names, list):
            problems.append(f"{key}.{lang} must be a list")
            continue
        for name in items:
            if not isinstance(name, str) or not name.strip() or name != name.strip():
                problems.append(f"{key}.{lang}: {name!r} must be a non-empty string without outer spaces")
        if as_list and len(set(names)) != len(names):
            problems.append(f"{key}.{lang} lists a name twice")


def check_role(role, problems):
    if not isinstance(role, dict):
        problems.append(f"role {role!r} must be an object")
        return
    for key in role.keys() - ROLE_KEYS:
        problems.append(f"role key {key!r} unknown (allowed: {sorted(ROLE_KEYS)})")
    if not role.get("de") and not role.get("en"):
        problems.append("a role needs a de or en noun")
    if "of" in role and not is_id(role["of"]):
        problems.append(f"role.of {role['of']!r} is neither a QID nor a namespaced slug")
    for key in ("from", "to"):
        if role.get(key) is not None and not (isinstance(role[key], str) and DATE.fullmatch(role[key])):
            problems.append(f"role.{key} {role[key]!r}: write YYYY or YYYY-MM-DD")
    start, end = role.get("from"), role.get("to")
    if isinstance(start, str) and isinstance(end, str) and start[:4] > end[:4]:
        problems.append(f"role {role.get('en')!r} starts ({start}) after it ends ({end})")


def check_entry(entry):
    problems = []
    if not isinstance(entry, dict):
        return ["the line is not a JSON object"]
    for key in entry.keys() - ENTRY_KEYS:
        problems.append(f"key {key!r} unknown (allowed: {sorted(ENTRY_KEYS)})")
    if not is_id(entry.get("id")):
        problems.append(f"id {entry.get('id')!r}: use a QID (Q123) or a namespaced slug (ng:kcna)")
    if entry.get("type") not in TYPES:
        problems.append(f"type {entry.get('type')!r}: use one of {sorted(TYPES)}")
    for key in ("kind", "enwiki"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key]):
            problems.append(f"{key} must be a non-empty string")
    name = entry.get("name")
    if not isinstance(name, dict) or not name.get("de") or not name.get("en"):
        problems.append("name needs both de and en")
    check_names_by_lang(entry, "name", False, problems)
    for key in ("aliases", "adjectives", "demonyms"):
        check_names_by_lang(entry, key, True, problems)
    if "country" in entry and not (isinstance(entry["country"], str) and COUNTRY.fullmatch(entry["country"])):
        problems.append(f"country {entry['country']!r}: use an ISO 3166-1 alpha-2 code")
    roles = entry.get("roles", [])
    if not isinstance(roles, list):
        problems.append("roles must be a list")
    else:
        for role in roles:
            check_role(role, problems)
    if entry.get("type") == "PER" and entry.get("kind") not in (None, "person"):
        problems.append(f"a PER entry has kind person, not {entry.get('kind')!r}")
    return problems


def main():
    path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "resources/kb/curated.jsonl")
    if not path.exists():
        sys.exit(f"{path}: no such file; run from the repository root or pass the path")
    failures = 0
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"{path}:{number}: not JSON: {error}")
            failures += 1
            continue
        for problem in check_entry(entry):
            print(f"{path}:{number}: {problem}")
            failures += 1
        if isinstance(entry, dict):
            entries.append((number, entry))
    ids = [(number, e.get("id")) for number, e in entries if isinstance(e.get("id"), str)]
    seen = {}
    for number, entry_id in ids:
        if entry_id in seen:
            print(f"{path}:{number}: id {entry_id} also on line {seen[entry_id]}; ids must be unique")
            failures += 1
        seen.setdefault(entry_id, number)
    for (_, before), (number, after) in zip(ids, ids[1:]):
        if after < before:
            print(f"{path}:{number}: id {after} comes after {before}; sort the file by id")
            failures += 1
    known = set(seen)
    dangling = collections.Counter(
        r["of"] for _, e in entries for r in e.get("roles", []) if isinstance(r, dict)
        and isinstance(r.get("of"), str) and r["of"].startswith("ng:") and r["of"] not in known)

    by_type = collections.Counter(e.get("type") for _, e in entries)
    by_kind = collections.Counter((e.get("type"), e.get("kind")) for _, e in entries)
    qids = sum(1 for _, e in entries if isinstance(e.get("id"), str) and QID.fullmatch(e["id"]))
    roles = sum(len(e.get("roles", [])) for _, e in entries)
    print(f"{path}: {len(entries)} entries, {qids} with a Wikidata QID, {len(entries) - qids} with a slug, {roles} roles")
    for entry_type, count in sorted(by_type.items()):
        kinds = ", ".join(f"{kind} {n}" for (t, kind), n in sorted(by_kind.items(), key=lambda x: -x[1]) if t == entry_type)
        print(f"  {entry_type} {count}: {kinds}")
    if dangling:
        print(f"  roles whose `of` is a slug not in this file (another file may hold it): {len(dangling)}: "
              + ", ".join(sorted(dangling)))
    if failures:
        sys.exit(f"{path}: {failures} problem(s)")
    print(f"{path}: OK")


if __name__ == "__main__":
    main()
