#!/usr/bin/env python3
"""Source of Pipelines/lexicons/effects.tsv (hand-curated, written for rxfacts).

Adverse effects and withdrawal symptoms have no shippable vocabulary (MedDRA and SIDER are
licensed), so this list is written by hand in plain English. UMLS CUIs are given only where
the curator was sure; otherwise the codes column is '-'. Run:
    python3 Scripts/effects_source.py > Pipelines/lexicons/effects.tsv
"""
E = []  # (kind, canonical, variants, umls, group)
def e(canonical, variants="", umls="", group="", kind="effect"):
    E.append((kind, canonical, [v for v in variants.split("|") if v], umls, group))

# nervous system
g = "nervous"
e("drowsiness", "somnolence|sleepiness|feeling sleepy|excessive sleepiness|daytime sleepiness|excessive daytime sleepiness|feeling drowsy", "C0013144", g)
e("sedation", "sedated|over-sedation|oversedation|profound sedation|excessive sedation", "", g)
e("sleep attacks", "sudden sleep onset|falling asleep suddenly", "", g)
e("headache", "headaches|head pain|cephalalgia", "C0018681", g)
e("migraine", "migraines|migraine headache", "C0149931", g)
e("dizziness", "dizzy|feeling dizzy|light-headedness|lightheadedness|feeling lightheaded", "C0012833", g)
e("vertigo", "spinning sensation|room spinning", "C0042571", g)
e("tremor", "tremors|shaking|trembling|shakiness|shaky hands", "C0040822", g)
e("seizure", "seizures|convulsion|convulsions|fits|epileptic fit|epileptic fits", "C0036572", g)
e("coma", "comatose", "C0009421", g)
e("loss of consciousness", "unconsciousness|unconscious|passing out|blackout", "C0041657", g)
e("fainting", "syncope|faint|fainted|feeling faint", "C0039070", g)
e("ataxia", "unsteady walking|unsteadiness|loss of balance|balance problems|problems with balance", "C0004134", g)
e("impaired coordination", "incoordination|poor coordination|lack of coordination|coordination problems|abnormal coordination|clumsiness|uncoordinated movements", "", g)
e("gait disturbance", "abnormal gait|walking difficulties|difficulty walking|abnormal walking", "", g)
e("accidental falls", "accidental fall|falling over|risk of falls|risk of falling", "C0000921", g)
e("paresthesia", "paraesthesia|pins and needles|tingling|tingling sensation|prickling sensation", "C0030554", g)
e("numbness", "hypoaesthesia|hypoesthesia|reduced sensation|loss of feeling", "C0028643", g)
e("burning sensation", "burning feeling", "", g)
e("dysarthria", "slurred speech|speech disorder|difficulty speaking|speech problems|slurring of speech", "C0013362", g)
# One concept, one name: leaflets say "memory loss (amnesia)"; HPO files "memory loss" under
# memory impairment, MeSH and CTCAE name amnesia; a reader sees one effect.
e("memory loss", "amnesia|anterograde amnesia|loss of memory|memory impairment|memory problems|forgetfulness|poor memory|impaired memory|memory disturbance", "C0233794", g)
e("difficulty concentrating", "poor concentration|lack of concentration|concentration problems|disturbance in attention|attention problems|impaired concentration", "", g)
e("confusion", "confusional state|feeling confused|confused", "C0009676", g)
e("disorientation", "disorientated|disoriented", "C0233407", g)
e("myoclonus", "myoclonic jerks|jerky movements|muscle jerks|sudden muscle jerks", "C0027066", g)
e("involuntary movements", "uncontrolled movements|abnormal movements|uncontrollable movements", "", g)
e("dyskinesia", "dyskinesias", "C0013384", g)
e("tardive dyskinesia", "", "C0686347", g)
e("akathisia", "inner restlessness|inability to sit still", "C0392156", g)
e("dystonia", "dystonic reaction|muscle contractions", "C0013421", g)
e("parkinsonism", "parkinsonian symptoms|parkinson-like symptoms", "C0242422", g)
e("extrapyramidal symptoms", "extrapyramidal disorder|extrapyramidal side effects|eps", "", g)
e("neuroleptic malignant syndrome", "nms", "C0027849", g)
e("serotonin syndrome", "serotonin toxicity|serotonergic syndrome", "", g)
e("restless legs", "restless legs syndrome|restless leg", "", g)
e("taste disturbance", "dysgeusia|altered taste|taste changes|change in taste|bad taste|metallic taste", "C0013378", g)
e("loss of taste", "ageusia", "", g)
e("loss of smell", "anosmia", "", g)
e("electric shock sensations", "brain zaps|electric shock-like sensations", "", g)
e("sensory disturbances", "abnormal sensations|perceptual disturbances", "", g)
e("stroke", "cerebrovascular accident|brain attack", "C0038454", g)

