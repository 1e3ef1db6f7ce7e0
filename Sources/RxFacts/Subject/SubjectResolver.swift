/// Stage `subject`: decides which drugs the document is about and, per sentence, which drugs
/// it names or refers to.
///
/// The document's drug is the drug (ingredient or brand) named most often, or the active
/// ingredients a structured label declares, or the drug a leaflet's file name or title names;
/// "it", "the drug" and similar refer to it (anaphora, `Pipelines/rules/subject.yaml`); any
/// other drug named in a sentence is not the subject. Brand names the lexicon does not know
/// become brands of their drug where the text links them ("Zelmora contains the active
/// substance diazepam").
package struct SubjectResolver: Sendable {
    package let knowledge: Knowledge
    var lexicon: LexiconIndex { knowledge.lexicon }

    package init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    package func process(_ doc: inout AnalyzedDocument) {
        let links = brandLinks(in: doc)
        doc.subjects = subjects(of: doc, links: links)
        let names = Set(doc.subjects.map(\.name))
        let racemates = Self.racemates(of: names, lexicon: lexicon)
        var references = Array(repeating: SentenceReferences(), count: doc.sentences.count)
        for mention in doc.terms {
            let drugs = lexicon.drugNames(of: mention)
            guard !drugs.isEmpty else { continue }
            let isDocumentDrug = drugs.contains { names.contains($0) || racemates.contains($0) }
            let reference = DrugReference(
                start: mention.range.lowerBound, isDocumentDrug: isDocumentDrug, names: Array(drugs))
            references[mention.sentence].references.append(reference)
        }
        for link in links {
            for mention in link.mentions {
                let reference = DrugReference(
                    start: mention.range.lowerBound, isDocumentDrug: names.contains(link.drug), names: [link.drug])
                references[mention.sentence].references.append(reference)
            }
        }
        for phrase in doc.subjectPhrases
        where phrase.entries.contains(where: { knowledge.subjectRules.phrases[Int($0)] == .anaphor }) {
            references[phrase.sentence].references.append(
                DrugReference(start: phrase.range.lowerBound, isDocumentDrug: true, names: []))
        }
        for index in references.indices {
            references[index].references.sort { $0.start < $1.start }
        }
        doc.references = references
    }

    /// Prefixes naming one enantiomer of a racemic drug: escitalopram/citalopram,
    /// dextroamphetamine/amphetamine, eszopiclone/zopiclone, armodafinil/modafinil.
    /// (`FactAssembler` keeps them out of the drug's combinations, as the drug itself.)
    static let enantiomerPrefixes = ["es", "dextro", "dex", "levo", "ar"]

    /// The racemates of the document's drugs that the lexicon knows: a label reasons about its
    /// enantiomer with the racemate's studies ("Amphetamines may delay the absorption of
    /// phenytoin" in a dextroamphetamine label), so a sentence naming them is about the drug.
    static func racemates(of names: Set<String>, lexicon: LexiconIndex) -> Set<String> {
        var result: Set<String> = []
        for name in names {
            for prefix in Self.enantiomerPrefixes where name.hasPrefix(prefix) && name.count > prefix.count + 4 {
                let stem = String(name.dropFirst(prefix.count))
                if lexicon.entry(kind: "drug", named: stem) != nil { result.insert(stem) }
            }
        }
        return result
    }

    /// A brand name the text links to its active substance and the places it is mentioned.
    struct BrandLink: Equatable {
        /// Lower-cased name ("zelmora").
        var brand: String
        /// Canonical name of the drug.
        var drug: String
        /// Every mention of the name in the document (token and byte ranges, sentence).
        var mentions: [Mention]
    }

    /// Brands the text itself names: "Zelmora contains the active substance diazepam" (or
    /// "diazepam, the active substance of Zelmora") where the lexicon does not know Zelmora.
    /// The name is the run of up to three capitalised words on the phrase's brand side; the
    /// drug is the drug term nearest the phrase (within four tokens) outside the name.
    func brandLinks(in doc: AnalyzedDocument) -> [BrandLink] {
        var links: [BrandLink] = []
        for trigger in doc.subjectPhrases {
            var side: SubjectRulePack.BrandLink.Side?
            for payload in trigger.entries {
                if case .brandLink(let linkSide) = knowledge.subjectRules.phrases[Int(payload)] {
                    side = linkSide
                    break
                }
            }
            guard let side else { continue }
            let sentence = doc.sentences[trigger.sentence]
            let brandBefore = side == .before
            // The name: capitalised word tokens next to the phrase, not a drug or brand term.
            func isCapitalised(_ t: Int) -> Bool {
                let token = doc.tokens[t]
                guard token.kind == .word, token.end > token.start else { return false }
                let first = doc.normalized[Int(token.start)]
                return first >= 0x41 && first <= 0x5A
            }
            var nameTokens: [Int] = []
            var t = brandBefore ? trigger.tokens.lowerBound - 1 : trigger.tokens.upperBound
            while sentence.tokens.contains(t), nameTokens.count < 3, isCapitalised(t) {
                nameTokens.append(t)
                t += brandBefore ? -1 : 1
            }
            nameTokens.sort()
            guard let firstName = nameTokens.first, let lastName = nameTokens.last else { continue }
            let nameRange = Int(doc.tokens[firstName].start)..<Int(doc.tokens[lastName].end)
            let nameTokenRange = firstName..<(lastName + 1)
            let known = doc.terms.contains {
                $0.sentence == trigger.sentence && $0.tokens.overlaps(nameTokenRange)
                    && !lexicon.drugNames(of: $0).isEmpty
            }
            // A context trigger or anaphor ("If", "It") is no brand name.
            let isPhrase =
                doc.subjectPhrases.contains { $0.sentence == trigger.sentence && $0.tokens.overlaps(nameTokenRange) }
                || doc.triggers.contains { $0.sentence == trigger.sentence && $0.tokens.overlaps(nameTokenRange) }
            let brand = String(decoding: doc.normalized[nameRange].map(Folding.lower), as: UTF8.self)
            if known || isPhrase || knowledge.subjectRules.notBrandNames.contains(brand) { continue }
            // The drug: the nearest drug term within four tokens of the phrase, outside the name.
            var best: (distance: Int, drug: String)?
            for term in doc.terms where term.sentence == trigger.sentence && !term.tokens.overlaps(nameTokenRange) {
                guard let drug = lexicon.drugNames(of: term).first, lexicon.entry(kind: "drug", named: drug) != nil
                else { continue }
                let distance: Int
                if term.tokens.lowerBound >= trigger.tokens.upperBound {
                    distance = term.tokens.lowerBound - trigger.tokens.upperBound - (brandBefore ? 0 : nameTokens.count)
                } else if term.tokens.upperBound <= trigger.tokens.lowerBound {
                    distance = trigger.tokens.lowerBound - term.tokens.upperBound - (brandBefore ? nameTokens.count : 0)
                } else {
                    continue
                }
                if distance <= 4, distance < best?.distance ?? Int.max { best = (distance, drug) }
            }
            guard let drug = best?.drug, !links.contains(where: { $0.brand == brand }) else { continue }
            links.append(
                BrandLink(
                    brand: brand, drug: drug,
                    mentions: mentions(of: doc.normalized[nameRange].map(Folding.lower), in: doc)))
        }
        return links
    }

    /// Every occurrence (case-insensitive, whole tokens) of the word sequence `name` in the document.
    func mentions(of name: [UInt8], in doc: AnalyzedDocument) -> [Mention] {
        var result: [Mention] = []
        var sentenceIndex = 0
        for (s, sentence) in doc.sentences.enumerated() {
            sentenceIndex = s
            var t = sentence.tokens.lowerBound
            while t < sentence.tokens.upperBound {
                let first = doc.tokens[t]
                guard first.kind == .word, Folding.lower(doc.normalized[Int(first.start)]) == name[0] else {
                    t += 1
                    continue
                }
                // Extend over the tokens the name spans (same bytes, token boundaries at its ends).
                var end = t
                while end < sentence.tokens.upperBound, Int(doc.tokens[end].end) - Int(first.start) < name.count {
                    end += 1
                }
                guard end < sentence.tokens.upperBound, Int(doc.tokens[end].end) - Int(first.start) == name.count else {
                    t += 1
                    continue
                }
                var equal = true
                for i in 0..<name.count where Folding.lower(doc.normalized[Int(first.start) + i]) != name[i] {
                    equal = false
                    break
                }
                if equal {
                    result.append(
                        Mention(
                            tokens: t..<(end + 1), range: Int(first.start)..<Int(doc.tokens[end].end), entries: [],
                            sentence: sentenceIndex))
                    t = end + 1
                } else {
                    t += 1
                }
            }
        }
        return result
    }

    /// The drugs the document is about.
    func subjects(of doc: AnalyzedDocument, links: [BrandLink] = []) -> [SubjectDrug] {
        // Structured labels declare their active ingredients.
        var declared: [String] = []
        for product in doc.ingested.products {
            for ingredient in product.ingredients {
                let name = canonicalDrugName(ingredient.name) ?? ingredient.name.lowercased()
                if !declared.contains(name) { declared.append(name) }
            }
        }
        var counts: [String: (count: Int, first: Int)] = [:]
        var brands: [String: Set<String>] = [:]
        for mention in doc.terms {
            let names = lexicon.drugNames(of: mention)
            for name in names {
                let previous = counts[name] ?? (0, mention.range.lowerBound)
                counts[name] = (previous.count + 1, previous.first)
            }
            // A brand-only mention's drug names are its brand entry's ingredients.
            if lexicon.isBrandOnly(mention),
                let brand = lexicon.entryIndex(of: mention, kinds: [LexiconIndex.brandKind])
            {
                let canonical = lexicon.canonical(ofEntry: brand)
                for name in names { brands[name, default: []].insert(canonical) }
            }
        }
        for link in links {
            let previous = counts[link.drug] ?? (0, link.mentions.first?.range.lowerBound ?? 0)
            counts[link.drug] = (
                previous.count + link.mentions.count,
                min(previous.first, link.mentions.first?.range.lowerBound ?? previous.first)
            )
            brands[link.drug, default: []].insert(link.brand)
        }
        var chosen = declared
        // A leaflet named after its drug ("Escitalopram_ddi.txt", "valdoxan.txt", an SPL-less
        // title) is about that drug when the text names it, even if it names another more often
        // (the racemate citalopram in an escitalopram leaflet).
        if chosen.isEmpty, let named = drugNamedByDocument(doc), counts[named] != nil {
            chosen = [named]
            // A combination product named by its brand ("suboxone"): every ingredient the text names.
            for ingredient in productIngredientsNamedByDocument(doc)
            where !chosen.contains(ingredient) && counts[ingredient] != nil {
                chosen.append(ingredient)
            }
        }
        if chosen.isEmpty,
            let best = counts.max(by: { ($0.value.count, -$0.value.first) < ($1.value.count, -$1.value.first) })
        {
            chosen = [best.key]
            // A combination product (a brand of several ingredients): all of them are subjects.
            if let brandNames = brands[best.key] {
                for brand in brandNames.sorted() {
                    if let entry = lexicon.entry(kind: "brand", named: brand) {
                        for ingredient in entry.ingredients
                        where !chosen.contains(ingredient) && counts[ingredient] != nil {
                            chosen.append(ingredient)
                        }
                    }
                }
            }
        }
        return chosen.map { name in
            var codes: [String: String] = [:]
            if let entry = lexicon.entry(kind: "drug", named: name) {
                for code in entry.codes {
                    let parts = code.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, codes[String(parts[0])] == nil { codes[String(parts[0])] = String(parts[1]) }
                }
            }
            for product in doc.ingested.products {
                for ingredient in product.ingredients
                where (canonicalDrugName(ingredient.name) ?? ingredient.name.lowercased()) == name {
                    if let unii = ingredient.unii, codes["unii"] == nil { codes["unii"] = unii }
                }
            }
            return SubjectDrug(name: name, brands: (brands[name] ?? []).sorted(), codes: codes)
        }
    }

    /// Runs of letters (four or more) in the document's id and title, where a leaflet named after
    /// its drug says so ("Escitalopram_ddi", "valdoxan").
    func documentNameWords(_ doc: AnalyzedDocument) -> [String] {
        [doc.ingested.info.id, doc.ingested.info.title ?? ""].flatMap { text in
            text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 4 }.map(String.init)
        }
    }

    /// The drug the document's id or title names: each word is looked up as a drug or brand
    /// name ("Escitalopram_ddi" → escitalopram, "valdoxan" → agomelatine).
    func drugNamedByDocument(_ doc: AnalyzedDocument) -> String? {
        documentNameWords(doc).lazy.compactMap { self.canonicalDrugName($0) }.first
    }

    /// All ingredients of a brand the document's id or title names (empty for a plain drug name).
    func productIngredientsNamedByDocument(_ doc: AnalyzedDocument) -> [String] {
        documentNameWords(doc).lazy.compactMap {
            self.lexicon.entry(kind: "brand", named: $0.lowercased())?.ingredients
        }.first ?? []
    }

    /// The lexicon's canonical drug name for a free-text ingredient name ("DIAZEPAM" → "diazepam",
    /// "SILDENAFIL CITRATE" → "sildenafil" when only the base name is in the lexicon).
    func canonicalDrugName(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        Tokenizer.scan(bytes, 0..<bytes.count, into: &tokens)
        tokens.removeAll { PhraseAutomaton.isSkipped($0, bytes) }
        var state: Int32 = 0
        var best: (name: String, next: Int)?
        for (index, token) in tokens.enumerated() {
            guard let key = knowledge.vocabulary.find(bytes, token.range, kind: token.kind) else { break }
            state = knowledge.terms.step(state, key)
            if state < 0 { break }
            for payload in knowledge.terms.payloads(at: state) ?? [] {
                let entry = lexicon.lexicon.entries[Int(payload)]
                if entry.kind == "drug" {
                    best = (entry.canonical, index + 1)
                    break
                }
                if entry.kind == "brand", let first = entry.ingredients.first {
                    best = (first, index + 1)
                    break
                }
            }
        }
        guard let best else { return nil }
        // Whatever follows the longest drug name must be salt or hydrate words.
        for token in tokens[best.next...] {
            let word = String(decoding: bytes[token.range].map(Folding.lower), as: UTF8.self)
            if !SaltNames.words.contains(word) { return nil }
        }
        return best.name
    }
}

extension SubjectResolver: Stage {}
