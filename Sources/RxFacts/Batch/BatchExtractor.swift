import Foundation

/// Runs a pipeline over many inputs and hands each result, in input order, to a sink:
/// every input ends as a record line or as an error — nothing is dropped.
public struct BatchExtractor: Sendable {
    public let pipeline: Pipeline
    /// Documents processed concurrently per batch (input order is kept).
    public let jobs: Int

    public init(pipeline: Pipeline, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
    }

    /// Counts of one run.
    public struct Summary: Sendable, Hashable {
        public var inputs = 0
        public var records = 0
        public var errors = 0
        public var bytes = 0
        public var factsByType: [String: Int] = [:]
    }

    /// Processes `paths`; `record` receives each JSON line, `failure` each error, in input order.
    public func run(paths: [String], record: ([UInt8]) -> Void, failure: (InputError) -> Void) -> Summary {
        var summary = Summary()
        let window = jobs * 8
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(paths.count, start + window)])
            start += batch.count
            let results = ResultSlots(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                results.set(index, process(batch[index]))
            }
            for result in results.values {
                summary.inputs += 1
                switch result {
                case .success(let output):
                    summary.records += 1
                    summary.bytes += output.inputBytes
                    for (type, count) in output.factCounts { summary.factsByType[type, default: 0] += count }
                    record(output.line)
                case .failure(let error):
                    summary.errors += 1
                    failure(error)
                case nil:
                    break
                }
            }
        }
        return summary
    }

    struct Output: Sendable {
        var line: [UInt8]
        var inputBytes: Int
        var factCounts: [String: Int]
    }

    func process(_ path: String) -> Result<Output, InputError> {
        do throws(InputError) {
            let input = try InputCollector.read(path)
            let record = try pipeline.extract(input)
            var counts: [String: Int] = [:]
            for drug in record.drugs { for fact in drug.facts { counts[fact.type.rawValue, default: 0] += 1 } }
            return .success(Output(line: pipeline.encoder.encodeLine(record), inputBytes: input.bytes.count, factCounts: counts))
        } catch {
            return .failure(error)
        }
    }
}

/// Slots written by concurrent workers, one per index, read after they all finish.
final class ResultSlots: @unchecked Sendable {
    private var storage: [Result<BatchExtractor.Output, InputError>?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<BatchExtractor.Output, InputError>) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Result<BatchExtractor.Output, InputError>?] { storage }
}
