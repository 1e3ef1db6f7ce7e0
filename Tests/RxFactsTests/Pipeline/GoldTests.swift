import Foundation
import Testing

/// The gate on correctness: rxfacts' facts scored against hand-written gold (`Corpus/gold`, made by
/// reading each leaflet, never from output) through the built `rxfacts diff --min-f1`, on the five
/// fact types a pharmacist signs for and only facts the leaflet states (`--source text
/// --source spl-metadata`). The thresholds are floors that only go up.
@Suite(.serialized) struct GoldTests {
    static let types = ["class", "indication", "contraindication", "combination", "schedule"]
    static let sharedLeaflets = TestSupport.path("../shared/data/leaflets-ema")

    /// `rxfacts diff GOLD ACTUAL --min-f1 X …`: exit code and output.
    static func diff(gold: String, actual: String, minF1: Double, perType: [String: Double]) throws -> (Int32, String) {
        var arguments = [
            "diff", gold, actual, "--concepts", "--min-f1", String(minF1), "--source", "text", "--source",
            "spl-metadata",
        ]
        for type in types { arguments += ["--type", type] }
        for (type, value) in perType.sorted(by: { $0.key < $1.key }) {
            arguments += ["--min-f1-type", "\(type)=\(value)"]
        }
        return try Executable.run(arguments)
    }

    /// Concatenates gold JSON Lines files into one temporary reference file.
    static func reference(_ names: [String], in directory: String) throws -> String {
        let path = directory + "/gold.jsonl"
        var bytes = Data()
        for name in names {
            bytes.append(try Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Corpus/gold/\(name)"))))
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func splLabelsAndTheSeedLeafletMeetTheirFloor() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let actual = directory + "/actual.jsonl"
        let (extractStatus, extractOutput) = try Executable.run(
            ["extract", TestSupport.path("Corpus/spl"), TestSupport.path("Corpus/text"), "-o", actual, "--quiet"])
        #expect(extractStatus == 0, "\(extractOutput)")
        let gold = try Self.reference(["gold-spl.jsonl", "gold-text.jsonl"], in: directory)
        let (status, output) = try Self.diff(
            gold: gold, actual: actual, minF1: 0.58, perType: ["class": 0.68, "combination": 0.64, "schedule": 1.0])
        #expect(status == 0, "\(output)")
        #expect(output.contains("overall (micro)"))
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: sharedLeaflets),
            "needs ../shared/data/leaflets-ema (eval-only leaflets are not in the repo)"))
    func emaPatientLeafletsMeetTheirFloor() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let actual = directory + "/actual.jsonl"
        let (extractStatus, extractOutput) = try Executable.run([
            "extract", Self.sharedLeaflets, "-o", actual, "--quiet",
        ])
        #expect(extractStatus == 0, "\(extractOutput)")
        let (status, output) = try Self.diff(
            gold: TestSupport.path("Corpus/gold/gold-ema.jsonl"), actual: actual, minF1: 0.86,
            perType: ["class": 0.85, "combination": 0.89, "contraindication": 0.75, "indication": 0.70])
        #expect(status == 0, "\(output)")
    }

    @Test func theGateFailsWhenTheFloorIsMissed() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let empty = directory + "/empty.jsonl"
        // A run that found nothing for the seed leaflet: same document, no drugs.
        try Data(
            #"{"schema":"rxfacts/1","document":{"id":"000_07aae011b33a312d","source":"x","format":"text"},"drugs":[]}"#
                .utf8
        )
        .write(to: URL(fileURLWithPath: empty))
        let (status, output) = try Self.diff(
            gold: TestSupport.path("Corpus/gold/gold-text.jsonl"), actual: empty, minF1: 0.5, perType: [:])
        #expect(status == 1, "\(output)")
    }
}

/// Runs the `rxfacts` binary the test build produced, as a user would.
enum Executable {
    /// The binary beside the test bundle (`.build/<config>/rxfacts`).
    static var path: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "rxfacts"
        ).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return TestSupport.path(".build/debug/rxfacts")
    }

    /// Runs `rxfacts ARGUMENTS` in the package root; returns the exit status and stdout + stderr.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "rxfacts-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }
}
