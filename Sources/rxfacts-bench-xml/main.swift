// rxfacts-bench-xml: throughput of the XML ingest path on a directory of SPL files replicated
// to a target size, beside libxml2's own text-reader speed on the same bytes.
// Usage: rxfacts-bench-xml [DIR (default Corpus/spl)] [MEGABYTES (default 100)]
// Run it in release mode: swift run -c release rxfacts-bench-xml  (or Scripts/bench-xml.sh).
import Foundation
import RxFacts
import RxXML

let usageText = """
    usage: rxfacts-bench-xml [DIR] [MEGABYTES]
      DIR        directory of .xml files (default Corpus/spl)
      MEGABYTES  replicate them to at least this size (default 100)
    Times libxml2's reader, rxfacts' validation, its scanner and the full SPL ingest on the same bytes.

    """
/// Prints `message` and the usage to standard error, and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("rxfacts-bench-xml: " + message + "\n" + usageText).utf8))
    exit(2)
}
let arguments = CommandLine.arguments
if arguments.contains("--help") || arguments.contains("-h") {
    print(usageText, terminator: "")
    exit(0)
}
let directory = arguments.count > 1 ? arguments[1] : "Corpus/spl"
let targetMB: Double
if arguments.count > 2 {
    guard let value = Double(arguments[2]), value > 0 else {
        fail("MEGABYTES must be a positive number, not '\(arguments[2])'")
    }
    targetMB = value
} else {
    targetMB = 100
}

var files: [SourceInput] = []
do {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
    for name in names {
        let path = directory + "/" + name
        files.append(SourceInput(path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
    }
} catch {
    fail("\(directory): cannot read (\(error.localizedDescription))")
}
let setBytes = files.reduce(0) { $0 + $1.bytes.count }
guard setBytes > 0 else { fail("\(directory): no .xml files with content") }
let copies = Int((targetMB * 1_000_000 / Double(setBytes)).rounded(.up))
let totalBytes = setBytes * copies
print("machine: \(ProcessInfo.processInfo.processorCount) cores; libxml2 \(LibXML2.version)")
print(
    "input: \(files.count) files, \(setBytes) bytes, replicated \(copies)× = \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB"
)

@MainActor func measure(_ label: String, _ body: (SourceInput) throws -> Int) rethrows {
    var sink = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<copies {
        for file in files { sink &+= try body(file) }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let mbps = Double(totalBytes) / 1e6 / seconds
    let padded = label.padding(toLength: 46, withPad: " ", startingAt: 0)
    print(padded + String(format: "%7.2f s  %7.1f MB/s  (check %d)", seconds, mbps, sink))
}

let reader = XMLReader()
let detector = FormatDetector()
measure("libxml2 xmlTextReaderRead loop (bare)") { LibXML2.textReaderNodeCount($0.bytes) }
try measure("rxfacts validate (preflight + libxml2 SAX)") {
    try reader.validate($0.bytes)
    return 1
}
try measure("rxfacts scanner only (tree, exact offsets)") {
    try reader.scanWithoutValidation($0.bytes).root.children.count
}
try measure("XMLReader.read (validate + scanner tree)") { try reader.read($0.bytes).root.children.count }
try measure("FormatDetector + SPL ingest (full path)") { try detector.ingest($0).text.count }

var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
print("peak RSS: \(usage.ru_maxrss / 1024) MB")
