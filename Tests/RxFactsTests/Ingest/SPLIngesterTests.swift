import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild
import RxXML

/// Expected values read by hand from the files in Corpus/spl (setId, versionNumber,
/// effectiveTime, document code, title start, number of sections, active ingredients).
struct SPLExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var setId: String
    var version: String
    var effectiveTime: String
    var documentType: String
    var titlePrefix: String
    var sectionCount: Int
    var topLevelCount: Int
    var ingredients: [String: String]  // name → UNII
    var testDescription: String { file }
}

@Suite struct SPLIngesterTests {
    static let expectations: [SPLExpectation] = [
        .init(
            file: "369f6e89-c1f9-4efe-e063-6394a90a920d.xml", setId: "369f73b9-e032-4315-e063-6294a90a4ca1",
            version: "1", effectiveTime: "20250602", documentType: "34391-3",
            titlePrefix: "Dutasteride capsule, liquid filled",
            sectionCount: 81, topLevelCount: 18, ingredients: ["DUTASTERIDE": "O0J6XJN02I"]),
        .init(
            file: "64f8040f-938d-4236-8e22-c838c9b5f8da.xml", setId: "0b0be196-0c62-461c-94f4-9a35339b4501",
            version: "20", effectiveTime: "20171107", documentType: "34391-3",
            titlePrefix: "Viagra tablet, film coated",
            sectionCount: 105, topLevelCount: 22, ingredients: ["SILDENAFIL CITRATE": "BW9B0ZE037"]),
        .init(
            file: "6f5c36d3-3f99-803c-5be6-66b2e1058946.xml", setId: "a4f917f4-2aa2-c3ed-071e-232fa0f125e8",
            version: "3", effectiveTime: "20101202", documentType: "34391-3", titlePrefix: "Primidone Tablets USP",
            sectionCount: 24, topLevelCount: 16, ingredients: ["primidone": "13AFD7670Q"]),
        .init(
            file: "bonine-example.xml", setId: "9220360a-67d3-4a14-ba21-304a06697cd4",
            version: "1", effectiveTime: "20090617", documentType: "34390-5", titlePrefix: "CHEWABLE TRAVEL TABLET",
            sectionCount: 16, topLevelCount: 12, ingredients: ["Chlorcyclizine Hydrochloride": "NPB7A7874U"]),
        .init(
            file: "cough.xml", setId: "00f66f25-3469-4c16-9baf-fba21e9628bd",
            version: "1", effectiveTime: "20110426", documentType: "34390-5",
            titlePrefix: "TRIAMINIC Childrens Night Time Cold and Cough syrup",
            sectionCount: 19, topLevelCount: 11,
            ingredients: ["DIPHENHYDRAMINE HYDROCHLORIDE": "TC2D6JAD40", "PHENYLEPHRINE HYDROCHLORIDE": "04JA59TNSJ"]),
        .init(
            file: "humira.xml", setId: "608d4f0d-b19f-46d3-749a-7159aa5f933d",
            version: "1560", effectiveTime: "20130930", documentType: "34391-3",
            titlePrefix: "Humira kit",
            sectionCount: 73, topLevelCount: 21, ingredients: ["ADALIMUMAB": "FYS6T7F842"]),
        .init(
            file: "lipitor-orig.xml", setId: "c6e131fe-e7df-4876-83f7-9156fc4e8228",
            version: "11", effectiveTime: "20140113", documentType: "34391-3",
            titlePrefix: "Lipitor tablet, film coated",
            sectionCount: 110, topLevelCount: 38, ingredients: ["ATORVASTATIN CALCIUM TRIHYDRATE": "48A5M73Z4Q"]),
        .init(
            file: "lipitor-repack.xml", setId: "17a163ef-b349-4e32-bc8c-b02bac7f65d6",
            version: "8", effectiveTime: "20120229", documentType: "34391-3",
            titlePrefix: "Lipitor tablet, film coated",
            sectionCount: 93, topLevelCount: 21, ingredients: ["atorvastatin calcium trihydrate": "48A5M73Z4Q"]),
        .init(
            file: "no-title.xml", setId: "0027b8a3-73bf-4005-a7e3-b035f451a861",
            version: "1", effectiveTime: "20100728", documentType: "34391-3", titlePrefix: "Haloperidol tablet",
            sectionCount: 44, topLevelCount: 13, ingredients: ["HALOPERIDOL": "J6292F8L3D"]),
        .init(
            file: "METHOXSALEN.xml", setId: "ea1a6225-0eb9-4743-9601-23d5795936a3",
            version: "1", effectiveTime: "20101101", documentType: "60685-5",
            titlePrefix: "METHOXSALEN Pharmacologic Class Indexing", sectionCount: 1, topLevelCount: 1,
            ingredients: ["METHOXSALEN": "U4VJ29L7BQ"]),
        .init(
            file: "4ad64379-4281-4d60-bf5f-655931ceba13.xml", setId: "9324733b-5201-4981-b4a1-18f43f022210",
            version: "1", effectiveTime: "20180604", documentType: "60685-5",
            titlePrefix: "TILDRAKIZUMAB\u{A0}Pharmacologic Class Indexing", sectionCount: 1, topLevelCount: 1,
            ingredients: ["TILDRAKIZUMAB": "DEW6X41BEK"]),
    ]

