import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Small records built in code; `jsonl` renders them the way `rxfacts extract` writes them.
enum DiffFixture {
    static func fact(
        _ type: FactType, _ value: String, negated: Bool = false, hedged: Bool = false,
        qualifiers: [String: [String]]? = nil, code: String? = nil, text: String? = nil,
        start: Int = 0
    ) -> Fact {
        let evidenceText = text ?? value
        return Fact(
            type: type, value: value, negated: negated, hedged: hedged, code: code, qualifiers: qualifiers,
            evidence: [
                Evidence(
                    section: "adverse reactions", start: start, end: start + evidenceText.utf8.count, text: evidenceText
                )
            ],
            rule: "test")
    }

    static func record(_ id: String, _ drugs: [(String, [Fact])]) -> Record {
        Record(
            document: DocumentInfo(id: id, source: "\(id).txt", format: "text"),
            drugs: drugs.map { DrugRecord(name: $0.0, facts: $0.1) })
    }

    static func jsonl(_ records: [Record]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(records.map { String(decoding: try! encoder.encode($0), as: UTF8.self) + "\n" }.joined().utf8)
    }

    static let reference = [
        record(
            "label-a",
            [
                (
                    "pregabalin",
                    [
                        fact(.adverseEffect, "dizziness"),
                        fact(.adverseEffect, "somnolence", hedged: true),
                        fact(.indication, "epilepsy"),
                        fact(.combination, "opioids", qualifiers: ["risks": ["respiratory depression"]]),
                    ]
                )
            ]),
        record(
            "label-b",
            [
                (
                    "alprazolam",
                    [
                        fact(.schedule, "CIV"),
                        fact(.adverseEffect, "seizures", negated: true),
                    ]
                )
            ]),
    ]

    static let actual = [
        record(
            "label-a",
            [
                (
                    "pregabalin",
                    [
                        fact(.adverseEffect, "dizziness", start: 40),
                        fact(.adverseEffect, "somnolence"),  // hedged lost
                        fact(.adverseEffect, "weight gain"),  // extra
                        fact(.combination, "opioids", qualifiers: ["risks": ["coma", "respiratory depression"]]),
                        // indication "epilepsy" missing
                    ]
                )
            ]),
        record(
            "label-b",
            [
                (
                    "alprazolam",
                    [
                        fact(.schedule, "CIV"),
                        fact(.adverseEffect, "seizures"),  // negation lost: one miss, one extra
                    ]
                )
            ]),
    ]
}

@Suite struct RecordDiffTests {
    let report = RecordDiff.compare(reference: DiffFixture.reference, actual: DiffFixture.actual)

    @Test func matchesByDocumentDrugAndKey() {
        #expect(report.coverage.matchedDocuments == 2)
        #expect(report.overall == Score(truePositives: 4, falsePositives: 2, falseNegatives: 2))
        #expect(report.score(for: .schedule)?.micro == Score(truePositives: 1))
        #expect(
            report.score(for: .adverseEffect)?.micro == Score(truePositives: 2, falsePositives: 2, falseNegatives: 1))
        #expect(report.score(for: .indication)?.micro == Score(falseNegatives: 1))
        #expect(abs(report.overall.f1 - 4.0 / 6.0) < 1e-9)
    }

    @Test func negationMismatchIsAMissPlusAnExtra() {
        #expect(report.missing.contains { $0.document == "label-b" && $0.value == "seizures" && $0.negated })
        #expect(report.extra.contains { $0.document == "label-b" && $0.value == "seizures" && !$0.negated })
    }

    @Test func listsMissingAndExtraFactsWithEvidenceInOrder() {
        #expect(
            report.missing.map { "\($0.document) \($0.type.rawValue) \($0.value)" }
                == ["label-a indication epilepsy", "label-b adverse-effect seizures"])
        #expect(
            report.extra.map { "\($0.document) \($0.type.rawValue) \($0.value)" }
                == ["label-a adverse-effect weight gain", "label-b adverse-effect seizures"])
        #expect(report.extra[0].evidence.first?.text == "weight gain")
        let text = DiffTextFormatter.text(report)
        #expect(text.contains("  - label-a / pregabalin: indication \"epilepsy\""))
        #expect(text.contains("  + label-a / pregabalin: adverse-effect \"weight gain\""))
        #expect(text.contains("adverse reactions @0-11: weight gain"))
    }

    @Test func hedgedAndQualifiersAreReportedButDoNotBreakMatchesByDefault() {
        // Type order: adverse-effect < combination.
        #expect(report.attributeDifferences.map(\.value) == ["somnolence", "opioids"])
        #expect(report.attributeDifferences.first { $0.value == "somnolence" }?.attributes == ["hedged"])
        #expect(report.attributeDifferences.first { $0.value == "opioids" }?.attributes == ["qualifiers"])
    }

    @Test func matchingOptionsMakeHedgedAndQualifiersPartOfTheIdentity() {
        let strict = RecordDiff.compare(
            reference: DiffFixture.reference, actual: DiffFixture.actual,
            options: DiffOptions(matchHedged: true, matchQualifiers: true))
        #expect(strict.overall == Score(truePositives: 2, falsePositives: 4, falseNegatives: 4))
        #expect(strict.attributeDifferences.isEmpty)
        #expect(strict.missing.contains { $0.value == "somnolence" && $0.hedged })
    }

    @Test func documentsOnOneSideOnlyCountAsMissesOrExtras() {
        let extraDocument = DiffFixture.record("label-c", [("diazepam", [DiffFixture.fact(.schedule, "CIV")])])
        let r = RecordDiff.compare(reference: DiffFixture.reference, actual: DiffFixture.actual + [extraDocument])
        #expect(r.coverage.onlyInActual == ["label-c"])
        #expect(r.overall.falsePositives == 3)
        #expect(r.macro.documents == 3)
    }

    @Test func macroAveragesPerDocument() {
        // label-a: tp 3 fp 1 fn 1 → F1 0.75; label-b: tp 1 fp 1 fn 1 → F1 0.5.
        #expect(report.macro.documents == 2)
        #expect(report.macro.f1 == 0.625)
    }

    @Test func outputIsDeterministic() {
        let again = RecordDiff.compare(
            reference: DiffFixture.reference.reversed(), actual: DiffFixture.actual.reversed())
        #expect(DiffTextFormatter.json(again) == DiffTextFormatter.json(report))
        #expect(DiffTextFormatter.text(again) == DiffTextFormatter.text(report))
    }

    @Test func identicalRecordSetsScorePerfectly() {
        let same = RecordDiff.compare(reference: DiffFixture.reference, actual: DiffFixture.reference)
        #expect(same.overall.f1 == 1)
        #expect(same.missing.isEmpty && same.extra.isEmpty && same.attributeDifferences.isEmpty)
    }
}

