import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsLexiconBuild

/// Lexicon hygiene rules, checked on the committed lexicons and through the default pipeline:
/// common words are never medicines, lab analytes are their own kind, one concept has one name,
/// wrong mappings stay fixed, spellings and lost apostrophes fold in matching.
@Suite struct LexiconHygieneTests {
    static var knowledge: LexiconIndex { TestSupport.pipeline.knowledge.lexicon }

    /// Canonical names of the entries of `kinds` that text `phrase` matches as a whole.
    static func names(_ phrase: String, in text: String? = nil, kinds: [String]) throws -> [String] {
        let doc = try TestSupport.analyze(text ?? "It was \(phrase) then.")
        return doc.terms.filter { doc.string($0.range).lowercased() == phrase.lowercased() }
            .compactMap { knowledge.entry(of: $0, kinds: kinds)?.canonical }
    }

    @Test(
        "common English words are never drugs, brands or substances",
        arguments: [
            "monitor", "duration", "perform", "today", "select", "align", "speed", "tomorrow", "revolution", "precise",
        ])
    func commonWordIsNoMedicine(word: String) throws {
        let medicines = Self.knowledge.lexicon.entries.filter {
            ["drug", "brand", "substance"].contains($0.kind)
                && $0.variants.contains { TermFilter.matchKey($0) == TermFilter.matchKey(word) }
        }
        #expect(medicines.isEmpty, "\(word): \(medicines.map { "\($0.kind) \($0.canonical) (\($0.origin))" })")
        let doc = try TestSupport.analyze("Your doctor will \(word) it.")
        #expect(doc.terms.allSatisfy { Self.knowledge.entry(of: $0, kinds: ["drug", "brand", "substance"]) == nil })
    }

    @Test(
        "lab analytes are analytes, never drugs",
        arguments: [
            ("alanine", "alanine"), ("creatinine", "creatinine"), ("haemoglobin", "hemoglobin"),
            ("hemoglobin", "hemoglobin"),
            ("cholesterol", "cholesterol"), ("ALT", "alanine aminotransferase"), ("bilirubin", "bilirubin"),
        ])
    func analyte(text: String, canonical: String) throws {
        let doc = try TestSupport.analyze("Your doctor will check your \(text) level.")
        let term = try #require(doc.terms.first { doc.string($0.range) == text })
        #expect(Self.knowledge.entry(of: term, kinds: ["analyte"])?.canonical == canonical)
        #expect(Self.knowledge.entry(of: term, kinds: ["drug", "brand", "substance"]) == nil)
    }

    @Test(
        "synonyms of one concept share one name",
        arguments: [
            ("amnesia", "memory loss"), ("memory loss", "memory loss"), ("loss of memory", "memory loss"),
            ("memory impairment", "memory loss"), ("forgetfulness", "memory loss"),
            ("dyspnoea", "shortness of breath"), ("dyspnea", "shortness of breath"),
            ("difficulty breathing", "shortness of breath"),
            ("breathlessness", "shortness of breath"), ("feeling sick", "nausea"), ("nausea", "nausea"),
        ])
    func oneConceptOneName(phrase: String, canonical: String) throws {
        #expect(try Self.names(phrase, kinds: ["effect"]) == [canonical])
    }

