import Foundation
import RxFacts

/// Runs a pipeline over many inputs and hands each result, in input order, to a sink:
/// every input ends as a record line or as an error — nothing is dropped.
///
/// Inputs are walked lazily (`InputWalker`: files, `-`, zip archives member by member) and
/// processed in windows of at most `jobs × 32` units or about `windowBytes` of input, each window
/// spread over `jobs` threads: `jobs − 1` background workers start on it at once, and the calling
/// thread joins them after it has emitted the window before (in input order: the sink may write
/// a database) and read the next, so reading, extracting and writing overlap. At most two
/// windows are in flight, so memory stays bounded whatever the size of the corpus.
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
        run(
            paths: paths, shard: shard, done: done, problems: problems, ids: ids,
            records: { _, line in record(line) }, failure: failure, progress: progress)
    }

    /// `run` handing the sink each record with its JSON line (a database loads the record as it
    /// is, without parsing the line back).
    package func run(
        paths: [String], shard: ShardSpec = .all, done: Set<String> = [], problems: [String: InputError] = [:],
        ids: [String: String] = [:],
        records record: (Record, [UInt8]) -> Void, failure: (InputError) -> Void,
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
        let given = GivenIds()
        // Workers wait for the slowest of them at each window's end: long windows keep that tail
        // small (with 8 per job, 2 jobs on labels of ~150 KB lost ~8 % of the run to it).
        let maxUnits = jobs * 32

        /// A window being processed; `finished` is signalled when the background workers are done
        /// with it (the calling thread takes its share through `finish`).
        struct InFlight: Sendable {
            let units: [BatchUnit]
            let results: ResultSlots
            let finished: DispatchGroup

            /// Processes units no thread has taken yet, until none is left (every worker's loop).
            func work(_ extractor: BatchExtractor) {
                while let index = results.claimNext() { results.set(index, extractor.process(units[index])) }
            }
        }
        var inFlight: InFlight?

        /// Starts `jobs - 1` background workers on `units` and returns at once; the calling thread
        /// is the last worker (`finish`), once it has emitted the window before.
        func start(_ units: [BatchUnit]) -> InFlight {
            let window = InFlight(units: units, results: ResultSlots(count: units.count), finished: DispatchGroup())
            let extractor = self
            let background = min(jobs - 1, units.count)
            if background > 0 {
                DispatchQueue.global().async(group: window.finished) {
                    DispatchQueue.concurrentPerform(iterations: background) { _ in window.work(extractor) }
                }
            }
            return window
        }

        /// Processes what is left of `window` on this thread, then waits for the workers.
        func finish(_ window: InFlight) {
            window.work(self)
            window.finished.wait()
        }

        /// Finishes the window in flight, starts the current one, and emits the finished one while
        /// the background workers run: never more than `jobs` threads processing, the emitting (to
        /// stdout or a database) overlapping the extracting.
        func flush(last: Bool = false) {
            if let previous = inFlight { finish(previous) }
            // The last call always emits once, so progress hears the final state even of no input.
            let next: InFlight? = window.isEmpty && !last ? nil : start(window)
            window.removeAll(keepingCapacity: true)
            weight = 0
            if let previous = inFlight { emit(previous) }
            inFlight = next
            if last, let next {
                finish(next)
                emit(next)
                inFlight = nil
            }
        }

        /// Hands a finished window's results to the sink, in input order.
        func emit(_ window: InFlight) {
            for result in window.results.values {
                summary.inputs += 1
                switch result {
                case .success(let output):
                    if let first = given.give(output.id, source: output.source, contentHash: output.contentHash) {
                        summary.errors += 1
                        failure(
                            InputError(
                                .unreadable, path: output.source,
                                reason:
                                    "document id '\(output.id)' is already the id of \(first.source) in this run, a different document; name the input with --id or walk its directory to get a unique id"
                            ))
                        continue
                    }
                    summary.records += 1
                    summary.bytes += output.inputBytes
                    for (type, count) in output.factCounts { summary.factsByType[type, default: 0] += count }
                    record(output.record, output.line)
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
        var record: Record
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
                    record: record, line: pipeline.encoder.encodeLine(record), inputBytes: input.bytes.count,
                    factCounts: counts,
                    id: record.document.id, source: record.document.source, contentHash: record.document.contentHash))
        } catch {
            return .failure(error)
        }
    }
}