@Suite struct DiffGateTests {
    let report = RecordDiff.compare(reference: DiffFixture.reference, actual: DiffFixture.actual)

    @Test func passesWhenEveryThresholdIsMet() {
        let gate = DiffGate(minimumF1: 0.6, minimumF1ByType: [.schedule: 1.0])
        #expect(gate.failures(report).isEmpty)
        #expect(gate.exitCode(report) == 0)
    }

    @Test func failsOnOverallF1() {
        let gate = DiffGate(minimumF1: 0.7)
        #expect(gate.exitCode(report) == 1)
        #expect(gate.failures(report) == ["overall F1 0.6667 is below --min-f1 0.7000"])
    }

    @Test func failsOnOneTypeEvenWhenOverallPasses() {
        let gate = DiffGate(minimumF1: 0.5, minimumF1ByType: [.indication: 0.1, .schedule: 0.9])
        #expect(gate.exitCode(report) == 1)
        #expect(gate.failures(report) == ["indication F1 0.0000 is below 0.1000"])
    }

    @Test func failsOnATypeFoundNowhere() {
        let gate = DiffGate(minimumF1ByType: ["adverse-efect": 0.5])
        #expect(gate.exitCode(report) == 1)
    }

    @Test(arguments: [("indication=0.8", "indication", 0.8), ("adverse-effect=1", "adverse-effect", 1.0)])
    func parsesTypeThresholds(text: String, type: String, value: Double) {
        let parsed = DiffGate.parseTypeThreshold(text)
        #expect(parsed?.0 == FactType(rawValue: type))
        #expect(parsed?.1 == value)
    }

    @Test(arguments: ["indication", "=0.5", "indication=1.5", "indication=x"])
    func rejectsBadTypeThresholds(text: String) {
        #expect(DiffGate.parseTypeThreshold(text) == nil)
    }
}

@Suite struct RecordChangesTests {
    let old = [
        DiffFixture.record(
            "label-a",
            [
                (
                    "pregabalin",
                    [
                        DiffFixture.fact(.adverseEffect, "dizziness", text: "Dizziness was common."),
                        DiffFixture.fact(.adverseEffect, "seizures", negated: true),
                        DiffFixture.fact(.indication, "epilepsy"),
                        DiffFixture.fact(.drugClass, "gabapentinoid", code: "nui:1"),
                    ]
                )
            ]),
        DiffFixture.record("label-old", [("x", [])]),
    ]
    let new = [
        DiffFixture.record(
            "label-a",
            [
                (
                    "pregabalin",
                    [
                        DiffFixture.fact(.adverseEffect, "dizziness", text: "Dizziness was very common.", start: 99),
                        DiffFixture.fact(.adverseEffect, "seizures"),
                        DiffFixture.fact(.adverseEffect, "euphoria"),
                        DiffFixture.fact(.drugClass, "gabapentinoid", code: "nui:1", start: 500),
                    ]
                )
            ]),
        DiffFixture.record("label-new", [("y", [])]),
    ]

