#!/usr/bin/env python3
"""Builds hand-corrected reference records for EMA leaflets into Corpus/ema/.

The EMA leaflets are eval-only data: they are read from the data bundle, never copied. A reference
keeps the pipeline's document block and, per drug, only the fact types checked by hand
(class, mechanism, schedule, indication, combination), after the corrections below: wrong facts
removed, missing facts added with evidence located in the leaflet (byte offsets, a short quote).

Usage:
  rxfacts extract --pipeline Pipelines/default.yaml <bundle>/leaflets-ema/{latuda,...}.txt -o /tmp/ema.jsonl
  python3 Scripts/make_ema_references.py /tmp/ema.jsonl <bundle>/leaflets-ema Corpus/ema
"""
import json, os, sys

CHECKED = {"class", "mechanism", "schedule", "indication", "combination"}
LEXICONS = ["core.tsv", "drugs.tsv", "brands.tsv", "classes.tsv", "conditions.tsv", "schedules.tsv", "effects.tsv"]

# id -> {"remove": [(type, value)], "add": [(type, value, section, quote, hedged)]}
CORRECTIONS = {
    "latuda": {"remove": [], "add": [
        ("combination", "alcohol", "latuda with food, drink and alcohol", "Alcohol should be avoided when taking this medicine", False),
        ("combination", "grapefruit juice", "latuda with food, drink and alcohol", "Do not drink grapefruit juice while you are taking this medicine", False),
        ("combination", "buprenorphine", "other medicines and latuda", "medicines containing buprenorphine", False),
        ("combination", "opioid", "other medicines and latuda", "or opioids", False),
        ("combination", "antidepressant", "other medicines and latuda", "anti-depressants", False),
    ]},
    "keppra": {"remove": [("indication", "seizures")], "add": [
        ("indication", "partial-onset seizure", "what keppra is and what it is used for", "partial onset seizures", False),
        ("indication", "myoclonic seizure", "what keppra is and what it is used for", "myoclonic seizures", False),
        ("indication", "generalised tonic-clonic seizure", "what keppra is and what it is used for", "primary generalised tonic-clonic seizures", False),
    ]},
    "zyprexa": {"remove": [], "add": [
        ("indication", "schizophrenia", "what zyprexa is and what it is used for", "Schizophrenia, a disease", False),
        ("indication", "mania", "what zyprexa is and what it is used for", "Moderate to severe manic episodes", False),
        ("indication", "bipolar disorder", "what zyprexa is and what it is used for", "prevent recurrence of these symptoms in patients with bipolar disorder", False),
        ("combination", "antidepressant", "other medicines and zyprexa", "in combination with antidepressants", False),
        ("combination", "sedative", "other medicines and zyprexa", "tranquillisers", False),
    ]},
    "instanyl": {"remove": [], "add": [
        ("combination", "alcohol", "instanyl with food, drink and alcohol", "Do not drink alcohol whilst being treated with Instanyl", False),
        ("combination", "benzodiazepine", "other medicines and instanyl", "benzodiazepines", False),
        ("combination", "sedative", "other medicines and instanyl", "sleeping\npills", False),
        ("combination", "gabapentinoid", "other medicines and instanyl", "gabapentinoids", False),
        ("combination", "skeletal muscle relaxant", "other medicines and instanyl", "skeletal muscle relaxants", False),
        ("combination", "antihistamine", "other medicines and instanyl", "antihistamines", False),
        ("combination", "maoi", "other medicines and instanyl", "Monoamine Oxidase Inhibitors (MAOI)", False),
    ]},
    "buvidal": {"remove": [], "add": [
        ("combination", "benzodiazepine", "important things to be aware of", "benzodiazepines, alcohol or other opioids", False),
        ("combination", "opioid", "important things to be aware of", "other opioids", False),
        ("combination", "cns depressant", "important things to be aware of", "other central nervous system depressants", False),
        ("combination", "gabapentinoid", "other medicines and buvidal", "gabapentinoids (gabapentin or pregabalin)", False),
        ("combination", "barbiturate", "other medicines and buvidal", "barbiturates", False),
    ]},
    "reagila": {"remove": [], "add": [
        ("combination", "alcohol", "reagila with food, drink and alcohol", "Alcohol should be avoided when taking Reagila", False),
        ("combination", "grapefruit juice", "reagila with food, drink and alcohol", "You should not drink grapefruit juice during treatment with Reagila", False),
        ("combination", "clarithromycin", "what you need to know before you take reagila", "clarithromycin", False),
        ("combination", "ketoconazole", "what you need to know before you take reagila", "ketoconazole", False),
        ("combination", "st john's wort", "what you need to know before you take reagila", "St. John's wort", False),
    ]},
}

def load_lexicons(folder):
    entries = []
    for name in LEXICONS:
        for line in open(os.path.join(folder, name), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            entries.append((f[0], f[1], [] if f[3] == "-" else f[3].split(" ")))
    return entries

def code_for(entries, value):
    for kind, canonical, codes in entries:
        if canonical == value:
            return codes[0] if codes else None
    return None

def main(records_path, leaflets, out):
    lex = load_lexicons(os.path.join(os.path.dirname(__file__), "..", "Pipelines", "lexicons"))
    os.makedirs(out, exist_ok=True)
    for line in open(records_path, encoding="utf-8"):
        record = json.loads(line)
        doc_id = record["document"]["id"]
        if doc_id not in CORRECTIONS:
            continue
        fix = CORRECTIONS[doc_id]
        source = open(os.path.join(leaflets, doc_id + ".txt"), "rb").read()
        record["document"]["source"] = "leaflets-ema/" + doc_id + ".txt"
        record["document"].pop("sections", None)
        for drug in record["drugs"]:
            facts = [f for f in drug["facts"] if f["type"] in CHECKED and (f["type"], f["value"]) not in fix["remove"]]
            present = {(f["type"], f["value"]) for f in facts}
            for ftype, value, section, quote, hedged in fix["add"]:
                if (ftype, value) in present:
                    continue
                start = source.find(quote.encode())
                if start < 0:
                    sys.exit(f"{doc_id}: quote not found: {quote!r}")
                fact = {"type": ftype, "value": value, "negated": False, "hedged": hedged,
                        "evidence": [{"section": section, "start": start, "end": start + len(quote.encode()), "text": quote}],
                        "rule": "reference.hand", "source": "text"}
                code = code_for(lex, value)
                if code:
                    fact["code"] = code
                facts.append(fact)
            facts.sort(key=lambda f: (f["type"], f["value"], f["negated"]))
            drug["facts"] = facts
        with open(os.path.join(out, doc_id + ".jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        print("wrote", doc_id)

main(*sys.argv[1:4])
