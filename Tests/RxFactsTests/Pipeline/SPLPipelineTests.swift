import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// The SPL ingester wired into the default pipeline (`rxfacts extract Corpus/spl/*.xml`).
@Suite struct SPLPipelineTests {
    @Test func classIndexingBecomesClassAndMechanismFacts() throws {
        let input = try XMLTestSupport.corpusFile("METHOXSALEN.xml")
        let record = try TestSupport.pipeline.extract(input)
        #expect(record.document.format == "spl")
        #expect(record.drugs.map(\.name) == ["methoxsalen"])
        #expect(record.drugs.first?.codes["unii"] == "U4VJ29L7BQ")
        let psoralen = try #require(record.fact(.drugClass, "psoralen"))
        #expect(psoralen.code == "nui:N0000175879")
        #expect(psoralen.source == "spl-metadata")
        let evidence = try #require(psoralen.evidence.first)
        #expect(XMLTestSupport.string(input.bytes[evidence.start..<evidence.end]) == "Psoralen [EPC]")
        #expect(evidence.path?.hasSuffix("/code/@displayName") == true)
        #expect(record.fact(.mechanism, "photoabsorption")?.code == "nui:N0000010217")
        #expect(record.fact(.drugClass, "psoralens") == nil)  // [Chemical/Ingredient] is not a class fact
    }

    @Test func scheduleFromSPLMetadata() throws {
        let input = try XMLTestSupport.fixture("scheduled-spl.xml")
        let record = try TestSupport.pipeline.extract(input)
        #expect(record.document.id == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        let schedule = try #require(record.fact(.schedule, "CII"))
        #expect(schedule.source == "spl-metadata")
        let evidence = try #require(schedule.evidence.first)
        #expect(XMLTestSupport.string(input.bytes[evidence.start..<evidence.end]) == "C48675")
    }

    /// A US label listing the acid and its sodium salt is about one drug, named as RxNorm names
    /// it ("ethacrynic acid", not the INN "etacrynic acid" nor the anion "ethacrynate").
    @Test func drugAndItsSaltAreOneDrugUnderItsRxNormName() throws {
        let input = try XMLTestSupport.fixture("ethacrynic-spl.xml")
        let document = try SPLIngester().ingest(input)
        #expect(document.products.flatMap(\.ingredients).map(\.name) == ["ETHACRYNIC ACID", "ETHACRYNATE SODIUM"])
        let record = try TestSupport.pipeline.extract(input)
        #expect(record.drugs.map(\.name) == ["ethacrynic acid"])
        #expect(record.drugs.first?.codes["rxcui"] == "4109")
    }

    @Test func textEvidenceInSPLPointsIntoTheXMLFile() throws {
        let input = try XMLTestSupport.corpusFile("no-title.xml")
        let record = try TestSupport.pipeline.extract(input)
        #expect(record.document.title == "Haloperidol tablet")
        let facts = record.drugs.flatMap(\.facts).filter { $0.source == "text" }
        #expect(!facts.isEmpty)
        for fact in facts {
            for evidence in fact.evidence {
                let raw = XMLTestSupport.string(input.bytes[evidence.start..<evidence.end])
                #expect(raw == evidence.text)
                #expect(record.document.sections?.contains(evidence.section) == true)
            }
        }
    }

    @Test func hostileXMLIsAnInputErrorInThePipeline() throws {
        #expect(throws: InputError.self) {
            try TestSupport.pipeline.extract(try XMLTestSupport.fixture("billion-laughs.xml"))
        }
    }
}
