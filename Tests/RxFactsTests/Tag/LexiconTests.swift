import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct LexiconTests {
    @Test func parsesEntriesWithCodesAndAttributes() throws {
        let text =
            "# rxfacts-lexicon/1\ndrug\tdiazepam\tdiazepam\trxcui:3322 unii:Q3JTX2Q7TU\tschedule=CIV\nbrand\tvalium\tValium\t-\tingredient=diazepam\n"
        let lexicon = try Lexicon.parse(Array(text.utf8), path: "x.tsv")
        #expect(lexicon.entries.count == 2)
        #expect(lexicon.entries[0].code(in: "rxcui") == "3322")
        #expect(lexicon.entries[0].attributes["schedule"] == "CIV")
        #expect(lexicon.entries[1].ingredients == ["diazepam"])
    }

    @Test(arguments: [
        ("drug\tdiazepam\tdiazepam\n", 1, "expected 4 or 5"),
        ("# ok\n\nDrug\tdiazepam\tdiazepam\t-\n", 3, "kind"),
        ("drug\t \tx\t-\n", 1, "canonical"),
        ("drug\tx\tx\trxcui3322\n", 1, "system:code"),
        ("brand\tvalium\tvalium\t-\n", 1, "ingredient"),
        ("drug\tx\tx\t-\tschedule\n", 1, "key=value"),
    ])
    func badLinesNameFileAndLine(text: String, line: Int, message: String) {
        do {
            _ = try Lexicon.parse(Array(text.utf8), path: "bad.tsv")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "bad.tsv")
            #expect(error.line == line)
            #expect(error.column != nil)
            #expect(error.reason.contains(message), "\(error.reason)")
            #expect(error.description.hasPrefix("bad.tsv:\(line):"))
        }
    }

    @Test func automatonFindsLongestMultiWordTerms() throws {
        let doc = try TestSupport.analyze(
            "Diazepam relaxes skeletal muscle. It is a skeletal muscle relaxant for muscle spasms.")
        let terms = doc.terms.map { doc.string($0.range) }
        #expect(terms.contains("skeletal muscle relaxant"))
        #expect(terms.contains("muscle spasms"))
        #expect(!terms.contains("muscle"))
    }

    @Test func acronymsAreNotPlurals() throws {
        #expect(Folding.fold("AIDS") == "aids")
        #expect(Folding.fold("aids") == "aid")
        let doc = try TestSupport.analyze("Zidovudine is used for AIDS. It is no aid for sleep.")
        let conditions = doc.terms.filter {
            TestSupport.pipeline.knowledge.lexicon.entry(of: $0, kinds: ["condition"]) != nil
        }
        #expect(conditions.map { doc.string($0.range) } == ["AIDS"])
    }

    @Test func hyphensAndSpacesMatchAlike() throws {
        let doc = try TestSupport.analyze("It binds the GABA A receptor and GABA-A receptors alike.")
        let mechanisms = doc.terms.filter {
            TestSupport.pipeline.knowledge.lexicon.entry(of: $0, kinds: ["mechanism"]) != nil
        }
        #expect(mechanisms.map { doc.string($0.range) } == ["GABA A receptor", "GABA-A receptors"])
    }

    @Test func defaultLexiconFilesAllParse() throws {
        let lexicon = try Lexicon.load(contentsOf: TestSupport.path("Pipelines/lexicons/core.tsv"))
        #expect(lexicon.entries.count > 250)
        #expect(
            lexicon.entries.contains {
                $0.kind == "class" && $0.canonical == "benzodiazepine" && $0.code(in: "nui") == "N0000175694"
            })
    }
}

/// The tagger's one-walk layered scan finds exactly what a separate leftmost-longest pass per
/// layer finds (the reference semantics `PhraseAutomaton.matches(…layer:)` implements).
@Suite struct LayeredScanTests {
    @Test func layeredScanEqualsOnePassPerLayer() throws {
        let knowledge = TestSupport.pipeline.knowledge
        let doc = try TestSupport.pipeline.analyze(InputCollector.read(TestSupport.seedPath))
        for (index, sentence) in doc.sentences.enumerated() {
            let positions = sentence.tokens.filter { !PhraseAutomaton.isSkipped(doc.tokens[$0], doc.normalized) }
            var layered: [[Mention]] = Array(repeating: [], count: knowledge.phrases.layers)
            knowledge.phrases.matchLayers(tokens: doc.tokens, positions: positions, sentence: index, into: &layered)
            for layer in 0..<knowledge.phrases.layers {
                var single: [Mention] = []
                knowledge.phrases.matches(
                    tokens: doc.tokens, positions: positions, sentence: index, layer: layer, into: &single)
                #expect(layered[layer] == single, "sentence \(index), layer \(layer)")
            }
        }
        #expect(doc.terms.count > 50)
    }
}

@Suite struct DEAScheduleJoinTests {
    @Test func chemicalDescriptionsResolveToTheDrug() {
        #expect(
            DrugTable.nameBeforeParenthesis("Tramadol (2-[(dimethylamino)methyl]-1-(3-methoxyphenyl)cyclohexanol)")
                == "Tramadol")
        #expect(DrugTable.nameBeforeParenthesis("Diazepam") == nil)
        #expect(DrugTable.nameBeforeParenthesis("(R)-warfarin") == nil)
    }

    /// The committed drugs lexicon carries tramadol's DEA schedule on the drug itself, and no
    /// separate DEA "substance" named by its chemical description.
    @Test func tramadolIsOneScheduledDrug() throws {
        let lexicon = try Lexicon.load(contentsOf: TestSupport.path("Pipelines/lexicons/drugs.tsv"))
        let tramadol = lexicon.entries.filter { $0.variants.contains("tramadol") }
        #expect(tramadol.map(\.kind) == ["drug"])
        #expect(tramadol.first?.attributes["schedule"] == "CIV")
    }
}