# psychiatric
g = "psychiatric"
e("anxiety", "anxious|feeling anxious|increased anxiety|worry", "C0003467", g)
e("panic attacks", "panic attack|panic", "C0086769", g)
e("agitation", "agitated|feeling agitated", "C0085631", g)
e("restlessness", "feeling restless|restless", "", g)
e("irritability", "irritable|feeling irritable", "C0022107", g)
e("aggression", "aggressive behaviour|aggressive behavior|aggressiveness|hostility|violent behaviour", "C0001807", g)
e("anger", "rage|outbursts of anger|angry outbursts", "", g)
e("depression", "depressed mood|low mood|feeling low|feeling depressed|depressive symptoms|worsening depression", "C0011570", g)
e("suicidal thoughts", "suicidal ideation|thoughts of suicide|thoughts of killing yourself|thoughts of harming yourself|suicidal thinking", "C0424000", g)
e("suicidal behaviour", "suicidal behavior|suicide attempt|suicide attempts", "", g)
e("self-harm", "self harm|self-injury|harming yourself", "", g)
e("mood changes", "mood swings|changes in mood|emotional instability|emotional lability", "", g)
e("euphoria", "euphoric mood|feeling high|elevated mood|feeling of well-being", "", g)
e("apathy", "lack of motivation|indifference", "", g)
e("emotional blunting", "emotional numbness|flat affect", "", g)
e("hallucinations", "hallucination|seeing things|hearing voices|hearing things", "C0018524", g)
e("delusions", "delusion|false beliefs", "C0011253", g)
e("paranoia", "paranoid thoughts|feeling paranoid|suspiciousness", "", g)
e("psychosis", "psychotic symptoms|psychotic disorder|psychotic episode", "C0033975", g)
e("mania", "manic symptoms|manic episode", "C0338831", g)
e("hypomania", "hypomanic episode", "", g)
e("delirium", "acute confusional state", "C0011206", g)
e("abnormal thinking", "thinking abnormal|disturbed thinking", "", g)
e("depersonalisation", "depersonalization|feeling detached|feeling unreal", "C0011549", g)
e("derealisation", "derealization", "", g)
e("insomnia", "sleeplessness|difficulty sleeping|trouble sleeping|sleep problems|poor sleep|difficulty falling asleep|rebound insomnia", "C0917801", g)
e("sleep disturbance", "sleep disorder|disturbed sleep|sleep disturbances|abnormal sleep", "", g)
e("nightmares", "nightmare|bad dreams", "C0028084", g)
e("abnormal dreams", "vivid dreams|strange dreams|unusual dreams|dream abnormalities", "", g)
e("sleepwalking", "somnambulism|sleep-walking", "", g)
e("complex sleep behaviours", "sleep-driving|sleep driving|complex sleep behaviors", "", g)
e("nervousness", "jitteriness|jittery|feeling jittery", "C0027769", g)
e("tension", "feeling tense|nervous tension|inner tension", "", g)
e("crying", "tearfulness|tearful", "", g)
e("compulsive behaviour", "compulsive behavior|impulse control disorder|impulse control disorders|impulsive behaviour|impulsive behavior", "", g)
e("pathological gambling", "compulsive gambling|gambling addiction|urge to gamble", "C0030662", g)
e("hypersexuality", "increased sex drive|increased libido|compulsive sexual behaviour", "", g)
e("binge eating", "compulsive eating|uncontrolled eating", "", g)
e("decreased libido", "reduced libido|loss of libido|decreased sex drive|reduced sex drive|loss of sex drive|low libido|loss of interest in sex", "C0011124", g)
e("cravings", "craving|drug craving|drug cravings", "", g)

