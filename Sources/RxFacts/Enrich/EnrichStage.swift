/// Stage `enrich` (optional): adds to the facts layer what the lexicon knows but the text does
/// not state — see `LexiconEnricher` for what is added and how it is marked. Each drug's first
/// mention (its name, a brand, or a declared ingredient) is the evidence the lookup was made from.
package struct EnrichStage: Sendable {
    package let knowledge: Knowledge
    let enricher: LexiconEnricher

    package init(knowledge: Knowledge) {
        self.knowledge = knowledge
        enricher = LexiconEnricher(index: knowledge.lexicon)
    }

    package func process(_ doc: inout AnalyzedDocument) {
        let anchors = drugAnchors(doc)
        doc.rewriteFacts { drugs in
            enricher.enrich(&drugs, anchors: anchors)
            PipelineProvenance.qualifyLexiconFacts(&drugs, knowledge.lexiconFactQualifiers)
        }
    }

    /// Evidence of each subject drug's first mention (its name, a brand, or a declared ingredient).
    func drugAnchors(_ doc: AnalyzedDocument) -> [String: Evidence] {
        var anchors: [String: Evidence] = [:]
        let subjects = Set(doc.subjects.map(\.name))
        // The first mention of each subject: stop once every subject has one.
        for mention in doc.terms where anchors.count < subjects.count {
            for name in knowledge.lexicon.drugNames(of: mention) where subjects.contains(name) && anchors[name] == nil {
                anchors[name] = doc.evidence(
                    for: mention.range, section: doc.sections[doc.sentences[mention.sentence].section].name)
            }
        }
        for product in doc.ingested.products {
            for ingredient in product.ingredients {
                guard let provenance = ingredient.provenance else { continue }
                for subject in doc.subjects
                where anchors[subject.name] == nil && subject.name == ingredient.name.lowercased() {
                    let text = String(decoding: doc.ingested.source[provenance.range], as: UTF8.self)
                    anchors[subject.name] = Evidence(
                        section: "spl-metadata", start: provenance.range.lowerBound, end: provenance.range.upperBound,
                        text: text,
                        path: provenance.path)
                }
            }
        }
        return anchors
    }
}

extension EnrichStage: Stage {}
