import Foundation
import RxFacts
import RxFactsBatch

/// Gathers the documents of a report: leaflets are run through the pipeline; records read from
/// JSON Lines are shown against their sources, found by the path each record names.
package struct ReportBuilder: Sendable {
    package let pipeline: Pipeline
    /// Directories a record's relative `document.source` is also looked up in (after the
    /// current directory and the JSON Lines file's own directory).
    package var sourceRoots: [String]

    package init(pipeline: Pipeline, sourceRoots: [String] = []) {
        self.pipeline = pipeline
        self.sourceRoots = sourceRoots
    }

    /// What the arguments gave: documents in argument order, and the inputs that failed.
    package struct Result: Sendable {
        package var documents: [ReportDocument] = []
        package var errors: [InputError] = []
    }

    /// Reads every argument: `*.jsonl` files are records; anything else is a leaflet, or a
    /// directory walked for leaflets as `extract` walks it. Zip archives are refused (extract
    /// them, then report from the records and the unpacked files).
    package func build(_ arguments: [String]) -> Result {
        var result = Result()
        for argument in arguments {
            if argument.hasSuffix(".jsonl") {
                do {
                    for located in try RecordReader.load(argument) {
                        result.documents.append(document(record: located.record, recordsFile: located.path))
                    }
                } catch {
                    result.errors.append(
                        InputError(
                            .unreadable, path: argument, line: error.line, column: error.column, reason: error.reason))
                }
                continue
            }
            for path in InputCollector.collect([argument]) {
                if path.lowercased().hasSuffix(".zip") {
                    result.errors.append(
                        InputError(
                            .unsupportedFormat, path: path,
                            reason:
                                "report does not open zip archives; unzip it, or report from 'rxfacts extract' output plus the unpacked files"
                        ))
                    continue
                }
                do {
                    result.documents.append(try document(leaflet: InputCollector.read(path)))
                } catch {
                    result.errors.append(error)
                }
            }
        }
        return result
    }

    /// A leaflet run through the pipeline.
    package func document(leaflet input: SourceInput) throws(InputError) -> ReportDocument {
        let analyzed = try pipeline.analyze(input)
        let record = try pipeline.extract(input)
        return ReportDocument(record: record, layout: TextLayout(analyzed: analyzed))
    }

    /// A record read from JSON Lines, laid out on its source when the source is found and
    /// unchanged (same content hash); otherwise its evidence is listed as recorded, with a note.
    package func document(record: Record, recordsFile: String? = nil) -> ReportDocument {
        let source = record.document.source
        if source == "-" {
            return ReportDocument(record: record, layout: nil, note: "read from standard input: no source file to show")
        }
        if source.contains("!") && !FileManager.default.fileExists(atPath: source) {
            return ReportDocument(
                record: record, layout: nil,
                note: "source \(source) is inside an archive; unzip it and pass --source-root")
        }
        guard let path = locate(source, recordsFile: recordsFile), let data = FileManager.default.contents(atPath: path)
        else {
            return ReportDocument(
                record: record, layout: nil,
                note:
                    "source not found: \(source) (looked in the current directory, beside the records and in --source-root)"
            )
        }
        let bytes = [UInt8](data)
        if let expected = record.document.contentHash, ContentHash.fnv1a64Hex(bytes) != expected {
            return ReportDocument(
                record: record, layout: nil,
                note:
                    "\(path) has changed since the record was made (content hash differs); evidence listed as recorded")
        }
        do {
            let analyzed = try pipeline.analyze(SourceInput(path: source, bytes: bytes))
            return ReportDocument(record: record, layout: TextLayout(analyzed: analyzed))
        } catch {
            return ReportDocument(record: record, layout: nil, note: "\(error)")
        }
    }

    func locate(_ source: String, recordsFile: String?) -> String? {
        let fm = FileManager.default
        if source.hasPrefix("/") { return fm.fileExists(atPath: source) ? source : nil }
        var candidates = [source]
        if let recordsFile {
            let directory = (recordsFile as NSString).deletingLastPathComponent
            if !directory.isEmpty { candidates.append((directory as NSString).appendingPathComponent(source)) }
        }
        for root in sourceRoots { candidates.append((root as NSString).appendingPathComponent(source)) }
        return candidates.first { fm.fileExists(atPath: $0) }
    }
}