# gastrointestinal
g = "gastrointestinal"
e("nausea", "feeling sick|queasiness|sickness|nauseous", "C0027497", g)
e("vomiting", "being sick|throwing up|emesis", "C0042963", g)
e("diarrhoea", "diarrhea|loose stools|runny stools|watery stools", "C0011991", g)
e("constipation", "constipated|hard stools|difficulty passing stools", "C0009806", g)
e("abdominal pain", "stomach pain|stomach ache|stomachache|belly pain|tummy pain|abdominal discomfort|stomach discomfort|upper abdominal pain", "C0000737", g)
e("abdominal cramps", "stomach cramps|abdominal cramping|stomach cramping", "", g)
e("indigestion", "dyspepsia|upset stomach|stomach upset", "C0013395", g)
e("heartburn", "acid reflux|gastro-oesophageal reflux|gastroesophageal reflux|reflux", "C0018834", g)
e("flatulence", "wind|passing wind|excess gas|gassiness", "C0016204", g)
e("bloating", "abdominal bloating|abdominal distension|feeling bloated|swollen abdomen", "", g)
e("dry mouth", "xerostomia|mouth dryness|dryness of mouth|dryness of the mouth", "C0043352", g)
e("excessive salivation", "hypersalivation|drooling|sialorrhoea|sialorrhea|increased saliva", "", g)
e("difficulty swallowing", "dysphagia|swallowing difficulties|trouble swallowing|problems swallowing", "C0011168", g)
e("hiccups", "hiccup|hiccoughs", "C0019521", g)
e("loss of appetite", "decreased appetite|reduced appetite|anorexia|poor appetite|lack of appetite|appetite loss", "C0003123", g)
e("increased appetite", "appetite increased|excessive hunger|feeling hungry", "", g)
e("weight gain", "weight increase|increased weight|weight increased|putting on weight|gaining weight", "C0043094", g)
e("weight loss", "weight decrease|decreased weight|weight decreased|losing weight", "C0043096", g)
e("mouth ulcers", "mouth sores|oral ulcers|ulcers in the mouth|stomatitis", "", g)
e("gastrointestinal bleeding", "gastrointestinal haemorrhage|gastrointestinal hemorrhage|bleeding in the stomach|stomach bleeding|bowel bleeding|gi bleeding", "C0017181", g)
e("stomach ulcer", "gastric ulcer|peptic ulcer|stomach ulcers", "C0038358", g)
e("black stools", "melaena|melena|black tarry stools|tarry stools", "C0025222", g)
e("blood in stools", "bloody stools|rectal bleeding|haematochezia|hematochezia", "C0018932", g)
e("vomiting blood", "haematemesis|hematemesis", "C0018926", g)
e("pancreatitis", "inflammation of the pancreas", "C0030305", g)
e("hepatitis", "inflammation of the liver", "C0019158", g)
e("liver problems", "liver damage|liver injury|liver disorder|hepatotoxicity|liver toxicity", "", g)
e("liver failure", "hepatic failure", "C0085605", g)
e("abnormal liver function tests", "increased liver enzymes|raised liver enzymes|elevated liver enzymes|abnormal liver tests|increased transaminases|elevated transaminases", "", g)
e("jaundice", "yellowing of the skin|yellowing of the skin or eyes|yellow skin|yellowing of the eyes|icterus", "C0022346", g)

