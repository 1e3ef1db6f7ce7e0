import Foundation
import RxFacts
import RxFactsBatch

/// One parser under fuzzing: it takes any bytes and must end in a value or a thrown error,
/// never a trap, a hang or unbounded memory. Invariants are checked with `precondition`, so a
/// broken one is a crash the fuzzer keeps.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Plain-text ingest and every later stage.
    case text
    /// XML: libxml2 validation, rxfacts' scanner, SPL / ePI / generic XML ingest, later stages.
    case xml
    /// FHIR ePI JSON ingest and later stages.
    case epiJSON = "epi-json"
    /// Zip archives walked member by member (zips inside zips too).
    case zip
    /// Lexicon TSV files (`rxfacts-lexicon/1`).
    case lexicon
    /// Pipeline definition YAML.
    case pipeline

    /// The default pipeline, loaded once (the stages the ingest targets feed).
    static let compiled: Pipeline = {
        let path = ProcessInfo.processInfo.environment["RXFACTS_PIPELINE"] ?? "Pipelines/default.yaml"
        do {
            return try Pipeline.load(contentsOf: path)
        } catch {
            fatalError("rxfacts-fuzz: cannot load the pipeline (\(error)); run from the package root")
        }
    }()

    /// Where the zip target writes its archive (one per process).
    static let scratch = NSTemporaryDirectory() + "rxfacts-fuzz-\(getpid()).zip"

    /// Loads what the target's inputs will run through (the default pipeline for the ingest
    /// targets) before the first input.
    func prepare() {
        switch self {
        case .text, .xml, .epiJSON, .zip: _ = FuzzTarget.compiled
        case .lexicon, .pipeline: break
        }
    }

    /// Runs one input.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .text:
            analyze(try? TextIngester().ingest(SourceInput(path: "fuzz.txt", bytes: bytes)))
        case .xml:
            let detector = FormatDetector()
            let input = SourceInput(path: "fuzz.xml", bytes: bytes)
            analyze(try? detector.spl.ingest(input))
            analyze(try? detector.epi.ingest(input))
            analyze(try? detector.xml.ingest(input))
            _ = try? detector.detect(input)
        case .epiJSON:
            analyze(try? EPIJSONIngester().ingest(SourceInput(path: "fuzz.json", bytes: bytes)))
        case .zip:
            walkArchive(bytes)
        case .lexicon:
            if let lexicon = try? Lexicon.parse(bytes, path: "fuzz.tsv") {
                precondition(lexicon.entries.allSatisfy { !$0.variants.isEmpty }, "a lexicon entry without a form")
            }
        case .pipeline:
            if let file = try? YAMLFile.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.yaml") {
                _ = try? PipelineDefinition.parse(file, registry: .builtIn)
            }
        }
    }

    private func analyze(_ document: IngestedDocument?) {
        guard let document else { return }
        let pipeline = FuzzTarget.compiled
        let analyzed = pipeline.analyze(ingested: document)
        let record =
            analyzed.record ?? Record(document: document.info, drugs: analyzed.drugs, provenance: pipeline.provenance)
        precondition(!record.document.id.isEmpty, "a record without an id")
        let line = RecordEncoder().encodeLine(record)
        precondition(line.last == 0x0A && !line.dropLast().contains(0x0A), "a record line with a raw newline")
    }

    private func walkArchive(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: FuzzTarget.scratch, contents: Data(bytes)) else { return }
        var extractor = BatchExtractor(pipeline: FuzzTarget.compiled, jobs: 1)
        extractor.maxDocumentBytes = 1 << 20
        var records = 0
        var errors = 0
        let summary = extractor.run(
            paths: [FuzzTarget.scratch], record: { _ in records += 1 }, failure: { _ in errors += 1 })
        precondition(
            summary.inputs == summary.records + summary.errors && summary.records == records
                && summary.errors == errors,
            "inputs != records + errors")
    }
}