    @Test func listsAddedRemovedChangedAndNegationChanged() {
        let report = RecordChanges.compare(old: old, new: new)
        #expect(report.documentsAdded == ["label-new"])
        #expect(report.documentsRemoved == ["label-old"])
        #expect(
            report.changes.map { "\($0.kind.rawValue) \($0.value)" }
                == ["changed dizziness", "added euphoria", "negation-changed seizures", "removed epilepsy"])
        #expect(report.changes[0].fields == ["evidence"])
        #expect(report.changes[2].old?.negated == true && report.changes[2].new?.negated == false)
    }

    @Test func evidenceOffsetsAloneAreNotAChange() {
        let report = RecordChanges.compare(old: old, new: new)
        #expect(!report.changes.contains { $0.value == "gabapentinoid" })
    }

    @Test func identicalVersionsHaveNoChanges() {
        let report = RecordChanges.compare(old: old, new: old)
        #expect(report.isEmpty)
        #expect(DiffTextFormatter.text(report).contains("facts: 0 added, 0 removed, 0 changed, 0 negation changed"))
    }

    @Test func textShowsNegationChangeOnOneLine() {
        let text = DiffTextFormatter.text(RecordChanges.compare(old: old, new: new))
        #expect(
            text.contains(
                "  ! label-a / pregabalin: adverse-effect \"seizures\": negation changed: negated -> asserted"))
    }
}

@Suite struct RecordReaderTests {
    @Test func readsJSONLinesSkippingBlankLines() throws {
        var bytes = DiffFixture.jsonl(DiffFixture.reference)
        bytes.insert(0x0A, at: 0)
        let located = try RecordReader.parse(bytes, path: "ref.jsonl")
        #expect(located.map(\.record) == DiffFixture.reference)
        #expect(located.map(\.line) == [2, 3])
    }

    @Test func malformedLineNamesFileAndLine() {
        let bytes = DiffFixture.jsonl(DiffFixture.reference) + Array("{\"schema\": \"rxfacts/1\"\n".utf8)
        #expect {
            try RecordReader.parse(bytes, path: "ref.jsonl")
        } throws: { error in
            guard let error = error as? RecordFileError else { return false }
            return error.path == "ref.jsonl" && error.line == 3 && error.description.hasPrefix("ref.jsonl:3")
        }
    }

    @Test func missingFieldIsNamed() {
        let bytes = Array("{\"schema\":\"rxfacts/1\",\"drugs\":[]}\n".utf8)
        #expect {
            try RecordReader.parse(bytes, path: "r.jsonl")
        } throws: { error in
            (error as? RecordFileError)?.description == "r.jsonl:1:1: missing key 'document' in record"
        }
    }

    /// A file read in blocks gives what the same bytes in memory give — records, line numbers,
    /// line bytes, and the error of a bad line — whatever the block size: lines cut across
    /// blocks, blank and CRLF lines, a last line without its newline.
    @Test func aFileReadInBlocksReadsAsInMemory() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-blocks-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let records = DiffFixture.jsonl(DiffFixture.reference)
        var bytes = Array("\n  \r\n".utf8) + records + Array("\n".utf8) + records
        bytes.removeLast()  // no newline at the end
        for (input, name) in [(bytes, "good"), (bytes + Array("\n{\"schema\": 1\n".utf8), "bad")] {
            try Data(input).write(to: file)
            var expected: [(Int, [UInt8])] = []
            var expectedError: String?
            do {
                try RecordReader.forEachLine(in: input, path: file.path) { _, line, bytes in
                    expected.append((line, Array(bytes)))
                }
            } catch { expectedError = "\(error)" }
            for blockSize in [1, 2, 7, 64, 1 << 20] {
                var seen: [(Int, [UInt8])] = []
                var seenError: String?
                do {
                    try RecordReader.forEachLine(inFile: file.path, blockSize: blockSize) { _, line, bytes in
                        seen.append((line, Array(bytes)))
                    }
                } catch { seenError = "\(error)" }
                #expect(seen.map(\.0) == expected.map(\.0), "\(name), block \(blockSize)")
                #expect(seen.map(\.1) == expected.map(\.1), "\(name), block \(blockSize)")
                #expect(seenError == expectedError, "\(name), block \(blockSize)")
            }
            #expect(expected.count == 4)
            #expect((expectedError != nil) == (name == "bad"))
        }
        #expect(throws: RecordFileError.self) {
            try RecordReader.forEachLine(inFile: file.path + ".absent") { _, _, _ in }
        }
    }

    @Test func readsDirectoriesInPathOrderAndRejectsDuplicateDocuments() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(DiffFixture.jsonl([DiffFixture.reference[1]])).write(to: directory.appendingPathComponent("b.jsonl"))
        try Data(DiffFixture.jsonl([DiffFixture.reference[0]])).write(
            to: directory.appendingPathComponent("sub/a.jsonl"))
        try Data("not records".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let records = try RecordReader.records(directory.path)
        #expect(records.map(\.document.id) == ["label-b", "label-a"])
        try Data(DiffFixture.jsonl([DiffFixture.reference[0]])).write(to: directory.appendingPathComponent("c.jsonl"))
        #expect(throws: RecordFileError.self) { try RecordReader.records(directory.path) }
    }
}
