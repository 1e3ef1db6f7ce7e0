#!/usr/bin/env python3
"""Turns the hand-written gold files (Corpus/gold/<set>/*.yaml) into rxfacts/1 JSON Lines.

It never runs rxfacts: it only finds each fact's quote in the leaflet to give the evidence its
byte offsets, and fails (naming file and fact) when a quote is not found or a field is wrong.

Usage: python3 Scripts/gold.py [--data ../shared/data] [SET ...]     (sets: ema spl text; default all)
Writes Corpus/gold/gold-<set>.jsonl, one record per leaflet, sorted by document id.
"""
import argparse, json, os, re, sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"class", "mechanism", "schedule", "indication", "contraindication", "combination",
         "adverse-effect", "withdrawal", "dependence"}
FACT_KEYS = {"type", "value", "quote", "negated", "severity", "note"}


def fail(path, message):
    sys.exit(f"{path}: {message}")


def quote_pattern(quote, xml):
    """Words of the quote; between them any whitespace (and for XML, markup) may stand."""
    words = quote.split()
    gap = r"(?:\s|<[^>]*>)*" if xml else r"\s*"
    between = r"(?:\s|<[^>]*>)+" if xml else r"\s+"
    parts = []
    for i, word in enumerate(words):
        # Punctuation glued to a word may be separated from it by markup in XML.
        parts.append(gap.join(re.escape(ch) for ch in word) if xml else re.escape(word))
        if i + 1 < len(words):
            parts.append(between)
    return "".join(parts)


def locate(source_bytes, quote, xml, where):
    text = source_bytes.decode("utf-8")
    pattern = quote_pattern(quote, xml)
    matches = list(re.finditer(pattern, text))
    if not matches:
        # Quotes are written with straight quotes; leaflets often use typographic ones.
        loose = pattern.replace("'", "['\u2019\u2018]").replace('\\"', '["\u201c\u201d]')
        matches = list(re.finditer(loose, text))
    if not matches:
        fail(where, f"quote not found: {quote!r}")
    m = matches[0]
    start = len(text[:m.start()].encode("utf-8"))
    end = start + len(m.group(0).encode("utf-8"))
    return start, end, m.group(0)


def convert(path, data_root):
    with open(path, encoding="utf-8") as f:
        gold = yaml.safe_load(f)
    for key in ("document", "source", "drugs"):
        if key not in gold:
            fail(path, f"missing key '{key}'")
    unknown = set(gold) - {"document", "source", "drugs", "format", "note"}
    if unknown:
        fail(path, f"unknown keys {sorted(unknown)}")
    source = gold["source"]
    candidates = [os.path.join(data_root, source), os.path.join(ROOT, source)]
    file = next((c for c in candidates if os.path.exists(c)), None)
    if file is None:
        fail(path, f"leaflet not found: {source} (looked in {data_root} and the repository)")
    with open(file, "rb") as f:
        source_bytes = f.read()
    xml = file.endswith(".xml")
    drugs = []
    for drug in gold["drugs"]:
        names = drug["name"] if isinstance(drug["name"], list) else [drug["name"]]
        facts = {}
        for i, fact in enumerate(drug.get("facts") or []):
            where = f"{path}: drug {names[0]}, fact {i + 1} ({fact.get('type')} {fact.get('value')!r})"
            unknown = set(fact) - FACT_KEYS
            if unknown:
                fail(where, f"unknown keys {sorted(unknown)}")
            if fact.get("type") not in TYPES:
                fail(where, f"unknown type; types are {sorted(TYPES)}")
            value = str(fact.get("value", "")).strip()
            if not value or (value != value.lower() and fact["type"] != "schedule"):
                fail(where, "value must be a non-empty lower-case name")
            if "quote" not in fact:
                fail(where, "missing quote")
            start, end, text = locate(source_bytes, str(fact["quote"]), xml, where)
            negated = bool(fact.get("negated", False))
            key = (fact["type"], value, negated)
            evidence = {"section": "gold", "start": start, "end": end, "text": text}
            if key in facts:
                facts[key]["evidence"].append(evidence)
                if fact.get("severity"):
                    severities = facts[key].setdefault("qualifiers", {}).setdefault("severity", [])
                    if fact["severity"] not in severities:
                        severities.append(fact["severity"])
                        severities.sort()
                continue
            record_fact = {"type": fact["type"], "value": value, "negated": negated, "hedged": False}
            if fact.get("severity"):
                record_fact["qualifiers"] = {"severity": [fact["severity"]]}
            record_fact.update({"evidence": [evidence], "rule": "gold.hand", "source": "text"})
            facts[key] = record_fact
        ordered = [facts[k] for k in sorted(facts, key=lambda k: (k[0], k[1], k[2]))]
        for fact in ordered:
            fact["evidence"].sort(key=lambda e: (e["start"], e["end"]))
        for name in names:
            drugs.append({"name": name, "brands": sorted(drug.get("brands") or []), "codes": {}, "facts": ordered})
    drugs.sort(key=lambda d: d["name"])
    return {"schema": "rxfacts/1",
            "document": {"id": str(gold["document"]), "source": source,
                         "format": gold.get("format", "spl" if xml else "text")},
            "drugs": drugs}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("sets", nargs="*", default=["ema", "spl", "text"])
    args = parser.parse_args()
    for name in args.sets:
        folder = os.path.join(ROOT, "Corpus", "gold", name)
        records = [convert(os.path.join(folder, f), args.data)
                   for f in sorted(os.listdir(folder)) if f.endswith(".yaml")]
        records.sort(key=lambda r: r["document"]["id"])
        out = os.path.join(ROOT, "Corpus", "gold", f"gold-{name}.jsonl")
        with open(out, "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"{out}: {len(records)} documents, "
              f"{sum(len(d['facts']) for r in records for d in r['drugs'])} facts")


if __name__ == "__main__":
    main()
