import Foundation
import Testing
import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Tests of the lexicon build (`Sources/RxFacts/LexiconBuild`) and of the committed lexicon files.
@Suite struct LexiconBuildTests {
    static let root = TestSupport.root
    static let lexicons = root.appendingPathComponent("Pipelines/lexicons").path
    static let fixtureVocab = TestSupport.path("Tests/RxFactsTests/Fixtures/lexicon/vocab")
    /// The data bundle on the development machine; absent elsewhere, so tests that need it are skipped.
    static let sharedVocab = root.deletingLastPathComponent().appendingPathComponent("shared/data/vocab").path
    static let lexiconFiles = [
        "drugs.tsv", "brands.tsv", "classes.tsv", "conditions.tsv", "symptoms.tsv", "schedules.tsv", "effects.tsv",
        "core.tsv",
        "abbreviations.tsv",
    ]

    /// Committed files parsed once per test run (a parse failure shows in `committedLexiconParses`).
    static let parsed: [String: [LexiconEntry]] = {
        var result: [String: [LexiconEntry]] = [:]
        for file in lexiconFiles { result[file] = (try? LexiconFileParser().parse(path: lexicons + "/" + file)) ?? [] }
        return result
    }()

    static func committed(_ file: String) throws -> [LexiconEntry] {
        parsed[file] ?? []
    }

    static func entry(_ file: String, kind: String, _ canonical: String) throws -> LexiconEntry? {
        try committed(file).first { $0.kind == kind && $0.canonical == canonical }
    }

    // MARK: committed files

    @Test("every line of every committed lexicon parses", arguments: lexiconFiles)
    func committedLexiconParses(file: String) throws {
        let path = Self.lexicons + "/" + file
        let entries = try LexiconFileParser().parse(path: path)
        #expect(!entries.isEmpty)
        // The pipeline's own loader accepts the same file and sees the same entries.
        let loaded = try Lexicon.load(contentsOf: path)
        #expect(loaded.entries.count == entries.count)
    }

    @Test(
        "brand names resolve to ingredients",
        arguments: [
            ("valium", ["diazepam"]), ("xanax", ["alprazolam"]), ("percocet", ["acetaminophen", "oxycodone"]),
            ("lyrica", ["pregabalin"]), ("lipitor", ["atorvastatin"]),
        ])
    func brandToIngredient(brand: String, ingredients: [String]) throws {
        let entry = try #require(try Self.entry("brands.tsv", kind: "brand", brand))
        #expect(entry.attributes["ingredient"] == ingredients)
        #expect(entry.code("rxcui") != nil)
        let drugs = try Self.committed("drugs.tsv")
        for ingredient in ingredients {
            #expect(drugs.contains { $0.canonical == ingredient }, "ingredient \(ingredient) of \(brand) is a drug")
        }
    }

    @Test(
        "DEA schedules are attached to drugs",
        arguments: [
            ("diazepam", "CIV"), ("oxycodone", "CII"), ("alprazolam", "CIV"), ("pregabalin", "CV"),
            ("fentanyl", "CII"), ("ketamine", "CIII"), ("zolpidem", "CIV"), ("lacosamide", "CV"),
        ])
    func scheduleLookup(drug: String, schedule: String) throws {
        let entry = try #require(try Self.entry("drugs.tsv", kind: "drug", drug))
        #expect(entry.attributes["schedule"] == [schedule])
        #expect(entry.code("dea") != nil)
    }

    /// The 2020-09-08 list brought up to date with the DEA actions since (Federal Register).
    @Test(
        "schedules are as of now",
        arguments: [
            ("daridorexant", "CIV"), ("remimazolam", "CIV"), ("oliceridine", "CII"), ("serdexmethylphenidate", "CIV"),
            ("ganaxolone", "CV"), ("zuranolone", "CIV"), ("cenobamate", "CV"), ("lasmiditan", "CV"),
            ("lemborexant", "CIV"), ("brexanolone", "CIV"),
        ])
    func currentSchedule(drug: String, schedule: String) throws {
        let entry = try #require(try Self.entry("drugs.tsv", kind: "drug", drug))
        #expect(entry.attributes["schedule"] == [schedule])
        #expect(entry.attributes["jurisdiction"] == ["US"])
        #expect(entry.attributes["schedule-as-of"] == ["2024-09-13"])
        #expect(entry.attributes["schedule-source"]?.first?.contains("FR") == true, "\(entry.attributes)")
    }