# skin and allergy
g = "skin"
e("rash", "skin rash|rashes|skin eruption|exanthema", "C0015230", g)
e("itching", "pruritus|itchiness|itchy skin|itch", "C0033774", g)
e("hives", "urticaria|nettle rash|welts", "C0042109", g)
e("sweating", "excessive sweating|hyperhidrosis|increased sweating|perspiration|sweats", "C0020458", g)
e("night sweats", "night sweating|sweating at night", "C0028081", g)
e("hot flushes", "hot flashes|hot flush|hot flash", "C0600142", g)
e("flushing", "facial flushing|redness of the face|skin flushing", "C0016382", g)
e("photosensitivity", "sensitivity to sunlight|sensitivity to sun|photosensitivity reaction|sunburn-like reaction", "", g)
e("blisters", "blistering|skin blistering", "C0005758", g)
e("skin peeling", "peeling skin|peeling of the skin|skin exfoliation|exfoliation", "", g)
e("acne", "pimples", "C0702166", g)
e("hair loss", "alopecia|thinning hair|hair thinning", "C0002170", g)
e("bruising", "bruises|easy bruising|bruise|contusion", "C0009938", g)
e("dry skin", "xerosis|skin dryness", "", g)
e("skin reactions", "skin reaction|skin problems|skin disorder", "", g)
e("injection site reactions", "injection site reaction|injection-site reaction|reactions at the injection site|injection site pain|injection site redness|injection site swelling", "", g)
e("application site reactions", "application site reaction|application site irritation", "", g)
e("stevens-johnson syndrome", "stevens johnson syndrome|sjs", "C0038325", g)
e("toxic epidermal necrolysis", "lyell syndrome", "C0014518", g)
e("drug reaction with eosinophilia", "dress syndrome|drug rash with eosinophilia", "", g)
g = "immune"
e("allergic reaction", "allergic reactions|allergy|hypersensitivity|hypersensitivity reaction|hypersensitivity reactions", "C0020517", g)
e("anaphylaxis", "anaphylactic reaction|anaphylactic shock|severe allergic reaction", "C0002792", g)
e("angioedema", "angio-oedema|angiooedema|swelling of the face|swelling of the face, lips, tongue|swelling of the lips|swelling of the tongue|swelling of the throat|facial swelling", "C0002994", g)
e("infections", "infection|increased risk of infection|infection risk", "", g)
e("fever", "pyrexia|high temperature|raised temperature|febrile", "C0015967", g)
e("chills", "shivering|rigors|feeling cold|cold shivers", "C0085593", g)
e("flu-like symptoms", "flu-like illness|influenza-like illness|influenza-like symptoms", "", g)

# eyes and ears
g = "eye-ear"
e("blurred vision", "blurry vision|vision blurred|blurring of vision|blurred eyesight", "C0344232", g)
e("double vision", "diplopia|seeing double", "C0012569", g)
e("visual disturbances", "vision problems|visual impairment|abnormal vision|changes in vision|vision changes|visual disturbance|eyesight problems", "", g)
e("dry eyes", "dry eye|eye dryness", "", g)
e("eye pain", "pain in the eye|painful eyes", "", g)
e("nystagmus", "involuntary eye movements|uncontrolled eye movements|rapid eye movements", "C0028738", g)
e("dilated pupils", "mydriasis|enlarged pupils|large pupils", "C0026961", g)
e("pinpoint pupils", "miosis|small pupils|constricted pupils", "C0026205", g)
e("watery eyes", "tearing|lacrimation|teary eyes|excessive tears", "", g)
e("sensitivity to light", "photophobia|light sensitivity", "C0085636", g)
e("sensitivity to sound", "hyperacusis|sensitivity to noise|noise sensitivity", "", g)
e("tinnitus", "ringing in the ears|ringing in ears|buzzing in the ears|noises in the ears", "C0040264", g)
e("ear pain", "earache|pain in the ear", "", g)
e("hearing loss", "loss of hearing|deafness|reduced hearing", "", g)

