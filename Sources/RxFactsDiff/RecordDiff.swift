import RxFacts
/// Compares actual records against reference records and scores the facts.
///
/// Records are matched by `document.id`, drugs by canonical `name`, facts by `Fact.key`
/// (type, value, negated), plus `hedged` and `qualifiers` when `DiffOptions` asks. A fact in the
/// reference only is a false negative (missing), in actual only a false positive (extra).
package enum RecordDiff {
    struct Identity: Hashable, Comparable {
        var document: String
        var drug: String
        var key: FactKey
        var hedged: Bool?
        var qualifiers: String?

        static func < (a: Identity, b: Identity) -> Bool {
            if a.document != b.document { return a.document < b.document }
            if a.drug != b.drug { return a.drug < b.drug }
            if a.key != b.key { return a.key < b.key }
            if a.hedged != b.hedged { return a.hedged == false }
            return (a.qualifiers ?? "") < (b.qualifiers ?? "")
        }
    }

    /// With `concepts`, fact values match by the lexicon concept they name (`ConceptNames`), not by spelling.
    package static func compare(
        reference: [Record], actual: [Record], options: DiffOptions = DiffOptions(), concepts: ConceptNames? = nil
    ) -> DiffReport {
        func identity(_ document: String, _ drug: String, _ fact: Fact) -> Identity {
            var key = fact.key
            var drug = drug
            if let concepts {
                key.value = concepts.canonical(fact.value, type: fact.type)
                drug = concepts.drugName(drug)
            }
            return Identity(
                document: document, drug: drug, key: key,
                hedged: options.matchHedged ? fact.hedged : nil,
                qualifiers: options.matchQualifiers ? QualifierText.render(fact.qualifiers) : nil)
        }
        func index(_ records: [Record]) -> [Identity: [Fact]] {
            var result: [Identity: [Fact]] = [:]
            for record in records {
                for drug in record.drugs {
                    for fact in drug.facts where options.scores(fact) {
                        result[identity(record.document.id, drug.name, fact), default: []].append(fact)
                    }
                }
            }
            return result
        }
        let referenceFacts = index(reference)
        let actualFacts = index(actual)

        var perDocument: [String: Score] = [:]
        var perTypeDocument: [FactType: [String: Score]] = [:]
        var missing: [FactDifference] = []
        var extra: [FactDifference] = []
        var attributeDifferences: [AttributeDifference] = []

        for document in Set(reference.map(\.document.id)).union(actual.map(\.document.id)) {
            perDocument[document] = Score()
        }
        for id in Set(referenceFacts.keys).union(actualFacts.keys).sorted() {
            let expected = referenceFacts[id] ?? []
            let found = actualFacts[id] ?? []
            let matched = min(expected.count, found.count)
            let score = Score(
                truePositives: matched, falsePositives: found.count - matched,
                falseNegatives: expected.count - matched)
            perDocument[id.document, default: Score()] += score
            perTypeDocument[id.key.type, default: [:]][id.document, default: Score()] += score
            for fact in expected.dropFirst(matched) {
                missing.append(FactDifference(document: id.document, drug: id.drug, fact: fact))
            }
            for fact in found.dropFirst(matched) {
                extra.append(FactDifference(document: id.document, drug: id.drug, fact: fact))
            }
            for (r, a) in zip(expected.prefix(matched), found.prefix(matched)) {
                var attributes: [String] = []
                if !options.matchHedged && r.hedged != a.hedged { attributes.append("hedged") }
                if !options.matchQualifiers
                    && QualifierText.normalized(r.qualifiers) != QualifierText.normalized(a.qualifiers)
                {
                    attributes.append("qualifiers")
                }
                if !attributes.isEmpty {
                    attributeDifferences.append(
                        AttributeDifference(
                            document: id.document, drug: id.drug, type: id.key.type, value: id.key.value,
                            negated: id.key.negated, attributes: attributes,
                            reference: FactSnapshot(r), actual: FactSnapshot(a)))
                }
            }
        }

        let types = perTypeDocument.keys.sorted().map { type in
            let documents = perTypeDocument[type]!
            return DiffReport.TypeScore(
                type: type,
                micro: documents.values.reduce(Score(), +),
                macro: MacroScore(documents.keys.sorted().map { documents[$0]! }))
        }
        return DiffReport(
            options: options,
            coverage: coverage(reference: reference, actual: actual),
            overall: perDocument.values.reduce(Score(), +),
            macro: MacroScore(perDocument.keys.sorted().map { perDocument[$0]! }),
            types: types,
            missing: missing.sorted(),
            extra: extra.sorted(),
            attributeDifferences: attributeDifferences.sorted())
    }

    static func coverage(reference: [Record], actual: [Record]) -> DiffReport.Coverage {
        let referenceIDs = Set(reference.map(\.document.id))
        let actualIDs = Set(actual.map(\.document.id))
        func drugs(_ records: [Record]) -> Set<String> {
            Set(records.flatMap { record in record.drugs.map { "\(record.document.id)/\($0.name)" } })
        }
        let both = referenceIDs.intersection(actualIDs)
        let referenceDrugs = drugs(reference.filter { both.contains($0.document.id) })
        let actualDrugs = drugs(actual.filter { both.contains($0.document.id) })
        return DiffReport.Coverage(
            referenceDocuments: referenceIDs.count,
            actualDocuments: actualIDs.count,
            matchedDocuments: both.count,
            onlyInReference: referenceIDs.subtracting(actualIDs).sorted(),
            onlyInActual: actualIDs.subtracting(referenceIDs).sorted(),
            drugsOnlyInReference: referenceDrugs.subtracting(actualDrugs).sorted(),
            drugsOnlyInActual: actualDrugs.subtracting(referenceDrugs).sorted())
    }
}