    /// "Difficulty breathing" is dyspnoea, never respiratory depression (slow, shallow breathing).
    @Test func difficultyBreathingIsNotRespiratoryDepression() throws {
        for entry in Self.knowledge.lexicon.entries where entry.canonical == "respiratory depression" {
            #expect(
                !entry.variants.contains {
                    ["difficulty breathing", "breathing difficulties", "breathing problems"].contains($0)
                }, "\(entry.origin)")
        }
        #expect(try Self.names("slow breathing", kinds: ["effect"]) == ["respiratory depression"])
    }

    /// A term that is both a disease and an effect has both kinds; the rules choose by section.
    @Test("disease and effect at once", arguments: ["hypertension", "pancreatitis", "anaemia", "seizure"])
    func bothKinds(phrase: String) throws {
        #expect(try Self.names(phrase, kinds: ["condition"]).count == 1, "\(phrase) as condition")
        #expect(try Self.names(phrase, kinds: ["effect"]).count == 1, "\(phrase) as effect")
    }

    @Test(
        "US/UK spellings fold in matching",
        arguments: [
            ("oedema", "effect"), ("haemorrhage", "effect"), ("diarrhoea", "effect"), ("anaemia", "condition"),
            ("oestrogens", "class"), ("leukaemia", "condition"), ("tumour", "effect"),
        ])
    func spelling(phrase: String, kind: String) throws {
        #expect(try Self.names(phrase, kinds: [kind]).count == 1, "\(phrase) as \(kind)")
    }

    @Test(
        "an apostrophe lost in extraction still matches",
        arguments: [
            ("Parkinson s disease", "parkinson's disease"), ("Tourette s disorder", "gilles de la tourette syndrome"),
            ("Alzheimer s disease", "alzheimer's disease"),
        ])
    func lostApostrophe(text: String, canonical: String) throws {
        let doc = try TestSupport.analyze("It treats \(text) in adults.")
        let names = doc.terms.compactMap { Self.knowledge.entry(of: $0, kinds: ["condition"])?.canonical }
        #expect(names.contains(canonical), "\(names)")
    }

    @Test func loneFinalSIsAWord() {
        var tokens: [Token] = []
        let text = Array("Parkinson s disease and protein S".utf8)
        Tokenizer.scan(text, 0..<text.count, into: &tokens)
        #expect(tokens.map(\.kind) == [.word, .clitic, .word, .word, .word, .word])
    }

    /// Conditions leaflets name that the issue found missing.
    @Test(
        "conditions leaflets name",
        arguments: [
            ("benign prostatic hyperplasia", "benign prostatic hyperplasia"),
            ("Tourette's disorder", "gilles de la tourette syndrome"),
        ])
    func condition(text: String, canonical: String) throws {
        #expect(try Self.names(text, kinds: ["condition"]) == [canonical])
    }

    /// UK "sulph-" spellings of drug-class words fold to the US spelling (core.tsv spelling rules).
    @Test("UK sulph- spellings", arguments: [("sulphonamides", "sulfonamide"), ("sulphonylurea", "sulfonylurea")])
    func ukSulphSpellings(text: String, canonical: String) throws {
        #expect(try Self.names(text, kinds: ["class"]) == [canonical])
    }

    @Test func symptomsCarryCodesAndSources() throws {
        let lexicon = try Lexicon.load(contentsOf: TestSupport.path("Pipelines/lexicons/symptoms.tsv"))
        let headache = try #require(lexicon.entries.first { $0.canonical == "headache" })
        #expect(headache.code(in: "hp") == "HP:0002315")
        #expect(headache.code(in: "mesh") == "D006261")
        #expect(headache.code(in: "umls") == "C0018681")
        #expect(headache.attributes["vocab"] == "ctcae|hpo|mesh|symp")
        // HPO asks for its version to be shown with its terms.
        let text = try String(contentsOfFile: TestSupport.path("Pipelines/lexicons/symptoms.tsv"), encoding: .utf8)
        #expect(text.contains("HPO release 2025-01-16"))
        #expect(text.contains("MeSH 2024"))
    }

    @Test func abbreviationsNameTheirConceptsAndSkipEnglishWords() throws {
        let lexicon = try Lexicon.load(contentsOf: TestSupport.path("Pipelines/lexicons/abbreviations.tsv"))
        let htn = try #require(lexicon.entries.first { $0.canonical == "htn" })
        #expect(htn.kind == "abbreviation")
        #expect(htn.attributes["target"]?.split(separator: "|").contains("condition:hypertension") == true)
        #expect(htn.attributes["case"] == "exact")
        // Ambiguous short forms name their senses but no target: the context decides.
        let pd = try #require(lexicon.entries.first { $0.canonical == "pd" })
        #expect(pd.attributes["target"] == nil)
        #expect(pd.attributes["expands"]?.contains("parkinson's disease") == true)
        for word in ["as", "it", "all", "us", "may"] {
            #expect(!lexicon.entries.contains { $0.canonical == word }, "\(word)")
        }
    }

    @Test func spellingRulesAreSpellings() throws {
        let rules = try Lexicon.load(contentsOf: TestSupport.path("Pipelines/lexicons/spellings.tsv")).spellings
        #expect(rules["oestrogen"] == ["estrogen"])
        #expect(rules["anaemia"] == ["anemia"])
        // Latin plurals, short words and UK forms that are other American words are no spellings.
        for word in ["areolae", "compositae", "acre", "acer", "tyre"] { #expect(rules[word] == nil, "\(word)") }
    }

    @Test func spellingRulesAreNotConcepts() throws {
        let text = "# rxfacts-lexicon/1\nspelling\tanemia\tanaemia\t-\n"
        let rules = try Lexicon.parse(Array(text.utf8), path: "s.tsv")
        #expect(rules.entries.isEmpty)
        #expect(rules.spellings["anemia"] == ["anaemia"])
        #expect(rules.spellings["anaemia"] == ["anemia"])
        var lexicon = Lexicon()
        lexicon.append(contentsOf: rules)
        lexicon.append(
            contentsOf: try Lexicon.parse(Array("condition\tiron deficiency anemia\t\t-\n".utf8), path: "c.tsv"))
        #expect(lexicon.entries[0].variants == ["iron deficiency anemia", "iron deficiency anaemia"])
    }
}