# heart and blood vessels
g = "cardiovascular"
e("palpitations", "heart palpitations|pounding heart|pounding heartbeat|awareness of heartbeat|thumping heart", "C0030252", g)
e("fast heartbeat", "tachycardia|rapid heartbeat|rapid heart rate|racing heart|increased heart rate|fast heart rate", "C0039231", g)
e("slow heartbeat", "bradycardia|slow heart rate|reduced heart rate|slowed heart rate", "C0428977", g)
e("irregular heartbeat", "arrhythmia|irregular heart rhythm|abnormal heart rhythm|heart rhythm disorder|cardiac arrhythmia", "C0003811", g)
e("qt prolongation", "qt interval prolongation|prolonged qt interval|prolongation of the qt interval|long qt", "C0151878", g)
e("low blood pressure", "hypotension|decreased blood pressure|drop in blood pressure|fall in blood pressure", "C0020649", g)
e("orthostatic hypotension", "postural hypotension|dizziness on standing|drop in blood pressure on standing|low blood pressure on standing", "C0020651", g)
e("high blood pressure", "hypertension|increased blood pressure|raised blood pressure|elevated blood pressure", "C0020538", g)
e("chest pain", "chest discomfort|chest tightness|pain in the chest|angina", "C0008031", g)
e("heart attack", "myocardial infarction", "C0027051", g)
e("heart failure", "cardiac failure", "C0018801", g)
e("cardiac arrest", "heart stopping|heart stops", "C0018790", g)
e("blood clots", "thromboembolism|blood clot|thrombosis|clots", "C0040038", g)
e("deep vein thrombosis", "blood clot in the leg|blood clots in the legs|blood clots in the veins", "C0149871", g)
e("pulmonary embolism", "blood clot in the lungs|blood clots in the lungs", "C0034065", g)
e("swelling", "oedema|edema|fluid retention|water retention", "C0013604", g)
e("peripheral oedema", "peripheral edema|swollen ankles|swelling of the ankles|swollen feet|swelling of the legs|swollen legs|swelling of hands and feet|swollen hands", "C0085649", g)
e("bleeding", "haemorrhage|hemorrhage|abnormal bleeding|unusual bleeding|excessive bleeding", "C0019080", g)
e("nosebleeds", "nosebleed|epistaxis|nose bleeds|nose bleeding", "C0014591", g)
e("bleeding gums", "gum bleeding|gingival bleeding", "C0017565", g)
e("cold hands and feet", "cold extremities|cold fingers and toes", "", g)

# respiratory
g = "respiratory"
# Difficulty breathing is dyspnoea (HPO HP:0002094), not respiratory depression (slow, shallow
# breathing from CNS depression): the two are different warnings.
e("respiratory depression", "slow breathing|slowed breathing|shallow breathing|slow or shallow breathing|reduced breathing|depressed breathing|hypoventilation", "C0235063", g)
e("respiratory arrest", "stopped breathing|breathing stops|breathing stopping", "C0162297", g)
e("shortness of breath", "dyspnoea|dyspnea|breathlessness|being short of breath|short of breath|difficulty breathing|difficulty in breathing|breathing difficulties|breathing difficulty|trouble breathing|difficult to breathe", "C0013404", g)
e("apnoea", "apnea|pauses in breathing", "C0003578", g)
e("sleep apnoea", "sleep apnea|breathing pauses during sleep", "C0037315", g)
e("wheezing", "wheeze|wheezy breathing", "C0043144", g)
e("cough", "coughing", "C0010200", g)
e("coughing up blood", "haemoptysis|hemoptysis", "C0019079", g)
e("runny nose", "rhinorrhoea|rhinorrhea|running nose", "C1260880", g)
e("blocked nose", "nasal congestion|stuffy nose|congested nose|stuffed-up nose", "C0027424", g)
e("sinus congestion", "congested sinuses|sinus pressure", "", g)
e("itchy nose", "nasal itching|itching of the nose", "", g)
e("sneezing", "sneezes", "", g)
e("sore throat", "throat pain|pharyngeal pain|throat irritation", "", g)
e("common cold", "nasopharyngitis|cold symptoms|head cold", "C0027442", g)
e("sinusitis", "sinus infection|inflamed sinuses", "C0037199", g)
e("upper respiratory tract infection", "upper respiratory infection|chest infection|respiratory infection|respiratory tract infection", "C0041912", g)
e("pneumonia", "lung infection|aspiration pneumonia", "C0032285", g)
e("yawning", "excessive yawning|yawn", "", g)
e("hypoxia", "low oxygen levels|lack of oxygen|low blood oxygen", "C0242184", g)
e("cyanosis", "blue lips|bluish skin|blue skin", "C0010520", g)

