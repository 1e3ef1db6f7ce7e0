// Per-stage throughput of the extraction pipeline (a benchmark, not a test).
//
//   swift run -c release rxfacts-bench [--pipeline FILE] [--rounds N] INPUT...
//
// Loads the pipeline once (start-up time reported), reads the inputs into memory, then runs
// every stage over them N times on one thread and prints MB/s per stage and end to end.
import Foundation
import RxFacts
import RxFactsBatch

let usage = """
    usage: rxfacts-bench [--pipeline FILE] [--rounds N] INPUT...
      INPUT            leaflet files or directories (text or XML), read into memory first
      --pipeline FILE  pipeline definition (default Pipelines/default.yaml)
      --rounds N       run every stage N times and keep each stage's best (default 3)
    Prints the pipeline's load time, then seconds, share and MB/s per stage on one thread.

    """
/// Prints `message` and the usage to standard error, and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("rxfacts-bench: " + message + "\n" + usage).utf8))
    exit(2)
}
var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage, terminator: "")
    exit(0)
}
var pipelinePath = "Pipelines/default.yaml"
var rounds = 3
if let i = arguments.firstIndex(of: "--pipeline") {
    guard i + 1 < arguments.count else { fail("--pipeline needs a FILE") }
    pipelinePath = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
}
if let i = arguments.firstIndex(of: "--rounds") {
    guard i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 else { fail("--rounds needs a positive N") }
    rounds = n
    arguments.removeSubrange(i...(i + 1))
}
guard !arguments.isEmpty else { fail("no INPUT given") }
let clock = ContinuousClock()
let loadStart = clock.now
let pipeline: Pipeline
do { pipeline = try Pipeline.load(contentsOf: pipelinePath) } catch {
    FileHandle.standardError.write(Data("rxfacts-bench: \(error)\n".utf8))
    exit(2)
}
let loadTime = clock.now - loadStart
var inputs: [SourceInput] = []
for path in InputCollector.collect(arguments) {
    do { inputs.append(try InputCollector.read(path)) } catch { fail("\(error)") }
}
guard !inputs.isEmpty else { fail("no leaflet files in \(arguments.joined(separator: " "))") }
print(
    "pipeline \(pipelinePath): loaded in \(loadTime), \(pipeline.knowledge.lexicon.lexicon.entries.count) lexicon entries, \(pipeline.knowledge.phrases.states) automaton states, \(pipeline.knowledge.vocabulary.count) vocabulary keys"
)
var best: [(stage: String, seconds: Double)] = []
var bytes = 0
var documents = 0
for _ in 0..<rounds {
    let result = pipeline.profileStages(inputs)
    bytes = result.bytes
    documents = result.documents
    if best.isEmpty {
        best = result.seconds
    } else {
        best = zip(best, result.seconds).map { ($0.stage, min($0.seconds, $1.seconds)) }
    }
}
let megabytes = Double(bytes) / 1_000_000
let total = best.reduce(0) { $0 + $1.seconds }
print(String(format: "%d documents, %.1f MB, best of %d rounds, one thread", documents, megabytes, rounds))
for (stage, seconds) in best {
    print(
        "  " + stage.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: " %8.3f s  %5.1f%%  %9.1f MB/s", seconds, 100 * seconds / total, megabytes / seconds))
}
print(
    "  total     "
        + String(
            format: " %8.3f s  100.0%%  %9.1f MB/s  %.0f docs/s", total, megabytes / total, Double(documents) / total))
