import ArgumentParser
import Foundation
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild

/// `rxfacts diff`: score actual records against reference records, or list changes between versions.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare fact records: score against a reference, gate CI on F1, or list what changed.",
        discussion: """
            REFERENCE and ACTUAL are JSON Lines files of rxfacts/1 records, or directories searched \
            recursively for *.jsonl. Records match by document id, drugs by canonical name, facts by \
            (type, value, negated). Hedged flags and qualifiers that differ on matched facts are reported; \
            --match-hedged and --match-qualifiers make them part of the match instead.

            Scores: tp/fp/fn, precision, recall and F1 per fact type and overall (micro over all facts), \
            plus macro averages over documents; then every missing fact (in REFERENCE only) and every extra \
            fact (in ACTUAL only) with its evidence text.

            With --changes, REFERENCE is the old version and ACTUAL the new one: facts are listed as added, \
            removed, changed (same key, different evidence text, hedged, qualifiers or code) or \
            negation-changed (asserted in one version, negated in the other).

            Exit codes: 0 ok; 1 a --min-f1/--min-f1-type threshold was missed (or, with --fail-on-changes, \
            something changed); 2 an input could not be read.

            Examples:
              rxfacts extract Corpus/text Corpus/spl -o facts.jsonl
              rxfacts diff Corpus/reference/ facts.jsonl               # score a run against references
              rxfacts diff Corpus/reference/ facts.jsonl --min-f1 0.9 --min-f1-type adverse-effect=0.8
              rxfacts diff Corpus/reference/ facts.jsonl --format json > diff.json
              rxfacts diff --changes old.jsonl new.jsonl               # what changed between versions
              rxfacts extract Corpus/spl | rxfacts diff Corpus/reference/ -   # '-': standard input
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(
        help:
            "Reference records (gold, or the old version with --changes): a .jsonl file, a directory, or '-' for standard input."
    )
    var reference: String

    @Argument(
        help:
            "Actual records (the run to score, or the new version with --changes): a .jsonl file, a directory, or '-' for standard input."
    )
    var actual: String

    @Option(help: "Output format: text (for people) or json (for programs).")
    var format: Format = .text

    @Option(
        name: .customLong("min-f1"),
        help: ArgumentHelp("Fail (exit 1) when the overall micro F1 is below X.", valueName: "X"))
    var minF1: Double?

    @Option(
        name: .customLong("min-f1-type"),
        help: ArgumentHelp(
            "Fail (exit 1) when the micro F1 of TYPE is below X; repeatable, e.g. indication=0.8.", valueName: "TYPE=X")
    )
    var minF1Type: [String] = []

    @Option(
        name: .customLong("type"), help: ArgumentHelp("Only score facts of this type; repeatable.", valueName: "TYPE"))
    var types: [String] = []

    @Option(
        name: .customLong("source"),
        help: ArgumentHelp(
            "Only score facts from this source (text, spl-metadata, lexicon — lexicon:drugs counts as lexicon); repeatable. Gold lists what a leaflet states: score it with --source text --source spl-metadata.",
            valueName: "SOURCE"))
    var sources: [String] = []

    @Flag(
        help: ArgumentHelp(
            "Match fact values and drug names by the lexicon concept they name, not by spelling (\"breastfeeding\" = \"breast-feeding\"). For hand-written gold; uses the pipeline's lexicons.",
            discussion:
                "Each value is looked up as a whole phrase in the pipeline's lexicons; one the lexicons do not know is compared as written."
        ))
    var concepts = false

    @Option(
        help: ArgumentHelp(
            "With --concepts: the pipeline whose lexicons name the concepts (default: Pipelines/default.yaml).",
            valueName: "FILE"))
    var pipeline: String?

    @Flag(help: "Make the hedged flag part of fact matching.")
    var matchHedged = false

    @Flag(help: "Make qualifiers part of fact matching.")
    var matchQualifiers = false

    @Flag(help: "List added, removed and changed facts between two versions instead of scoring.")
    var changes = false

    @Option(
        help: ArgumentHelp(
            "With --changes: the record field that matches old and new documents: \(RecordChanges.DocumentKey.allCases.map(\.rawValue).joined(separator: ", ")).",
            discussion:
                "Default id (the SPL setId, a text file's id). Use source or file when ids changed between runs, title for labels renamed files.",
            valueName: "FIELD"))
    var key: String = RecordChanges.DocumentKey.id.rawValue

    @Flag(help: "With --changes: exit 1 when anything changed.")
    var failOnChanges = false

    func validate() throws {
        if let minF1, !(0...1).contains(minF1) { throw ValidationError("--min-f1 must be between 0 and 1") }
        for item in minF1Type where DiffGate.parseTypeThreshold(item) == nil {
            throw ValidationError("--min-f1-type '\(item)' must look like TYPE=X with X between 0 and 1")
        }
        if changes && (minF1 != nil || !minF1Type.isEmpty) {
            throw ValidationError("--min-f1 and --min-f1-type score a run; they do not apply to --changes")
        }
        if failOnChanges && !changes { throw ValidationError("--fail-on-changes needs --changes") }
        guard RecordChanges.DocumentKey(rawValue: key) != nil else {
            throw ValidationError(
                "--key '\(key)' is not a record field diff can match by; use one of: \(RecordChanges.DocumentKey.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if key != RecordChanges.DocumentKey.id.rawValue && !changes {
            throw ValidationError("--key is used with --changes")
        }
        if pipeline != nil && !concepts { throw ValidationError("--pipeline is used with --concepts") }
        if reference == "-" && actual == "-" {
            throw ValidationError("only one of REFERENCE and ACTUAL can be '-' (standard input)")
        }
    }

    /// Records of a file, a directory, or standard input (`-`).
    static func records(_ path: String) throws(RecordFileError) -> [Record] {
        guard path == "-" else { return try RecordReader.records(path) }
        // Read in blocks, as files are; errors name standard input as "<stdin>".
        let records: [Record]
        do {
            records = try RecordReader.loadFile("-").map(\.record)
        } catch var error {
            error.path = "<stdin>"
            throw error
        }
        var seen: Set<String> = []
        for record in records where !seen.insert(record.document.id).inserted {
            throw RecordFileError(
                path: "<stdin>",
                reason:
                    "document id '\(record.document.id)' appears twice; record sets must hold one record per document")
        }
        return records
    }

    func run() throws {
        let referenceRecords: [Record]
        let actualRecords: [Record]
        do {
            referenceRecords = try Self.records(reference)
            actualRecords = try Self.records(actual)
        } catch {
            CommandSupport.standardError("rxfacts diff: \(error)\n")
            throw ExitCode(2)
        }
        if changes {
            let documentKey = RecordChanges.DocumentKey(rawValue: key) ?? .id
            for (records, name) in [(referenceRecords, reference), (actualRecords, actual)] {
                if let problem = documentKey.problem(in: records, named: name) {
                    CommandSupport.standardError("rxfacts diff: \(problem)\n")
                    throw ExitCode(2)
                }
            }
            let report = RecordChanges.compare(old: referenceRecords, new: actualRecords, key: documentKey)
            print(format == .json ? DiffTextFormatter.json(report) : DiffTextFormatter.text(report), terminator: "")
            if failOnChanges && !report.isEmpty { throw ExitCode(DiffGate.failedExitCode) }
            return
        }
        var thresholds: [FactType: Double] = [:]
        for item in minF1Type {
            let (type, value) = DiffGate.parseTypeThreshold(item)!
            thresholds[type] = value
        }
        let options = DiffOptions(
            matchHedged: matchHedged, matchQualifiers: matchQualifiers,
            types: types.isEmpty ? nil : types.map { FactType(rawValue: $0) },
            sources: sources.isEmpty ? nil : sources)
        let conceptNames = concepts ? ConceptNames(knowledge: try CommandSupport.loadPipeline(pipeline).knowledge) : nil
        let report = RecordDiff.compare(
            reference: referenceRecords, actual: actualRecords, options: options, concepts: conceptNames)
        let gate = DiffGate(minimumF1: minF1, minimumF1ByType: thresholds)
        let failures = gate.failures(report)
        print(
            format == .json ? DiffTextFormatter.json(report) : DiffTextFormatter.text(report, gateFailures: failures),
            terminator: "")
        if !failures.isEmpty {
            if format == .json {
                for failure in failures { CommandSupport.standardError("rxfacts diff: gate failed: \(failure)\n") }
            }
            throw ExitCode(gate.exitCode(report))
        }
    }
}
