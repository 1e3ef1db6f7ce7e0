import RxFacts
import RxFactsDiff
/// Adapts the rxfacts pipeline to `MentionExtractor` for `rxfacts eval`.
///
/// The text is run as a plain-text leaflet named `<title>.txt`. Fact mentions are the lexicon
/// terms inside each fact's evidence whose entry is the fact's value (the evidence span itself when
/// no such term is found; negated combinations, indications and adverse effects are left out); drug mentions are every term naming a drug, brand or drug class.
/// With a gold section (SPL-ADR, LabeledIn) the text is declared as that section, and when no
/// drug is recognised the label's product (the title) is declared as its subject.
package struct PipelineMentionExtractor: MentionExtractor {
    package let pipeline: Pipeline

    package init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    /// Fact types whose negated facts are no mentions.
    static let negationExcludes: Set<FactType> = [.combination, .indication, .adverseEffect]

    package func mentions(in text: [UInt8], title: String) throws -> [ScoredMention] {
        try mentions(in: text, title: title, section: nil)
    }

    /// With a `section`, the whole text is declared as that one section (as the SPL ingester
    /// declares a label's LOINC sections), so section-limited rules apply as on a real label.
    package func mentions(in text: [UInt8], title: String, section: String?) throws -> [ScoredMention] {
        var ingested = try pipeline.ingest(SourceInput(path: "\(title).txt", bytes: text))
        if let section { ingested.sections = [SectionSpan(name: section, range: 0..<ingested.text.count)] }
        var doc = pipeline.analyze(ingested: ingested)
        if section != nil, doc.subjects.isEmpty {
            // A label section names its product in the label's metadata; when the text names no
            // drug the lexicon knows (e.g. a brand newer than the lexicon), declare the label's
            // product as an SPL does, so facts are not lost for want of a subject.
            ingested.products = [Product(name: title, ingredients: [Ingredient(name: title, unii: nil)])]
            doc = pipeline.analyze(ingested: ingested)
        }
        let lexicon = pipeline.knowledge.lexicon
        var result: [ScoredMention] = []
        var termsByStart: [(range: Range<Int>, entries: [Lexicon.Entry])] = []
        for term in doc.terms {
            let range = doc.sourceRange(term.range)
            let entries = lexicon.entries(of: term)
            termsByStart.append((range, entries))
            if let drug = lexicon.drugNames(of: term).first {
                result.append(ScoredMention(type: "drug", start: range.lowerBound, end: range.upperBound, value: drug))
            } else if let entry = lexicon.entry(of: term, kinds: ["class", "substance"]) {
                result.append(
                    ScoredMention(type: "drug", start: range.lowerBound, end: range.upperBound, value: entry.canonical))
            }
        }
        for drug in doc.drugs {
            // A negated combination ("no interaction between X and Y was observed") states that the
            // pair does not interact: it is no predicted pair.
            // Likewise a negated indication ("not indicated for the treatment of hypertension") is none.
            for fact in drug.facts
            where fact.source == "text" && !(fact.negated && Self.negationExcludes.contains(fact.type)) {
                for evidence in fact.evidence {
                    let inside = termsByStart.filter { term in
                        term.range.lowerBound >= evidence.start && term.range.upperBound <= evidence.end
                            && term.entries.contains { $0.canonical.lowercased() == fact.value.lowercased() }
                    }
                    let spans = inside.isEmpty ? [evidence.start..<evidence.end] : inside.map(\.range)
                    var subject = drug.name
                    if fact.type == .combination {
                        // A pair is two names in one sentence (DDI 2013): the name the sentence gives
                        // the drug ("Amphetamines …" in a dextroamphetamine label); none when the
                        // sentence only refers to it ("this medicine").
                        guard let named = namedSubject(doc, sourceOffset: evidence.start) else { continue }
                        subject = named
                    }
                    for span in spans {
                        result.append(
                            ScoredMention(
                                type: fact.type, start: span.lowerBound, end: span.upperBound,
                                value: fact.value, code: fact.code, subject: subject))
                    }
                }
            }
        }
        return result
    }

    /// The canonical name of the drug name in the sentence at `sourceOffset` that refers to the
    /// document's drug (its own name first, else its racemate's), if the sentence names it.
    func namedSubject(_ doc: AnalyzedDocument, sourceOffset: Int) -> String? {
        guard let s = doc.sentences.firstIndex(where: { doc.sourceRange($0.range).contains(sourceOffset) }) else {
            return nil
        }
        let named = doc.references(ofSentence: s).references.filter { $0.isDocumentDrug && !$0.names.isEmpty }
        let subjects = Set(doc.subjects.map(\.name))
        return (named.first { $0.names.contains(where: subjects.contains) } ?? named.first)?.names.first
    }
}