    @Test("decontrolled drugs have no schedule", arguments: ["fenfluramine", "dexfenfluramine", "samidorphan"])
    func decontrolled(drug: String) throws {
        let entry = try #require(try Self.entry("drugs.tsv", kind: "drug", drug))
        #expect(entry.attributes["schedule"] == nil)
        #expect(entry.code("dea") == nil)
        #expect(entry.attributes["decontrolled"]?.first?.contains("FR") == true)
    }

    /// Marijuana's move to schedule III is only proposed: not in force.
    @Test func proposedRulesAreNotInForce() throws {
        let entries = try Self.committed("drugs.tsv").filter { $0.variants.contains("marijuana") }
        #expect(entries.map(\.canonical) == ["medical cannabis"])
        #expect(entries.map { $0.attributes["schedule"] } == [["CI"]])
    }

    /// Every schedule says where it was read, whose law it is and as of when; the hand-written
    /// core lexicon carries none (it would win over the cited one).
    @Test func everyScheduleCitesItsSource() throws {
        for file in Self.lexiconFiles {
            for entry in try Self.committed(file) where entry.attributes["schedule"] != nil {
                #expect(file == "drugs.tsv", "\(file): \(entry.canonical) has a schedule")
                #expect(entry.attributes["schedule-source"] != nil, "\(entry.canonical)")
                #expect(entry.attributes["jurisdiction"] == ["US"], "\(entry.canonical)")
                #expect(entry.attributes["schedule-as-of"] != nil, "\(entry.canonical)")
            }
        }
    }

    /// A schedule's as-of date and its citation agree (issue 13): no citation is dated after the
    /// as-of date, and a schedule still read from the 2020 list cites the scheduling actions up to
    /// that date, not the list alone (which would make it a 2020-09-08 fact). The date is the one
    /// `releases.yaml` gives the DEA vocabulary.
    @Test func everyScheduleCitationAgreesWithItsAsOfDate() throws {
        let manifest = try String(contentsOfFile: Self.lexicons + "/releases.yaml", encoding: .utf8)
        #expect(manifest.contains("dea-controlled-substances:\n    release: \"2024-09-13\""))
        var scheduled = 0
        for entry in try Self.committed("drugs.tsv") where entry.attributes["schedule"] != nil {
            scheduled += 1
            let asOf = try #require(entry.attributes["schedule-as-of"]?.first)
            let citation = try #require(entry.attributes["schedule-source"]?.first)
            #expect(asOf == "2024-09-13", "\(entry.canonical)")
            let dates = citation.split(whereSeparator: { !$0.isNumber && $0 != "-" }).map(String.init).filter {
                $0.count == 10 && $0.split(separator: "-").map(\.count) == [4, 2, 2]
            }
            #expect(!dates.isEmpty, "\(entry.canonical): '\(citation)' names no date")
            #expect(dates.allSatisfy { $0 <= asOf }, "\(entry.canonical): '\(citation)' is dated after \(asOf)")
            if citation.hasPrefix(DEAScheduleReader.sourceName) {
                #expect(citation == DEAScheduleReader.citation(upTo: asOf), "\(entry.canonical): '\(citation)'")
                #expect(dates.last == asOf, "\(entry.canonical): '\(citation)'")
            }
        }
        #expect(scheduled > 400)
        #expect(DEAScheduleReader.citation(upTo: DEAScheduleReader.listDate) == DEAScheduleReader.sourceName)
    }

    /// A source row with very many synonyms (issue 13, defect 7): 100,000 candidates, each twice,
    /// are de-duplicated in one pass and keep their first-seen order.
    @Test func aRowWithVeryManySynonymsIsDeduplicatedInOnePass() {
        // "Synonym baaa", "Synonym caaa", …: letters only (three digits would make it a code).
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let forms = (0..<100_000).map { n in
            "Synonym " + String((0..<4).map { letters[n / [1, 26, 676, 17_576][$0] % 26] })
        }
        var report = LexiconBuildReport()
        let accepted = DrugTable(filter: TermFilter()).acceptedVariants(
            forms + forms.reversed() + ["  SYNONYM BAAA "], report: &report)
        #expect(accepted.count == forms.count)
        #expect(accepted.first == forms.first?.lowercased() && accepted.last == forms.last?.lowercased())
        #expect(report.droppedVariants.isEmpty)
    }