# muscles and bones
g = "musculoskeletal"
e("muscle pain", "myalgia|muscle aches|aching muscles|sore muscles|muscular pain|muscle ache|body aches", "C0231528", g)
e("joint pain", "arthralgia|painful joints|aching joints|joint aches", "C0003862", g)
e("back pain", "backache|pain in the back", "C0004604", g)
e("neck pain", "pain in the neck|stiff neck", "C0007859", g)
e("pain in extremity", "pain in arms or legs|limb pain|pain in the limbs|pain in hands and feet", "C0030196", g)
e("muscle spasms", "muscle spasm|muscular spasms|spasms", "C0037763", g)
e("muscle cramps", "cramps|muscle cramp|leg cramps|cramping", "C0026821", g)
e("muscle stiffness", "muscle rigidity|stiff muscles|rigidity|muscle tightness", "C0026837", g)
e("muscle twitching", "twitching|fasciculations|muscle twitches", "C0015644", g)
e("muscle weakness", "weak muscles|loss of muscle strength|muscular weakness", "C0151786", g)
e("rhabdomyolysis", "muscle breakdown", "", g)
e("bone fractures", "fractures|broken bones|fracture|bone fracture", "", g)
e("osteoporosis", "bone thinning|thinning of the bones|loss of bone density", "C0029456", g)

# general
g = "general"
e("fatigue", "tiredness|tired|feeling tired|exhaustion|lack of energy|low energy|feeling exhausted", "C0015672", g)
e("weakness", "asthenia|feeling weak|lack of strength|general weakness", "C0004093", g)
e("lethargy", "sluggishness|listlessness", "C0023380", g)
e("malaise", "feeling unwell|generally feeling unwell|feeling of discomfort", "C0231218", g)
e("feeling abnormal", "feeling strange|feeling drunk|feeling intoxicated|feeling of drunkenness", "", g)
e("pain", "aches|aching|pains", "", g)
e("hypothermia", "low body temperature", "C0020672", g)
e("hyperthermia", "high body temperature|overheating|heat stroke", "", g)
e("dehydration", "fluid loss|loss of fluids", "C0011175", g)
e("death", "fatal outcome|fatal|sudden death|risk of death", "C0011065", g)
e("overdose", "drug overdose|accidental overdose|taking too much", "", g)
e("impaired driving ability", "impaired ability to drive|reduced ability to drive|impaired driving", "", g)
e("thirst", "feeling thirsty|excessive thirst|increased thirst", "", g)

# metabolic, endocrine, blood
g = "metabolic"
e("low blood sugar", "hypoglycaemia|hypoglycemia|low glucose|low blood glucose", "C0020615", g)
e("high blood sugar", "hyperglycaemia|hyperglycemia|raised blood sugar|high blood glucose|increased blood sugar", "C0020456", g)
e("diabetes", "new-onset diabetes|diabetes mellitus", "", g)
e("low sodium", "hyponatraemia|hyponatremia|low blood sodium|low sodium levels", "C0020625", g)
e("high potassium", "hyperkalaemia|hyperkalemia|high blood potassium", "C0020461", g)
e("low potassium", "hypokalaemia|hypokalemia|low blood potassium", "", g)
e("high cholesterol", "hypercholesterolaemia|hypercholesterolemia|increased cholesterol|raised cholesterol", "C0020443", g)
e("high triglycerides", "hypertriglyceridaemia|hypertriglyceridemia|increased triglycerides|raised triglycerides", "C0020557", g)
e("increased prolactin", "hyperprolactinaemia|hyperprolactinemia|raised prolactin|high prolactin levels", "C0020514", g)
e("anaemia", "anemia|low red blood cells|low haemoglobin|low hemoglobin", "C0002871", g)
e("low platelets", "thrombocytopenia|low platelet count|decreased platelets|reduced platelets", "C0040034", g)
e("low white blood cells", "leukopenia|leucopenia|low white cell count|decreased white blood cells", "", g)
e("neutropenia", "low neutrophils|low neutrophil count", "C0027947", g)
e("agranulocytosis", "severe lack of white blood cells", "C0001824", g)

