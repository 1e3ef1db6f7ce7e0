import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct SegmenterTests {
    func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Segmenter.sentences(in: bytes, 0..<bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func abbreviationsAndDecimalsDoNotEndSentences() {
        #expect(
            sentences("Take 2.5 mg daily, e.g. with food. Dr. Smith agrees. Stop now!") == [
                "Take 2.5 mg daily, e.g. with food.", "Dr. Smith agrees.", "Stop now!",
            ])
    }

    @Test func sentenceNeedsACapitalAfterTheStop() {
        #expect(sentences("Doses of approx. ten mg. Then stop.") == ["Doses of approx. ten mg.", "Then stop."])
        #expect(sentences("It is used (see sect. 4) for pain.") == ["It is used (see sect. 4) for pain."])
    }

    @Test func wrappedLinesContinueButBulletsAndParagraphsSplit() {
        let text =
            "It belongs to a group of medicines called\nantidepressants.\n\nDo not take it:\n- if you are allergic\n- if you are pregnant"
        #expect(
            sentences(text) == [
                "It belongs to a group of medicines called\nantidepressants.", "Do not take it:",
                "- if you are allergic", "- if you are pregnant",
            ])
    }

    @Test func bulletsRunIntoOneLineStillSplit() {
        #expect(
            sentences("Tell your doctor if you take: * steroids; * medicines for malaria; a * b.") == [
                "Tell your doctor if you take:", "* steroids;", "* medicines for malaria; a * b.",
            ])
    }

    @Test func plainTextHeadingsBecomeSections() throws {
        let doc = try TestSupport.analyze(
            "Valium is used for anxiety.\nSafety Considerations and Dependence\nDependence can occur.\n## 4. Possible side effects\nDrowsiness."
        )
        #expect(doc.sections.map(\.name) == ["main", "safety considerations and dependence", "possible side effects"])
        #expect(
            doc.sentences.map { doc.string($0.range) } == [
                "Valium is used for anxiety.", "Dependence can occur.", "Drowsiness.",
            ])
    }

    /// The end of a wrapped cross-reference names a section but is none.
    @Test func aWrappedCrossReferenceIsNoHeading() throws {
        let doc = try TestSupport.analyze(
            """
            Other medicines and Zelmora
            - other medicines to reduce blood clotting (e.g. warfarin (see section
            Warnings and precautions))
            - dronedarone, a medicine to treat abnormal heart beat
            """)
        #expect(doc.sections.map(\.name) == ["other medicines and zelmora"])
    }

    @Test func seedLeafletSections() throws {
        let doc = try TestSupport.pipeline.analyze(InputCollector.read(TestSupport.seedPath))
        #expect(
            doc.sections.map(\.name) == [
                "main", "the indirect role in pain management", "treating musculoskeletal conditions",
                "addressing pain-related anxiety and sleep", "safety considerations and dependence",
            ])
        // 40 non-blank sentences by hand minus the 4 heading lines.
        #expect(doc.sentences.count == 36)
    }
}
