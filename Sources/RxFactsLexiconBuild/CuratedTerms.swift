import RxFacts
/// Hand-written additions the vocabularies lack, applied by `LexiconBuilder`.
///
/// Every entry here was written for rxfacts (no third-party text). Targets name canonical
/// forms the build derives from the vocabularies; a target that does not exist fails the build
/// loudly (see `LexiconBuilder`), so a vocabulary update cannot silently orphan them.
package enum CuratedTerms {
    /// Friendly class names users write, attached to a class derived from FDA or MeSH.
    /// (target canonical, extra variants)
    package static let classVariants: [(target: String, variants: [String])] = [
        ("benzodiazepine", ["benzodiazepines", "benzo", "benzos"]),
        (
            "nonsteroidal anti-inflammatory drug",
            [
                "nsaid", "nsaids", "non-steroidal anti-inflammatory drug", "non-steroidal anti-inflammatory drugs",
                "nonsteroidal anti-inflammatory drugs", "anti-inflammatory painkiller",
            ]
        ),
        (
            "serotonin reuptake inhibitor",
            [
                "ssri", "ssris", "selective serotonin reuptake inhibitor", "selective serotonin reuptake inhibitors",
                "serotonin reuptake inhibitors",
            ]
        ),
        (
            "serotonin and norepinephrine reuptake inhibitor",
            [
                "snri", "snris", "serotonin-norepinephrine reuptake inhibitor",
                "serotonin noradrenaline reuptake inhibitor", "serotonin and noradrenaline reuptake inhibitor",
            ]
        ),
        ("tricyclic antidepressant", ["tricyclic antidepressants", "tricyclics", "tca", "tcas"]),
        (
            "monoamine oxidase inhibitor",
            ["maoi", "maois", "mao inhibitor", "mao inhibitors", "monoamine oxidase inhibitors"]
        ),
        (
            "angiotensin converting enzyme inhibitor",
            ["ace inhibitor", "ace inhibitors", "angiotensin-converting enzyme inhibitor"]
        ),
        (
            "angiotensin 2 receptor blocker",
            [
                "arb", "arbs", "angiotensin ii receptor blocker", "angiotensin receptor blocker",
                "angiotensin ii receptor antagonist",
            ]
        ),
        ("hmg-coa reductase inhibitor", ["statin", "statins"]),
        ("proton pump inhibitor", ["ppi", "ppis", "proton pump inhibitors"]),
        ("beta-adrenergic blocker", ["beta blocker", "beta blockers", "beta-blocker", "beta-blockers"]),
        ("calcium channel blocker", ["calcium channel blockers", "calcium antagonist"]),
        ("atypical antipsychotic", ["atypical antipsychotics", "second-generation antipsychotic"]),
        ("typical antipsychotic", ["typical antipsychotics", "first-generation antipsychotic"]),
        (
            "skeletal muscle relaxant",
            [
                "skeletal muscle relaxants", "centrally acting muscle relaxant",
                "centrally acting skeletal muscle relaxant",
            ]
        ),
        ("opioid agonist", ["opioid painkiller", "opioid painkillers", "strong opioid painkiller"]),
        (
            "central nervous system depressants",
            ["cns depressant", "cns depressants", "central nervous system depressant"]
        ),
        ("analgesics", ["analgesic", "painkiller", "painkillers", "pain reliever", "pain relievers", "pain killer"]),
        (
            "anticonvulsants",
            [
                "anticonvulsant", "antiepileptic", "antiepileptics", "anti-epileptic", "antiepileptic drug",
                "antiepileptic drugs", "anti-seizure medicine", "antiseizure medication",
            ]
        ),
        ("antidepressive agents", ["antidepressant", "antidepressants"]),
        ("antipsychotic agents", ["antipsychotic", "antipsychotics", "neuroleptic", "neuroleptics"]),
        (
            "hypnotics and sedatives",
            ["sedative", "sedatives", "hypnotic", "hypnotics", "sleeping pill", "sleeping pills", "sleeping tablets"]
        ),
        ("anti-anxiety agents", ["anxiolytic", "anxiolytics", "anti-anxiety medicine", "anti-anxiety medication"]),
        ("anticoagulants", ["anticoagulant", "blood thinner", "blood thinners", "blood-thinning medicine"]),
        ("antihistamine", ["antihistamines", "anti-histamine", "anti-histamines"]),
        ("corticosteroid", ["corticosteroids", "steroid medicine", "steroid medicines", "steroids"]),
        ("glinide", ["glinides", "meglitinide", "meglitinides"]),
    ]

    /// Synonyms a vocabulary lists that labels use for something else: never a variant.
    /// "analgesia" (Disease Ontology: pain agnosia) is what a painkiller gives ("adequate analgesia").
    package static let misleadingSynonyms: Set<String> = ["analgesia"]

    /// Vocabulary drugs that leaflets name as everyday substances: (vocabulary canonical,
    /// everyday canonical). They become `substance` entries under the everyday name, keeping
    /// their codes and the vocabulary name as a variant ("ethanol" → substance "alcohol").
    package static let everydaySubstances: [(vocabulary: String, canonical: String)] = [
        ("ethanol", "alcohol"),
        ("caffeine", "caffeine"),
        ("nicotine", "nicotine"),
        // One concept, one name: core.tsv's substance "st john's wort" (a herbal remedy).
        ("st. john's wort", "st john's wort"),
    ]

    /// Laboratory analytes: kind `analyte`, never a drug. Vocabularies list many as drugs
    /// (DrugBank "alanine", "hemoglobin", "creatine"), which made "your creatinine will be
    /// checked" a sentence about another drug. The vocabulary entry is converted (codes kept)
    /// when it exists; otherwise the analyte is added with the forms given here.
    package static let analytes: [(canonical: String, variants: [String])] = [
        ("alanine", []), ("albumin", ["serum albumin"]), ("ammonia", ["blood ammonia"]),
        ("bilirubin", ["serum bilirubin"]),
        ("cholesterol", ["ldl cholesterol", "hdl cholesterol", "ldl-c", "hdl-c", "blood cholesterol"]),
        ("creatine", []), ("creatinine", ["serum creatinine", "creatinine clearance"]), ("cyclic gmp", ["cgmp"]),
        ("hemoglobin", ["haemoglobin", "hemoglobin a1c", "hba1c", "glycated hemoglobin", "glycosylated haemoglobin"]),
        ("prothrombin", ["prothrombin time"]), ("triglycerides", ["triglyceride", "serum triglycerides"]),
        ("urea", ["blood urea nitrogen", "serum urea"]), ("uric acid", ["serum uric acid", "urate"]),
        ("alanine aminotransferase", ["alt", "alat", "sgpt", "alanine transaminase"]),
        ("aspartate aminotransferase", ["ast", "asat", "sgot", "aspartate transaminase"]),
        ("alkaline phosphatase", ["serum alkaline phosphatase"]),
        (
            "gamma-glutamyl transferase",
            ["ggt", "gamma gt", "gamma-glutamyltransferase", "gamma glutamyl transpeptidase"]
        ),
        ("creatine kinase", ["creatine phosphokinase", "cpk"]), ("lactate dehydrogenase", ["ldh"]),
        ("troponin", []), ("ferritin", ["serum ferritin"]), ("blood glucose", ["blood sugar", "plasma glucose"]),
    ]

    /// Classes users name that no single FDA class covers: (canonical, variants, member classes).
    package static let classGroups: [(canonical: String, variants: [String], includes: [String])] = [
        (
            "opioid", ["opioids", "opiate", "opiates", "opioid medicine", "opioid medicines"],
            [
                "opioid agonist", "partial opioid agonist", "opioid agonist/antagonist",
                "partial opioid agonist/antagonist",
            ]
        ),
        ("triptan", ["triptans"], ["serotonin-1b and serotonin-1d receptor agonist"]),
    ]

    /// Conditions leaflets name that Disease Ontology 2015 lacks or names differently, with
    /// ICD-10-CM codes (checked against the ICD-10-CM table during the build; empty = no code).
    package static let conditions: [(canonical: String, variants: [String], icd10cm: String)] = [
        (
            "insomnia",
            ["sleeplessness", "trouble sleeping", "difficulty sleeping", "sleep problems", "inability to sleep"],
            "G47.00"
        ),
        ("anxiety", ["anxiety symptoms", "anxiousness"], "F41.9"),
        (
            "seizure", ["seizures", "convulsion", "convulsions", "fits", "epileptic seizure", "epileptic seizures"],
            "R56.9"
        ),
        (
            "partial-onset seizure",
            ["partial onset seizures", "focal seizure", "focal seizures", "partial seizures", "focal onset seizures"],
            "G40.209"
        ),
        ("muscle spasm", ["muscle spasms", "muscular spasm", "spasm of muscle"], "M62.838"),
        ("spasticity", ["muscle stiffness", "spastic muscles"], "R25.2"),
        ("pain", ["painful conditions"], "R52"),
        ("chronic pain", ["long-term pain", "persistent pain"], "G89.29"),
        ("acute pain", ["severe acute pain"], "G89.18"),
        ("neuropathic pain", ["nerve pain", "peripheral neuropathic pain", "central neuropathic pain"], "M79.2"),
        ("low back pain", ["lower back pain", "lumbago"], "M54.5"),
        ("alcohol withdrawal", ["alcohol withdrawal syndrome", "acute alcohol withdrawal"], "F10.239"),
        (
            "opioid dependence",
            ["opioid drug dependence", "opioid addiction", "dependence on opioids", "opioid use disorder"], "F11.20"
        ),
        ("alcohol dependence", ["alcohol addiction", "alcohol use disorder", "alcoholism"], "F10.20"),
        ("opioid overdose", ["opioid poisoning", "overdose of opioids"], "T40.2X1A"),
        ("breakthrough cancer pain", ["breakthrough pain"], "G89.3"),
        ("major depressive episode", ["major depressive episodes", "episodes of major depression"], "F32.9"),
        ("depression", ["depressive illness", "clinical depression"], "F32.9"),
        ("bipolar disorder", ["manic depression", "bipolar i disorder"], "F31.9"),
        ("mania", ["manic episode", "manic episodes"], "F30.9"),
        ("generalized anxiety disorder", ["generalised anxiety disorder"], "F41.1"),
        (
            "diabetic peripheral neuropathic pain", ["diabetic neuropathic pain", "painful diabetic neuropathy"],
            "E11.42"
        ),
        ("fibromyalgia", ["fibromyalgia syndrome"], "M79.7"),
        (
            "deep vein thrombosis",
            ["dvt", "blood clots in the veins", "blood clot in the leg", "blood clots in the legs"], "I82.40"
        ),
        (
            "pulmonary embolism",
            ["blood clot in the lungs", "blood clots in the lungs", "blood clots in the blood vessels of the lungs"],
            "I26.99"
        ),
        ("non-valvular atrial fibrillation", ["nonvalvular atrial fibrillation", "irregular heart rhythm"], "I48.91"),
        (
            "alzheimer's disease dementia",
            ["alzheimer's dementia", "dementia of the alzheimer type", "dementia in alzheimer's disease"], "G30.9"
        ),
        ("parkinson's disease", ["parkinson disease", "parkinsons disease"], "G20"),
        ("restless legs syndrome", ["restless leg syndrome"], "G25.81"),
        ("muscle tension", ["muscle tightness", "muscular tension"], "M62.89"),
        // DO 2026 files it under "prostatic adenoma" and MeSH under "prostatic hyperplasia": a US
        // label (dutasteride) says "benign prostatic hyperplasia (BPH)".
        (
            "benign prostatic hyperplasia",
            ["benign prostatic hypertrophy", "enlarged prostate", "benign enlargement of the prostate"], "N40.0"
        ),
    ]
}