# kidney, urinary, sexual, reproductive
g = "urogenital"
e("urinary retention", "difficulty passing urine|inability to pass urine|difficulty urinating|problems passing urine|retention of urine", "C0080274", g)
e("urinary incontinence", "incontinence|loss of bladder control|bladder control problems|bedwetting", "C0042024", g)
e("frequent urination", "urinary frequency|pollakiuria|passing urine more often|need to urinate more often", "C0042023", g)
e("painful urination", "dysuria|pain on passing urine|burning when passing urine", "C0013428", g)
e("blood in urine", "haematuria|hematuria", "C0018965", g)
e("urinary tract infection", "bladder infection|uti|urine infection", "C0042029", g)
e("kidney problems", "kidney damage|renal impairment|kidney failure|renal failure|reduced kidney function", "", g)
e("erectile dysfunction", "impotence|erection problems|difficulty getting an erection|difficulty maintaining an erection", "C0242350", g)
e("ejaculation disorders", "delayed ejaculation|ejaculation failure|abnormal ejaculation|ejaculation problems", "", g)
e("orgasm problems", "anorgasmia|difficulty reaching orgasm|delayed orgasm|inability to reach orgasm", "", g)
e("sexual dysfunction", "sexual problems|sexual side effects", "", g)
e("menstrual disorders", "irregular periods|menstrual irregularities|changes in menstrual periods|missed periods|irregular menstrual periods", "", g)
e("absence of periods", "amenorrhoea|amenorrhea|no periods", "C0002453", g)
e("painful periods", "dysmenorrhoea|dysmenorrhea|period pain", "C0013390", g)
e("breast enlargement", "gynaecomastia|gynecomastia|enlarged breasts|breast swelling", "C0018418", g)
e("breast pain", "mastalgia|mastodynia|breast tenderness|tender breasts", "C0024902", g)
e("milk secretion", "galactorrhoea|galactorrhea|breast milk secretion|unexpected breast milk|discharge from the nipples", "C0016980", g)

# withdrawal
g = "withdrawal"
e("withdrawal symptoms", "withdrawal reactions|withdrawal reaction|withdrawal syndrome|withdrawal effects|discontinuation symptoms|discontinuation syndrome|withdrawal", "", g)
e("rebound anxiety", "rebound symptoms|return of symptoms", "", g)
e("goose bumps", "gooseflesh|goose pimples|piloerection", "", g)

# dependence (kind dependence, not effect)
g = "dependence"
e("dependence", "drug dependence|dependency|drug dependency", "", g, "dependence")
e("physical dependence", "physically dependent|physical dependency", "", g, "dependence")
e("psychological dependence", "psychologically dependent|psychological dependency", "", g, "dependence")
e("addiction", "addictive|drug addiction|opioid addiction|addiction potential", "", g, "dependence")
e("abuse potential", "abuse|drug abuse|potential for abuse|risk of abuse|substance abuse|misuse|drug misuse|risk of misuse|potential for misuse", "", g, "dependence")
e("tolerance", "drug tolerance|developing tolerance|reduced effect over time", "", g, "dependence")
e("diversion", "drug diversion", "", g, "dependence")

import sys
seen = {}
for kind, canonical, variants, umls, group in E:
    for v in [canonical] + variants:
        key = (kind, v.lower().replace("-", " "))
        if key in seen and seen[key] != canonical:
            sys.exit(f"surface form {v!r} is listed for both {seen[key]!r} and {canonical!r}")
        seen[key] = canonical
out = ["# rxfacts-lexicon/1",
       "# effects: adverse effects, withdrawal symptoms (kind effect) and dependence terms (kind dependence).",
       "# Hand-curated for rxfacts in plain English (no MedDRA or SIDER text); UMLS CUIs only where sure.",
       "# Source: Scripts/effects_source.py; regenerate with `python3 Scripts/effects_source.py > Pipelines/lexicons/effects.tsv`.",
       "# kind\tcanonical\tvariants\tcodes\tattributes"]
lines = []
for kind, canonical, variants, umls, group in E:
    forms = [canonical] + sorted(set(v for v in variants if v != canonical))
    codes = f"umls:{umls}" if umls else "-"
    lines.append("\t".join([kind, canonical, "|".join(forms), codes, f"group={group}"]))
lines.sort(key=lambda s: s.encode())
print("\n".join(out + lines))