    @Test func everyCorpusFileHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: XMLTestSupport.corpus.path)
            .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files == Self.expectations.map(\.file).sorted())
    }

    @Test(arguments: expectations)
    func corpusLabel(_ expected: SPLExpectation) throws {
        let input = try XMLTestSupport.corpusFile(expected.file)
        #expect(try FormatDetector().detect(input) == .spl)
        let document = try SPLIngester().ingest(input)
        #expect(document.info.id == expected.setId)
        #expect(document.info.format == "spl")
        #expect(document.info.version == expected.version)
        #expect(document.info.effectiveTime == expected.effectiveTime)
        #expect(document.info.documentType == expected.documentType)
        #expect(document.info.title?.hasPrefix(expected.titlePrefix) == true, "title: \(document.info.title ?? "nil")")
        // The product, never the Highlights disclaimer or a bare "Drug Facts".
        #expect(document.info.title.map(SPLTitle.isBoilerplate) == false)
        #expect(document.sections.count == expected.sectionCount)
        #expect(document.sections.filter { $0.level == 1 }.count == expected.topLevelCount)
        #expect(document.info.sections == document.sections.map(\.name))
        #expect(document.info.contentHash == ContentHash.fnv1a64Hex(input.bytes))
        var found: [String: String] = [:]
        for product in document.products {
            #expect(product.schedule == nil)  // none of the corpus products is controlled
            for ingredient in product.ingredients { found[ingredient.name] = ingredient.unii }
        }
        #expect(found == expected.ingredients)
        // Every section range lies inside the text, and children inside their parents.
        for span in document.sections {
            #expect(span.range.lowerBound >= 0 && span.range.upperBound <= document.text.count)
        }
        if expected.documentType != "60685-5" {
            #expect(document.sections.contains { $0.name == "indications and usage" && !$0.range.isEmpty })
            #expect(!document.declaredFacts.contains { $0.rule == SPLIngester.classIndexRule })
        }
    }

    @Test func ingredientProvenancePointsAtTheNameInTheFile() throws {
        let input = try XMLTestSupport.corpusFile("cough.xml")
        let document = try SPLIngester().ingest(input)
        let ingredients = document.products.flatMap(\.ingredients)
        #expect(ingredients.count == 2)
        for ingredient in ingredients {
            let provenance = try #require(ingredient.provenance)
            #expect(XMLTestSupport.string(input.bytes[provenance.range]) == ingredient.name)
            #expect(provenance.path.hasSuffix("/ingredientSubstance/name"))
            #expect(
                provenance.path.hasPrefix(
                    "/document/component/structuredBody/component[1]/section/subject/manufacturedProduct"))
        }
        #expect(document.products.first?.name == "TRIAMINIC Childrens Night Time Cold and Cough")
    }

    /// The element a provenance path names: `/document/a/b[2]/c` read step by step from the root
    /// (`b[2]`: the second `b` child; `b`: the only one), nil when a step names nothing.
    static func element(at path: String, in root: XElement) -> XElement? {
        var steps = path.split(separator: "/").map(String.init)
        guard steps.first == root.localName else { return nil }
        steps.removeFirst()
        var current = root
        for step in steps where !step.hasPrefix("@") {
            var name = step
            var position = 1
            if let open = step.firstIndex(of: "["), let index = Int(step[step.index(after: open)...].dropLast()) {
                name = String(step[..<open])
                position = index
            }
            let named = current.children(named: name)
            guard (step.contains("[") && named.count > 1) || named.count == 1, position <= named.count else {
                return nil
            }
            current = named[position - 1]
        }
        return current
    }

    @Test func everyIngredientAndSchedulePathNamesItsElement() throws {
        var checked = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: XMLTestSupport.corpus.path)
        for name in names.sorted() where name.hasSuffix(".xml") {
            let input = try XMLTestSupport.corpusFile(name)
            let document = try SPLIngester().ingest(input)
            let root = try XMLReader().read(input.bytes).root
            for product in document.products {
                for ingredient in product.ingredients {
                    let provenance = try #require(ingredient.provenance)
                    let element = try #require(Self.element(at: provenance.path, in: root), "\(provenance.path)")
                    #expect(element.localName == "name")
                    #expect(element.range.contains(provenance.range.lowerBound), "\(name): \(provenance.path)")
                    checked += 1
                }
                if let schedule = product.schedule {
                    let element = try #require(Self.element(at: schedule.path, in: root), "\(schedule.path)")
                    #expect(element.attribute("code")?.valueRange == schedule.range)
                    checked += 1
                }
            }
        }
        #expect(checked >= 10)
    }

    @Test func oldFormatLabelWithoutTitleIsUsable() throws {
        let document = try SPLIngester().ingest(try XMLTestSupport.corpusFile("no-title.xml"))
        #expect(document.info.title == "Haloperidol tablet")
        let top = document.sections.filter { $0.level == 1 }.map(\.name)
        #expect(
            top == [
                "spl product data elements", "boxed warning", "description", "clinical pharmacology",
                "indications and usage", "contraindications", "warnings", "precautions", "adverse reactions",
                "overdosage", "dosage and administration", "how supplied", "package label: principal display panel",
            ])
        let indications = try #require(document.sections.first { $0.name == "indications and usage" })
        let text = XMLTestSupport.string(document.text[indications.range])
        #expect(
            text.hasPrefix(
                "Haloperidol is indicated for use in the management of manifestations of psychotic disorders."))
        // The untitled boxed warning (34066-1) still gets its canonical name and its text.
        let boxed = try #require(document.sections.first { $0.code == "34066-1" })
        #expect(XMLTestSupport.string(document.text[boxed.range]).contains("Increased Mortality in Elderly Patients"))
    }

    @Test func viagraUnclassifiedSubsectionsAreNamedAndNested() throws {
        let document = try SPLIngester().ingest(
            try XMLTestSupport.corpusFile("64f8040f-938d-4236-8e22-c838c9b5f8da.xml"))
        let warnings = try #require(document.sections.first { $0.code == "43685-7" })
        #expect(warnings.name == "warnings and cautions")
        let cardiovascular = try #require(document.sections.first { $0.name == "cardiovascular" })
        #expect(cardiovascular.code == "42229-5")
        #expect(cardiovascular.level == 2)
        #expect(warnings.range.lowerBound <= cardiovascular.range.lowerBound)
        #expect(cardiovascular.range.upperBound <= warnings.range.upperBound)
        #expect(!cardiovascular.range.isEmpty)
        // Untitled unclassified subsections take their parent's name instead of "spl unclassified".
        let nested = document.sections.filter {
            $0.level == 3 && $0.name == "dosage adjustments due to drug interactions"
        }
        #expect(nested.count == 2)
        #expect(XMLTestSupport.string(document.text[nested[0].range]).hasPrefix("Ritonavir"))
        let drugInteractions = document.sections.filter {
            $0.code == "42229-5" && $0.name == "ritonavir and other cyp3a4 inhibitors"
        }
        #expect(drugInteractions.count == 1)
    }

    @Test func evidenceOffsetsPointAtTheTextNode() throws {
        let input = try XMLTestSupport.corpusFile("64f8040f-938d-4236-8e22-c838c9b5f8da.xml")
        let document = try SPLIngester().ingest(input)
        let sentence = "VIAGRA is indicated for the treatment of erectile dysfunction."
        let indications = try #require(document.sections.first { $0.name == "indications and usage" })
        let sectionText = Array(document.text[indications.range])
        let local = try #require(sectionText.firstRange(of: Array(sentence.utf8)))
        let textRange =
            (indications.range.lowerBound + local.lowerBound)..<(indications.range.lowerBound + local.upperBound)
        let sourceRange = document.textMap.sourceRange(textRange)
        #expect(sourceRange == 53364..<(53364 + sentence.utf8.count))  // offset found with grep -b
        #expect(XMLTestSupport.string(input.bytes[sourceRange]) == sentence)
    }

    /// Every word of every corpus label maps back to source bytes that, with inline tags removed and
    /// entities decoded, are the same word.
    @Test(arguments: expectations.map(\.file))
    func everyWordMapsBackToItsSourceBytes(_ file: String) throws {
        let input = try XMLTestSupport.corpusFile(file)
        let document = try SPLIngester().ingest(input)
        let text = document.text
        var i = 0
        var checked = 0
        while i < text.count {
            if text[i] == 0x20 || text[i] == 0x0A {
                i += 1
                continue
            }
            let start = i
            while i < text.count, text[i] != 0x20, text[i] != 0x0A { i += 1 }
            // Skip the inserted " | " cell separators.
            if i - start == 1, text[start] == 0x7C { continue }
            let word = XMLTestSupport.string(text[start..<i])
            let source = XMLTestSupport.string(input.bytes[document.textMap.sourceRange(start..<i)])
            let decoded = XMLTestSupport.decodeEntities(XMLTestSupport.removingTags(source))
            if decoded != word {
                Issue.record(
                    "\(file): text \(start)..<\(i) \(word.debugDescription) maps to \(source.debugDescription)")
                return
            }
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func scheduleAndMetadataFromCraftedLabel() throws {
        let input = try XMLTestSupport.fixture("scheduled-spl.xml")
        let document = try SPLIngester().ingest(input)
        #expect(document.info.id == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        #expect(document.info.version == "7")
        #expect(document.products.count == 1)
        let product = try #require(document.products.first)
        #expect(product.name == "Oxycodone Hydrochloride")
        #expect(product.ingredients.map(\.name) == ["OXYCODONE HYDROCHLORIDE"])  // IACT lactose excluded
        #expect(product.ingredients.first?.unii == "C1ENJ2TE6C")
        let schedule = try #require(product.schedule)
        #expect(schedule.value == "CII")
        #expect(XMLTestSupport.string(input.bytes[schedule.range]) == "C48675")
        #expect(
            schedule.path
                == "/document/component/structuredBody/component[1]/section/subject/manufacturedProduct/subjectOf/policy/code/@code"
        )
        #expect(
            document.info.sections == [
                "spl product data elements", "boxed warning", "indications and usage", "limitations of use",
            ])
    }

    @Test func flattenedLayoutAndEntityOffsets() throws {
        let input = try XMLTestSupport.fixture("scheduled-spl.xml")
        let document = try SPLIngester().ingest(input)
        let text = XMLTestSupport.string(document.text)
        #expect(
            text == """
                OXYCODONE HYDROCHLORIDE tablets, for oral use, CII

                WARNING: ADDICTION, ABUSE, AND MISUSE

                Oxycodone exposes users to risks of addiction, abuse, and misuse.

                Concomitant use with benzodiazepines & other CNS depressants may cause profound sedation.
                Respiratory depression \u{2014} monitor closely.

                1 INDICATIONS AND USAGE

                Oxycodone hydrochloride tablets are indicated for the management of severe pain.

                Strength | Color
                5 mg | white

                1.1 Limitations of Use

                Reserve for patients without alternatives.
                """)
        // "&amp;" maps to its five source bytes, the em dash to "&#8212;".
        let amp = try #require(document.text.firstIndex(of: UInt8(ascii: "&")))
        #expect(XMLTestSupport.string(input.bytes[document.textMap.sourceRange(amp..<(amp + 1))]) == "&amp;")
        let dash = try #require(document.text.firstRange(of: Array("\u{2014}".utf8)))
        #expect(XMLTestSupport.string(input.bytes[document.textMap.sourceRange(dash)]) == "&#8212;")
        let boxed = try #require(document.sections.first { $0.name == "boxed warning" })
        #expect(XMLTestSupport.string(document.text[boxed.range]).hasPrefix("Oxycodone exposes users"))
        let limitations = try #require(document.sections.first { $0.name == "limitations of use" })
        #expect(limitations.level == 2)
        let indications = try #require(document.sections.first { $0.name == "indications and usage" })
        #expect(indications.range.upperBound == limitations.range.upperBound)
    }

    @Test func ingestIsDeterministic() throws {
        let input = try XMLTestSupport.corpusFile("humira.xml")
        let a = try SPLIngester().ingest(input)
        let b = try SPLIngester().ingest(input)
        #expect(a.text == b.text)
        #expect(a.textMap == b.textMap)
        #expect(a.sections == b.sections)
        #expect(a.products == b.products)
    }
}

