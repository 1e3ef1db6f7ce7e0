import RxFacts
/// The `drug` and `substance` entries under construction, with lookup by name, RxCUI and DrugBank ID.
package struct DrugTable: Sendable {
    package private(set) var entries: [LexiconEntry] = []
    var filter: TermFilter
    var byCanonical: [String: Int] = [:]
    var byVariant: [String: Set<Int>] = [:]
    var byRxcui: [String: Int] = [:]
    var byDrugbank: [String: Int] = [:]

    package init(filter: TermFilter) {
        self.filter = filter
    }

    /// The canonical name of the drug called `name` (folded, salts stripped as a fallback) or with `rxcui`.
    package func resolve(name: String, rxcui: String? = nil) -> String? {
        index(name: name, rxcui: rxcui).map { entries[$0].canonical }
    }

    /// The canonical name of the drug with this DrugBank ID.
    package func canonical(drugbank: String) -> String? {
        byDrugbank[drugbank].map { entries[$0].canonical }
    }

    func index(name: String, rxcui: String? = nil) -> Int? {
        let key = TermFilter.matchKey(name)
        if let i = byCanonical[key] { return i }
        if let stripped = SaltNames.stripped(TermFilter.fold(name)), let i = byCanonical[TermFilter.matchKey(stripped)]
        {
            return i
        }
        if let rxcui, let i = byRxcui[rxcui] { return i }
        if let owners = byVariant[key], owners.count == 1 { return owners.first }
        return nil
    }

    mutating func append(_ entry: LexiconEntry) {
        let index = entries.count
        entries.append(entry)
        byCanonical[TermFilter.matchKey(entry.canonical)] = index
        for variant in entry.variants { byVariant[TermFilter.matchKey(variant), default: []].insert(index) }
        if let rxcui = entry.code("rxcui") { byRxcui[rxcui] = index }
        if let id = entry.code("drugbank") { byDrugbank[id] = index }
    }

    /// Lower-cased variants that pass the filter; rejections are counted in the report.
    func acceptedVariants(_ candidates: [String], report: inout LexiconBuildReport) -> [String] {
        var result: [String] = []
        // A set beside the list: a source row may list thousands of synonyms (a list search
        // per candidate would be quadratic); the list keeps their order.
        var seen: Set<String> = []
        for candidate in candidates {
            let variant = candidate.lowercased().trimmingCharacters(in: .whitespaces)
            if variant.isEmpty || seen.contains(variant) { continue }
            if let reason = filter.rejection(variant) {
                report.dropVariant("drugs: \(reason)")
                continue
            }
            seen.insert(variant)
            result.append(variant)
        }
        return result
    }

    /// RxNorm ingredients joined to DrugBank (by name, then by UNII, then by a DrugBank synonym
    /// that names the same active moiety), then DrugBank-only drugs.
    ///
    /// Salts and acid forms are one drug: an RxNorm ingredient that names the acid or anion of
    /// a drug already built ("ethacrynate" beside "ethacrynic acid", RxCUI 62349 and 4109) joins
    /// it instead of becoming a second drug, and the entry is named by the RxNorm ingredient
    /// with the lowest RxCUI (the original concept); the other names, and the INN DrugBank
    /// uses ("etacrynic acid"), are variants. `extraIngredients` are RxNorm ingredient names
    /// from other RxNorm tables (the 2014 brand table) used only to name or join an entry that
    /// exists, never to add one.
    mutating func addIngredients(
        _ ingredients: [RxNormIngredient], drugbank: [DrugBankDrug], rxcuiUnii: [String: [String]],
        extraIngredients: [RxNormIngredient] = [], report: inout LexiconBuildReport
    ) {
        var dbByName: [String: [Int]] = [:]
        var dbByUnii: [String: [Int]] = [:]
        var dbBySynonym: [String: Set<Int>] = [:]
        for (i, drug) in drugbank.enumerated() {
            dbByName[TermFilter.matchKey(drug.name), default: []].append(i)
            if !drug.unii.isEmpty { dbByUnii[drug.unii, default: []].append(i) }
            for synonym in drug.synonyms { dbBySynonym[TermFilter.matchKey(synonym), default: []].insert(i) }
        }
        var used: [Int: Int] = [:]  // DrugBank row → entry index
        for ingredient in ingredients.sorted(by: { (Int($0.rxcui) ?? 0, $0.rxcui) < (Int($1.rxcui) ?? 0, $1.rxcui) }) {
            let canonical = ingredient.name.lowercased()
            if let reason = filter.canonicalRejection(canonical) {
                report.skip(RxNormIngredientReader.relativePath, nil, "ingredient \"\(canonical)\": \(reason)")
                continue
            }
            if byCanonical[TermFilter.matchKey(canonical)] != nil {
                report.skip(
                    RxNormIngredientReader.relativePath, nil,
                    "ingredient \"\(canonical)\" (rxcui \(ingredient.rxcui)) repeats a name")
                continue
            }
            var match: Int? = nil
            var bySynonym = false
            if let named = dbByName[TermFilter.matchKey(canonical)], named.count == 1 {
                match = named[0]
            } else {
                let viaUnii = Set((rxcuiUnii[ingredient.rxcui] ?? []).flatMap { dbByUnii[$0] ?? [] })
                if viaUnii.count == 1 {
                    match = viaUnii.first
                } else if let named = dbBySynonym[TermFilter.matchKey(canonical)], named.count == 1,
                    let m = named.first, DrugTable.sameMoiety(canonical, drugbank[m].name)
                {
                    match = m
                    bySynonym = true
                }
            }
            if let m = match, let owner = used[m] {
                // Two RxNorm ingredients for one DrugBank drug: one entry when they are the acid
                // and salt forms of one moiety, else the later one stands alone (as before).
                if bySynonym || DrugTable.sameMoiety(canonical, entries[owner].canonical) {
                    join(
                        RxNormIngredient(
                            rxcui: ingredient.rxcui, name: canonical, synonym: ingredient.synonym, umls: ingredient.umls
                        ), into: owner, report: &report)
                    continue
                }
                match = nil
            }
            var codes = [LexiconCode("rxcui", ingredient.rxcui)]
            if !ingredient.umls.isEmpty { codes.append(LexiconCode("umls", ingredient.umls)) }
            var candidates: [String] = []
            if !ingredient.synonym.isEmpty { candidates.append(ingredient.synonym) }
            if let m = match {
                used[m] = entries.count
                let drug = drugbank[m]
                codes.append(LexiconCode("drugbank", drug.id))
                if !drug.unii.isEmpty { codes.append(LexiconCode("unii", drug.unii)) }
                candidates.append(drug.name)
                candidates += drug.synonyms
            }
            if codes.first(where: { $0.system == "unii" }) == nil, let uniis = rxcuiUnii[ingredient.rxcui],
                uniis.count == 1
            {
                codes.append(LexiconCode("unii", uniis[0]))
            }
            append(
                LexiconEntry(
                    kind: "drug", canonical: canonical, variants: acceptedVariants(candidates, report: &report),
                    codes: codes))
        }
        for ingredient in extraIngredients.sorted(by: {
            (Int($0.rxcui) ?? 0, $0.rxcui) < (Int($1.rxcui) ?? 0, $1.rxcui)
        }) {
            let name = ingredient.name.lowercased()
            guard byRxcui[ingredient.rxcui] == nil, SaltNames.stripped(TermFilter.fold(name)) == nil,
                let i = index(name: name), DrugTable.sameMoiety(name, entries[i].canonical)
            else { continue }
            join(
                RxNormIngredient(rxcui: ingredient.rxcui, name: name, synonym: "", umls: ingredient.umls), into: i,
                report: &report)
        }
        for (i, drug) in drugbank.enumerated() where used[i] == nil {
            let canonical = drug.name.lowercased()
            if let reason = filter.canonicalRejection(canonical) {
                report.skip(DrugBankVocabularyReader.relativePath, nil, "\(drug.id) \"\(canonical)\": \(reason)")
                continue
            }
            if byCanonical[TermFilter.matchKey(canonical)] != nil {
                report.skip(
                    DrugBankVocabularyReader.relativePath, nil, "\(drug.id) \"\(canonical)\" repeats a drug name")
                continue
            }
            var codes = [LexiconCode("drugbank", drug.id)]
            if !drug.unii.isEmpty { codes.append(LexiconCode("unii", drug.unii)) }
            append(
                LexiconEntry(
                    kind: "drug", canonical: canonical, variants: acceptedVariants(drug.synonyms, report: &report),
                    codes: codes))
        }
    }

    /// Adds an RxNorm ingredient of the same moiety to entry `i`: its RxCUI, UMLS CUI and name;
    /// the name with the lower RxCUI names the entry.
    mutating func join(_ ingredient: RxNormIngredient, into i: Int, report: inout LexiconBuildReport) {
        let ownRxcui = entries[i].codes.filter { $0.system == "rxcui" }.compactMap { Int($0.code) }.min()
        entries[i].codes.append(LexiconCode("rxcui", ingredient.rxcui))
        if !ingredient.umls.isEmpty { entries[i].codes.append(LexiconCode("umls", ingredient.umls)) }
        byRxcui[ingredient.rxcui] = i
        if let own = ownRxcui, let new = Int(ingredient.rxcui), new < own {
            report.skip(
                RxNormIngredientReader.relativePath, nil,
                "\"\(entries[i].canonical)\" (rxcui \(own)) is named \"\(ingredient.name)\" (rxcui \(new)): one drug, one name"
            )
            rename(i, to: ingredient.name)
        } else {
            report.skip(
                RxNormIngredientReader.relativePath, nil,
                "ingredient \"\(ingredient.name)\" (rxcui \(ingredient.rxcui)) is a form of \"\(entries[i].canonical)\": joined as a variant"
            )
            for variant in acceptedVariants([ingredient.name], report: &report)
            where !entries[i].variants.contains(variant) {
                entries[i].variants.append(variant)
                byVariant[TermFilter.matchKey(variant), default: []].insert(i)
            }
        }
    }

    /// Renames entry `i`; the old canonical becomes a variant.
    mutating func rename(_ i: Int, to canonical: String) {
        guard entries[i].canonical != canonical else { return }
        byCanonical[TermFilter.matchKey(entries[i].canonical)] = nil
        entries[i].variants.append(entries[i].canonical)
        byVariant[TermFilter.matchKey(entries[i].canonical), default: []].insert(i)
        entries[i].variants.removeAll { $0 == canonical }
        entries[i].canonical = canonical
        byCanonical[TermFilter.matchKey(canonical)] = i
    }

    /// True when two names are the free acid and the anion (salt) of one moiety, or spellings of
    /// one name: "ethacrynic acid" / "ethacrynate" / "etacrynic acid", "valproate" / "valproic
    /// acid", "thioguanine" / "tioguanine" (stems within two edits). Brands, biologics with
    /// other names ("iron sucrose" / "sucroferric oxyhydroxide") and esters with a second word
    /// ("azilsartan medoxomil") are not.
    static func sameMoiety(_ a: String, _ b: String) -> Bool {
        func stem(_ name: String) -> [UInt8] {
            var text = TermFilter.fold(name)
            if text.hasSuffix(" acid") { text.removeLast(5) }
            for suffix in ["ic", "ate"] where text.hasSuffix(suffix) {
                text.removeLast(suffix.count)
                break
            }
            return Array(text.utf8)
        }
        let x = stem(a)
        let y = stem(b)
        guard min(x.count, y.count) >= 5, !x.contains(0x20), !y.contains(0x20) else { return x == y && !x.isEmpty }
        // Levenshtein distance, bounded by 2.
        guard abs(x.count - y.count) <= 2 else { return false }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count] <= 2
    }

    /// Sets `schedule=` (and `dea:` code) on drugs the DEA list names; unmatched DEA substances
    /// become `substance` entries. Returns (DEA brand/street name, drug canonical) pairs.
    mutating func applySchedules(
        _ substances: [DEASubstance], report: inout LexiconBuildReport
    ) -> [(name: String, drug: String)] {
        var brands: [(String, String)] = []
        var exact: Set<Int> = []
        for pass in 0..<2 {
            for substance in substances {
                let folded = TermFilter.fold(substance.name)
                let productLevel =
                    folded.contains("product") || folded.contains("preparation")
                    || folded.contains(" mg") || folded.contains("mg/") || folded.contains("%")
                if productLevel {
                    if pass == 0 {
                        report.skip(
                            DEAScheduleReader.relativePath, substance.line,
                            "product-level row \"\(substance.name)\" (\(substance.schedule)) is not a substance")
                    }
                    continue
                }
                let key = TermFilter.matchKey(substance.name)
                let target: Int?
                if pass == 0 {
                    target = byCanonical[key]
                } else if byCanonical[key] == nil {
                    // "Tramadol (2-[(dimethylamino)methyl]-…)": the name before the chemical
                    // description, or a DEA synonym, may be the drug already built.
                    target =
                        index(name: substance.name)
                        ?? DrugTable.nameBeforeParenthesis(substance.name).flatMap {
                            byCanonical[TermFilter.matchKey($0)]
                        }
                        ?? substance.otherNames.compactMap { byCanonical[TermFilter.matchKey($0)] }.first
                } else {
                    continue
                }
                guard let i = target else {
                    if pass == 1 { addSubstance(substance, report: &report) }
                    continue
                }
                if pass == 1, exact.contains(i) { continue }
                if pass == 0 { exact.insert(i) }
                if let existing = entries[i].attributes["schedule"], existing != [substance.schedule] {
                    report.skip(
                        DEAScheduleReader.relativePath, substance.line,
                        "\"\(substance.name)\" \(substance.schedule) conflicts with \(existing.joined()) already set on \(entries[i].canonical)"
                    )
                    continue
                }
                entries[i].attributes["schedule"] = [substance.schedule]
                entries[i].attributes["schedule-source"] = [DEAScheduleReader.sourceName]
                if !substance.acscn.isEmpty { entries[i].codes.append(LexiconCode("dea", substance.acscn)) }
                for name in substance.otherNames where !DrugTable.isChemicalFragment(name) {
                    brands.append((name, entries[i].canonical))
                }
            }
        }
        return brands
    }

    /// Pieces of a chemical name that the DEA list's comma-separated `Names` column cuts apart
    /// ("2H-tetrazole-2-ethanol", "alpha-(2-chlorophenyl)-", "carbamate (ester)"): never brands.
    static func isChemicalFragment(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        if scalars.contains(where: { "()[]{}".unicodeScalars.contains($0) }) { return true }
        if name.hasSuffix("-") || name.hasPrefix("-") { return true }
        // A locant: a digit next to a hyphen ("2-", "-2").
        for (i, scalar) in scalars.enumerated() where scalar == "-" {
            if i > 0, scalars[i - 1].properties.numericType != nil { return true }
            if i + 1 < scalars.count, scalars[i + 1].properties.numericType != nil { return true }
        }
        return false
    }

    /// "tramadol (2-[(dimethylamino)…])" or "Lasmiditan [2,4,6-trifluoro-…]" → the name before
    /// the chemical description; nil when there is no bracket after a name.
    static func nameBeforeParenthesis(_ name: String) -> String? {
        guard let open = name.firstIndex(where: { $0 == "(" || $0 == "[" }), open > name.startIndex else { return nil }
        let base = name[..<open].trimmingCharacters(in: .whitespaces)
        return base.isEmpty ? nil : base
    }

    mutating func addSubstance(_ substance: DEASubstance, report: inout LexiconBuildReport) {
        let canonical = substance.name.lowercased()
        if let reason = filter.canonicalRejection(canonical) {
            report.skip(DEAScheduleReader.relativePath, substance.line, "\"\(canonical)\": \(reason)")
            return
        }
        if let i = byCanonical[TermFilter.matchKey(canonical)] {
            // A second DEA row for a substance created by an earlier row (different schedule forms).
            if entries[i].attributes["schedule"] != [substance.schedule] {
                report.skip(
                    DEAScheduleReader.relativePath, substance.line,
                    "\"\(canonical)\" \(substance.schedule) repeats a substance")
            }
            return
        }
        var codes: [LexiconCode] = []
        if !substance.acscn.isEmpty { codes.append(LexiconCode("dea", substance.acscn)) }
        var attributes = ["schedule": [substance.schedule], "schedule-source": [DEAScheduleReader.sourceName]]
        if substance.narcotic { attributes["narcotic"] = ["yes"] }
        append(
            LexiconEntry(
                kind: "substance", canonical: canonical,
                variants: acceptedVariants(substance.otherNames, report: &report), codes: codes, attributes: attributes)
        )
    }

    /// Brings the 2020-09-08 schedules up to date with the DEA actions since (the latest
    /// in-force action per substance wins): placements set `schedule=` and cite their Federal
    /// Register rule in `schedule-source=`; a removal from control drops the schedule and the
    /// DEA code from the substance and every entry sharing its DEA code (fenfluramine's 1670 also
    /// covers dexfenfluramine) and records `decontrolled=<citation>`. Returns the as-of date:
    /// the newest action date, stamped on every scheduled entry with `jurisdiction=US`; a schedule
    /// still read from the list cites the list and the actions up to that date.
    @discardableResult
    mutating func applySchedulingActions(_ actions: [DEASchedulingAction], report: inout LexiconBuildReport) -> String {
        var latest: [String: DEASchedulingAction] = [:]
        for action in actions.sorted(by: { ($0.date, $0.line) < ($1.date, $1.line) }) {
            latest[TermFilter.matchKey(action.substance)] = action
        }
        for key in latest.keys.sorted() {
            guard let action = latest[key] else { continue }
            guard let i = index(name: action.substance) else {
                report.skip(
                    DEASchedulingActionsReader.relativePath, action.line,
                    "\"\(action.substance)\" is not a drug or substance in drugs.tsv")
                continue
            }
            switch action.kind {
            case .placement(let schedule):
                entries[i].attributes["schedule"] = [schedule]
                entries[i].attributes["schedule-source"] = [action.source]
                if !action.acscn.isEmpty, entries[i].code("dea") == nil {
                    entries[i].codes.append(LexiconCode("dea", action.acscn))
                }
            case .removal:
                let dea = entries[i].code("dea")
                for j in entries.indices where j == i || (dea != nil && entries[j].code("dea") == dea) {
                    if entries[j].attributes["schedule"] == nil {
                        report.skip(
                            DEASchedulingActionsReader.relativePath, action.line,
                            "\"\(entries[j].canonical)\" had no schedule to remove")
                    }
                    for attribute in ["schedule", "schedule-source", "narcotic"] {
                        entries[j].attributes[attribute] = nil
                    }
                    entries[j].codes.removeAll { $0.system == "dea" }
                    entries[j].attributes["decontrolled"] = [action.source]
                }
            }
        }
        let asOf = actions.map(\.date).max() ?? DEAScheduleReader.listDate
        // A schedule read from the 2020 list is vouched for as of `asOf` only because the actions
        // since were applied: its citation says so, so that citation and as-of date agree.
        let listCitation = DEAScheduleReader.citation(upTo: asOf)
        for i in entries.indices where entries[i].attributes["schedule"] != nil {
            if entries[i].attributes["schedule-source"] == [DEAScheduleReader.sourceName] {
                entries[i].attributes["schedule-source"] = [listCitation]
            }
            entries[i].attributes["jurisdiction"] = ["US"]
            entries[i].attributes["schedule-as-of"] = [asOf]
        }
        return asOf
    }

    /// Adds `class=` (FDA EPC) and `moa=` (FDA MoA) attributes from substance → class links.
    mutating func applyClasses(_ links: [SubstanceClassLink]) {
        var classes: [Int: [String: Set<String>]] = [:]
        for link in links {
            let key: String
            switch link.type {
            case "EPC": key = "class"
            case "MoA": key = "moa"
            default: continue
            }
            guard
                let i = byCanonical[TermFilter.matchKey(link.substance)]
                    ?? SaltNames.stripped(TermFilter.fold(link.substance)).flatMap({
                        byCanonical[TermFilter.matchKey($0)]
                    })
            else { continue }
            classes[i, default: [:]][key, default: []].insert(link.className.lowercased())
        }
        for (i, byKey) in classes {
            for (key, values) in byKey {
                entries[i].attributes[key] = values.sorted()
            }
        }
    }

    /// Applies `CuratedTerms.everydaySubstances`; a missing vocabulary name fails the build.
    mutating func applyEverydaySubstances() throws(LexiconBuildError) {
        for (vocabularyName, canonical) in CuratedTerms.everydaySubstances {
            guard let i = byCanonical[TermFilter.matchKey(vocabularyName)] else {
                throw LexiconBuildError(
                    path: "Sources/RxFactsLexiconBuild/CuratedTerms.swift",
                    reason: "everyday substance \"\(vocabularyName)\" is not a drug built from the vocabularies")
            }
            entries[i].kind = "substance"
            if entries[i].canonical != canonical {
                entries[i].variants.append(entries[i].canonical)
                entries[i].variants.removeAll { $0 == canonical }
                byCanonical[TermFilter.matchKey(entries[i].canonical)] = nil
                entries[i].canonical = canonical
                byCanonical[TermFilter.matchKey(canonical)] = i
            }
        }
    }

    /// DrugBank lists chemical groups as drugs ("1,2-benzodiazepine" with synonym
    /// "benzodiazepine", "biguanide", "phenothiazine"). For entries without an RxNorm ingredient,
    /// forms that name a pharmacologic class are dropped, and the entry too when its own name is
    /// a class: a leaflet's "benzodiazepines" is the class, not a chemical.
    mutating func dropClassNames(_ classKeys: Set<String>, report: inout LexiconBuildReport) {
        var kept: [LexiconEntry] = []
        for var entry in entries {
            if entry.code("rxcui") == nil, entry.kind == "drug" {
                if classKeys.contains(TermFilter.matchKey(entry.canonical)) {
                    report.skip(
                        DrugBankVocabularyReader.relativePath, nil,
                        "\(entry.code("drugbank") ?? "") \"\(entry.canonical)\" names a pharmacologic class")
                    continue
                }
                let before = entry.variants.count
                entry.variants.removeAll { classKeys.contains(TermFilter.matchKey($0)) }
                for _ in entry.variants.count..<before { report.dropVariant("drugs: names a pharmacologic class") }
            }
            kept.append(entry)
        }
        self = DrugTable(filter: filter)
        for entry in kept { append(entry) }
    }

    /// Drops allergenic extracts (FDA class "… allergenic extract": 400+ pollens, animal hairs
    /// and foods whose one-word names — "rabbit", "mimosa" — match ordinary text): they stay out of
    /// a leaflet lexicon; a user who needs them adds a file. Lab analytes
    /// (`CuratedTerms.analytes`) become kind `analyte`.
    mutating func dropOutOfScope(report: inout LexiconBuildReport) {
        var kept: [LexiconEntry] = []
        for entry in entries {
            if (entry.attributes["class"] ?? []).contains(where: { $0.hasSuffix("allergenic extract") })
                || entry.canonical.contains("allergenic extract")
            {
                report.skip(
                    DrugBankVocabularyReader.relativePath, nil,
                    "\(entry.code("drugbank") ?? "") \"\(entry.canonical)\" is an allergenic extract")
                continue
            }
            kept.append(entry)
        }
        // Lab analytes: their own kind, never drugs (codes kept).
        var analyteNames: [String: [String]] = [:]
        for (canonical, variants) in CuratedTerms.analytes { analyteNames[canonical] = variants }
        for i in kept.indices where analyteNames[kept[i].canonical] != nil {
            report.skip(
                DrugBankVocabularyReader.relativePath, nil,
                "\(kept[i].code("drugbank") ?? "") \"\(kept[i].canonical)\" is a lab analyte, not a medicine")
            kept[i].kind = "analyte"
            kept[i].attributes = [:]
            kept[i].variants += analyteNames[kept[i].canonical]!.filter { !kept[i].variants.contains($0) }
            analyteNames[kept[i].canonical] = nil
        }
        for (canonical, variants) in CuratedTerms.analytes where analyteNames[canonical] != nil {
            // An analyte the vocabularies do not list: its hand-written forms, and any drug
            // variant naming it is taken from the drug ("sgpt" is no drug).
            let keys = Set(([canonical] + variants).map(TermFilter.matchKey))
            for j in kept.indices { kept[j].variants.removeAll { keys.contains(TermFilter.matchKey($0)) } }
            kept.append(
                LexiconEntry(
                    kind: "analyte", canonical: canonical, variants: variants, attributes: ["source": ["curated"]]))
        }
        self = DrugTable(filter: filter)
        for entry in kept { append(entry) }
    }

    mutating func resolveAmbiguousVariants(report: inout LexiconBuildReport) {
        VariantResolver.resolve(&entries, report: &report, label: "drugs")
        byVariant = [:]
        for (index, entry) in entries.enumerated() {
            for variant in entry.variants { byVariant[TermFilter.matchKey(variant), default: []].insert(index) }
        }
    }
}
