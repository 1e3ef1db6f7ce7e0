import Foundation
import RxFacts

/// Runs a pipeline over many inputs and hands each result, in input order, to a sink:
/// every input ends as a record line or as an error — nothing is dropped.
///
/// Inputs are walked lazily (`InputWalker`: files, `-`, zip archives member by member) and
/// processed in windows of at most `jobs × 8` units or about `windowBytes` of input, each window
/// spread over `jobs` threads with `DispatchQueue.concurrentPerform` and emitted in order before
/// the next is read, so memory stays bounded whatever the size of the corpus.
package struct BatchExtractor: Sendable {
    package let pipeline: Pipeline
    /// Documents processed concurrently per batch (input order is kept).
    package let jobs: Int
    /// Input bytes a window may hold (a window always takes at least `jobs` units).
    package var windowBytes = 32 << 20
    /// Largest document read (file, standard input or zip member, counted as read or inflated);
    /// a larger one is an error entry naming the limit (`--max-document-mib`).
    package var maxDocumentBytes = BatchExtractor.defaultMaxDocumentBytes
    /// 128 MiB, the XML limit too.
    package static let defaultMaxDocumentBytes = 128 << 20

    package init(pipeline: Pipeline, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
    }

    /// Counts of one run. `inputs == records + errors` always; skipped zip members, inputs
    /// already in the output (`--resume`) and inputs of other shards are counted apart.
    package struct Summary: Sendable, Hashable {
        package var inputs = 0
        package var records = 0
        package var errors = 0
        /// Non-leaflet zip members (images, stylesheets…).
        package var skipped = 0
        /// Inputs whose record was already in the output.
        package var alreadyDone = 0
        /// Inputs left to other shards.
        package var outOfShard = 0
        /// Leaflet bytes turned into records.
        package var bytes = 0
        /// On-disk bytes read (archives by their size).
        package var diskBytes = 0
        package var factsByType: [String: Int] = [:]
    }

    /// Processes `paths` (files, `-`, zip archives); `record` receives each JSON line, `failure`
    /// each error, in input order. `done` holds sources to skip (`--resume`); `problems` holds
    /// paths known bad before reading and `ids` the document ids of walked files
    /// (`InputCollector.gather`), each reported in its turn;
    /// `progress` is called after each window.
    package func run(
        paths: [String], shard: ShardSpec = .all, done: Set<String> = [], problems: [String: InputError] = [:],
        ids: [String: String] = [:],
        record: ([UInt8]) -> Void, failure: (InputError) -> Void,
        progress: ((BatchProgress) -> Void)? = nil
    ) -> Summary {
        var limits = InputWalker.Limits()
        limits.maxMemberBytes = UInt64(max(0, maxDocumentBytes))
        let walker = InputWalker(paths, shard: shard, done: done, problems: problems, ids: ids, limits: limits)
        let started = Date()
        var summary = Summary()
        var window: [BatchUnit] = []
        var weight = 0
        // Ids given so far in this run: a second, different document under one id is an error.
        var given: [String: (source: String, contentHash: String?)] = [:]
        let maxUnits = jobs * 8

        func flush(last: Bool = false) {
            guard !window.isEmpty || last else { return }
            let units = window
            window.removeAll(keepingCapacity: true)
            weight = 0
            let results = ResultSlots(count: units.count)
            if !units.isEmpty {
                // Exactly `jobs` workers (concurrentPerform alone would use every core).
                DispatchQueue.concurrentPerform(iterations: min(jobs, units.count)) { _ in
                    while let index = results.claimNext() { results.set(index, process(units[index])) }
                }
            }
            for result in results.values {
                summary.inputs += 1
                switch result {
                case .success(let output):
                    if let first = given[output.id],
                        first.contentHash != output.contentHash || output.contentHash == nil
                    {
                        summary.errors += 1
                        failure(
                            InputError(
                                .unreadable, path: output.source,
                                reason:
                                    "document id '\(output.id)' is already the id of \(first.source) in this run, a different document; name the input with --id or walk its directory to get a unique id"
                            ))
                        continue
                    }
                    given[output.id] = (output.source, output.contentHash)
                    summary.records += 1
                    summary.bytes += output.inputBytes
                    for (type, count) in output.factCounts { summary.factsByType[type, default: 0] += count }
                    record(output.line)
                case .failure(let error):
                    summary.errors += 1
                    failure(error)
                case nil:
                    summary.errors += 1
                    failure(InputError(.unreadable, path: "?", reason: "internal error: no result"))
                }
            }
            if let progress {
                var state = BatchProgress()
                state.filesDone = walker.finishedInputs
                state.filesTotal = walker.totalInputs
                state.documents = summary.inputs
                state.bytesDone = walker.consumedBytes
                state.bytesTotal = walker.totalBytes
                state.elapsed = Date().timeIntervalSince(started)
                progress(state)
            }
        }

        while let unit = walker.next() {
            window.append(unit)
            weight += unit.weight
            if window.count >= maxUnits || (weight >= windowBytes && window.count >= jobs) { flush() }
        }
        flush(last: true)
        summary.skipped = walker.skipped
        summary.alreadyDone = walker.alreadyDone
        summary.outOfShard = walker.outOfShard
        summary.diskBytes = walker.totalBytes
        return summary
    }

    struct Output: Sendable {
        var line: [UInt8]
        var inputBytes: Int
        var factCounts: [String: Int]
        var id: String
        var source: String
        var contentHash: String?
    }

    func process(_ unit: BatchUnit) -> Result<Output, InputError> {
        do throws(InputError) {
            var input: SourceInput
            switch unit {
            case .path(let path, _, let id):
                input = try InputCollector.read(path, maxBytes: maxDocumentBytes)
                input.id = id
            case .member(let member): input = member
            case .failure(let error): throw error
            }
            let record = try pipeline.extract(input)
            var counts: [String: Int] = [:]
            for drug in record.drugs { for fact in drug.facts { counts[fact.type.rawValue, default: 0] += 1 } }
            return .success(
                Output(
                    line: pipeline.encoder.encodeLine(record), inputBytes: input.bytes.count, factCounts: counts,
                    id: record.document.id, source: record.document.source, contentHash: record.document.contentHash))
        } catch {
            return .failure(error)
        }
    }
}