/// Titles that name the label format give way to the product name(s).
@Suite struct SPLTitleTests {
    static let product = Product(name: "Lipitor", ingredients: [])

    @Test(arguments: [
        (
            "These highlights do not include all the information needed to use LIPITOR safely and effectively.",
            "Lipitor tablet"
        ),
        ("HIGHLIGHTS OF PRESCRIBING INFORMATION", "Lipitor tablet"),
        ("Drug Facts", "Lipitor tablet"),
        ("  ", "Lipitor tablet"),
        ("Lipitor (atorvastatin calcium) tablets", "Lipitor (atorvastatin calcium) tablets"),
    ])
    func boilerplateGivesWayToTheProduct(title: String, expected: String) {
        #expect(SPLTitle.title(title, products: [Self.product], firstForm: "tablet") == expected)
    }

    @Test func severalProductsAreListedOnceEach() {
        let products = [
            Product(name: "Lipitor", ingredients: []), Product(name: "LIPITOR", ingredients: []),
            Product(name: "Caduet", ingredients: []),
        ]
        #expect(SPLTitle.title("Drug Facts", products: products, firstForm: "tablet") == "Lipitor, Caduet")
    }

    @Test func withoutAProductNameTheTitleStays() {
        #expect(
            SPLTitle.title("Drug Facts", products: [Product(name: nil, ingredients: [])], firstForm: nil)
                == "Drug Facts")
        #expect(SPLTitle.title("", products: [], firstForm: nil) == nil)
    }
}