    /// One drug per active moiety, named by RxNorm: the acid and its anion/salt forms and the
    /// INN spelling are variants of one entry.
    @Test(
        "salt and acid forms are one drug",
        arguments: [
            ("ethacrynic acid", ["ethacrynate", "etacrynic acid"], "4109"),
            ("valproic acid", ["valproate"], "11118"),
            ("alendronate", ["alendronic acid"], "46041"),
        ])
    func oneDrugPerMoiety(canonical: String, variants: [String], rxcui: String) throws {
        let drugs = try Self.committed("drugs.tsv")
        let entry = try #require(drugs.first { $0.kind == "drug" && $0.canonical == canonical })
        #expect(entry.code("rxcui") == rxcui)
        for variant in variants {
            #expect(entry.variants.contains(variant))
            #expect(!drugs.contains { $0.canonical == variant }, "\(variant) is a drug of its own")
        }
    }

    @Test func edecrinBrandsNameOneDrug() throws {
        #expect(try Self.entry("brands.tsv", kind: "brand", "edecrin")?.attributes["ingredient"] == ["ethacrynic acid"])
        #expect(
            try Self.entry("brands.tsv", kind: "brand", "edecrin sodium")?.attributes["ingredient"] == [
                "ethacrynic acid"
            ])
    }

    @Test(
        "acid, anion and spelling variants of one moiety",
        arguments: [
            ("ethacrynic acid", "ethacrynate", true), ("etacrynic acid", "ethacrynic acid", true),
            ("valproate", "valproic acid", true), ("thioguanine", "tioguanine", true),
            ("iron sucrose", "sucroferric oxyhydroxide", false), ("azilsartan", "azilsartan medoxomil", false),
            ("follitropin alfa", "follitropin beta", false), ("diphenoxylate", "difenoxin", false),
            ("fenofibrate", "fenoterol", false),
        ])
    func sameMoiety(a: String, b: String, same: Bool) {
        #expect(DrugTable.sameMoiety(a, b) == same)
    }

    @Test func unscheduledDrugHasNoSchedule() throws {
        let entry = try #require(try Self.entry("drugs.tsv", kind: "drug", "ibuprofen"))
        #expect(entry.attributes["schedule"] == nil)
    }

    @Test func drugCarriesCodesAndClass() throws {
        let diazepam = try #require(try Self.entry("drugs.tsv", kind: "drug", "diazepam"))
        #expect(diazepam.code("rxcui") == "3322")
        #expect(diazepam.code("unii") == "Q3JTX2Q7TU")
        #expect(diazepam.code("drugbank") == "DB00829")
        #expect(diazepam.attributes["class"] == ["benzodiazepine"])
    }

    @Test func schedulePhrasesMapToDEANotation() throws {
        let schedules = try Self.committed("schedules.tsv")
        let civ = try #require(schedules.first { $0.canonical == "CIV" })
        #expect(civ.variants.contains("schedule iv"))
        #expect(civ.variants.contains("schedule 4"))
        #expect(civ.variants.contains("c-iv"))
        #expect(civ.attributes["spl-code"] == ["C48677"])
        // "CV" and "CI" also mean cardiovascular and confidence interval: no bare variants.
        #expect(!(schedules.first { $0.canonical == "CV" }?.variants.contains("cv") ?? true))
    }

    @Test func classHasEPCCodeAndPlural() throws {
        let benzodiazepine = try #require(try Self.entry("classes.tsv", kind: "class", "benzodiazepine"))
        #expect(benzodiazepine.code("nui") == "N0000175694")
        #expect(benzodiazepine.attributes["type"] == ["EPC"])
        #expect(benzodiazepine.variants.contains("benzodiazepines"))
        let nsaid = try #require(try Self.entry("classes.tsv", kind: "class", "nonsteroidal anti-inflammatory drug"))
        #expect(nsaid.code("nui") == "N0000175722")
        #expect(nsaid.variants.contains("nsaids"))
        let ssri = try #require(try Self.entry("classes.tsv", kind: "class", "serotonin reuptake inhibitor"))
        #expect(ssri.variants.contains("ssris"))
    }

    @Test(
        "conditions carry DOID and ICD-10-CM codes",
        arguments: [
            ("generalized anxiety disorder", "DOID:14320", "F41.1"),
            ("schizophrenia", "DOID:5419", "F20"),
            ("epilepsy", "DOID:1826", "G40.909"),
        ])
    func conditionCodes(condition: String, doid: String, icd: String) throws {
        let entry = try #require(try Self.entry("conditions.tsv", kind: "condition", condition))
        #expect(entry.code("doid") == doid)
        #expect(entry.code("icd10cm") == icd)
    }

    @Test func conditionsHaveNoShortOrCommonWordVariants() throws {
        for entry in try Self.committed("conditions.tsv") where entry.attributes["source"] == nil {
            for variant in entry.variants {
                #expect(variant.unicodeScalars.count >= 4, "\(entry.canonical): \(variant)")
                #expect(!CommonWords.contains(TermFilter.fold(variant)), "\(entry.canonical): \(variant)")
            }
        }
    }

    @Test func interactionsFileIsWellFormed() throws {
        let text = try String(contentsOfFile: Self.lexicons + "/interactions.tsv", encoding: .utf8)
        let names = Set(try Self.committed("drugs.tsv").map(\.canonical))
        var count = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 5, "\(line)")
            guard fields.count == 5 else { continue }
            #expect(fields[0] < fields[1])
            #expect(names.contains(fields[0]) && names.contains(fields[1]), "\(line)")
            #expect(["critical", "high", "significant", "low"].contains(fields[2]))
            #expect(["onc-high-priority", "ndfrt-va", "onc-non-interruptive"].contains(fields[3]))
            count += 1
        }
        #expect(count > 1000)
    }

    // MARK: parser errors

    @Test(
        "bad lexicon lines are errors naming file, line and column",
        arguments: [
            ("drug\tdiazepam\tdiazepam", 1, "expected 4 or 5"),
            ("Drug\tdiazepam\tdiazepam\t-", 1, "kind"),
            ("drug\t \tdiazepam\t-", 6, "canonical name is empty"),
            ("drug\tdiazepam\tdiazepam\trxcui3322", 24, "system:code"),
            ("brand\tvalium\tvalium\t-\tschedule=CIV", 23, "ingredient="),
            ("drug\tdiazepam\tdiazepam\t-\tschedule", 26, "key=value"),
        ])
    func badLines(line: String, column: Int, message: String) {
        let text = "# rxfacts-lexicon/1\n" + line + "\n"
        #expect {
            try LexiconFileParser().parse(text: text, path: "user.tsv")
        } throws: { error in
            guard let error = error as? LexiconBuildError else { return false }
            return error.path == "user.tsv" && error.line == 2 && error.column == column
                && error.reason.contains(message)
        }
    }

    @Test func entryRendersDeterministically() throws {
        let entry = LexiconEntry(
            kind: "drug", canonical: "diazepam", variants: ["valium-free", "diazepam", "b-name"],
            codes: [LexiconCode("unii", "Q3JTX2Q7TU"), LexiconCode("rxcui", "3322")],
            attributes: ["schedule": ["CIV"], "class": ["benzodiazepine"]])
        #expect(
            entry.line
                == "drug\tdiazepam\tdiazepam|b-name|valium-free\trxcui:3322 unii:Q3JTX2Q7TU\tclass=benzodiazepine;schedule=CIV"
        )
        let parsed = try LexiconFileParser().parseLine(entry.line, path: "x", line: 1)
        #expect(parsed.line == entry.line)
    }

    // MARK: building from the fixture vocabulary (no ../shared needed)

    @Test func buildFromFixtureVocabulary() throws {
        let (files, report) = try LexiconBuilder().build(vocab: Self.fixtureVocab)
        #expect(Set(files.keys) == Set(LexiconBuilder.outputFiles))
        let drugs = try LexiconFileParser().parse(text: files["drugs.tsv"]!, path: "drugs.tsv")
        let diazepam = try #require(drugs.first { $0.canonical == "diazepam" })
        #expect(diazepam.attributes["schedule"] == ["CIV"])
        #expect(diazepam.code("rxcui") == "3322")
        #expect(diazepam.code("drugbank") == "DB00829")
        // Everyday substances keep their codes under the everyday name.
        let alcohol = try #require(drugs.first { $0.canonical == "alcohol" })
        #expect(alcohol.kind == "substance")
        #expect(alcohol.variants.contains("ethanol"))
        // DEA substances with no drug entry become scheduled substances.
        let heroin = try #require(drugs.first { $0.canonical == "heroin" })
        #expect(heroin.attributes["schedule"] == ["CI"])
        let brands = try LexiconFileParser().parse(text: files["brands.tsv"]!, path: "brands.tsv")
        #expect(brands.first { $0.canonical == "valium" }?.attributes["ingredient"] == ["diazepam"])
        // DEA brand names with no RxNorm brand are kept, marked with their source.
        #expect(brands.first { $0.canonical == "diastat" }?.attributes["source"] == ["dea"])
        // The product-level DEA row is reported, not silently dropped.
        #expect(report.skipped.contains { $0.reason.contains("product-level") })
        let conditions = try LexiconFileParser().parse(text: files["conditions.tsv"]!, path: "conditions.tsv")
        let gad = try #require(conditions.first { $0.canonical == "generalized anxiety disorder" })
        #expect(gad.code("icd10cm") == "F41.1")
        #expect(files["interactions.tsv"]!.contains("clarithromycin\toxycodone\tcritical\tndfrt-va"))
        // DEA actions since the 2020 list: a placement, a removal (with the isomer sharing its
        // DEA code), a proposal that is not in force.
        let daridorexant = try #require(drugs.first { $0.canonical == "daridorexant" })
        #expect(daridorexant.attributes["schedule"] == ["CIV"])
        #expect(daridorexant.attributes["schedule-source"] == ["87 FR 59296 (2022-09-30)"])
        for name in ["fenfluramine", "dexfenfluramine"] {
            let entry = try #require(drugs.first { $0.canonical == name })
            #expect(entry.attributes["schedule"] == nil, "\(name)")
        }
        #expect(report.skipped.contains { $0.reason.contains("marijuana") && $0.reason.contains("not in force") })
        // The RxNorm 2014 name of the acid names the drug its salt's RxNorm ingredient joined.
        let ethacrynic = try #require(drugs.first { $0.canonical == "ethacrynic acid" })
        #expect(ethacrynic.variants.contains("ethacrynate"))
        #expect(!drugs.contains { $0.canonical == "etacrynic acid" || $0.canonical == "ethacrynate" })
    }

    @Test func fixtureBuildIsDeterministic() throws {
        let first = try LexiconBuilder().build(vocab: Self.fixtureVocab).files
        let second = try LexiconBuilder().build(vocab: Self.fixtureVocab).files
        #expect(first == second)
    }

    @Test func missingVocabularyIsAnErrorNamingTheFile() {
        #expect {
            try LexiconBuilder().build(vocab: "/nonexistent-vocab")
        } throws: { error in
            (error as? LexiconBuildError)?.path.hasPrefix("/nonexistent-vocab/") == true
        }
    }

    // MARK: full build (needs the data bundle; skipped without ../shared)

    /// Rebuilds from ../shared/data/vocab twice into temporary directories: the two builds and the
    /// committed files must be byte-identical. Skipped on machines without the data bundle.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedVocab + "/MANIFEST.upstream.md")))
    func fullBuildIsReproducible() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-lexicon-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        let a = temp.appendingPathComponent("a").path
        let b = temp.appendingPathComponent("b").path
        // symptoms.tsv adopts the effect names of the hand-written lexicons beside it.
        var builder = LexiconBuilder()
        builder.curatedDirectory = Self.lexicons
        _ = try builder.write(vocab: Self.sharedVocab, out: a)
        _ = try builder.write(vocab: Self.sharedVocab, out: b)
        for file in LexiconBuilder.outputFiles {
            let first = try Data(contentsOf: URL(fileURLWithPath: a + "/" + file))
            let second = try Data(contentsOf: URL(fileURLWithPath: b + "/" + file))
            let committed = try Data(contentsOf: URL(fileURLWithPath: Self.lexicons + "/" + file))
            #expect(first == second, "\(file) differs between two builds")
            #expect(first == committed, "\(file) differs from the committed file: rerun rxfacts lexicon build")
        }
    }

    /// A synonym a vocabulary lists that labels use for something else never becomes a variant:
    /// "adequate analgesia" is no pain agnosia.
    @Test func misleadingSynonymsAreDropped() {
        #expect(TermFilter().rejection("analgesia") != nil)
        #expect(TermFilter().rejection("pain agnosia") == nil)
    }
}
