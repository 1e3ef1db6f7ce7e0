import Foundation
import Testing
@testable import RxFacts

/// `Scripts/install.sh` under a temporary prefix: the installed binary extracts the seed leaflet
/// from `/` with no environment variable, with the same pipeline fingerprint as the repository's.
@Suite(
    .enabled(
        if: StoreTestSupport.rxfactsExecutable != nil, "rxfacts executable not found beside the tests (set RXFACTS_BIN)"
    ))
struct InstallTests {
    static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String]
    ) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test func installedBinaryExtractsFromAnyDirectory() throws {
        let binary = try #require(StoreTestSupport.rxfactsExecutable)
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-install-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        var environment = ProcessInfo.processInfo.environment
        environment["RXFACTS_PIPELINE"] = nil
        let install = try Self.run(
            "/bin/bash", [TestSupport.path("Scripts/install.sh"), "--binary", binary.path, prefix],
            in: TestSupport.root.path, environment: environment)
        #expect(install.status == 0, "\(install.err)")

        let installed = prefix + "/bin/rxfacts"
        for file in [
            "share/rxfacts/Pipelines/default.yaml", "share/rxfacts/Pipelines/lexicons/releases.yaml",
            "share/rxfacts/Pipelines/lexicons/licences/CC-BY-4.0.txt", "share/doc/rxfacts/LICENSE",
            "share/doc/rxfacts/NOTICE",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) not installed")
        }

        // From /, where no Pipelines/ folder is, with no RXFACTS_PIPELINE.
        let extract = try Self.run(
            installed, ["extract", "-q", TestSupport.seedPath], in: "/", environment: environment)
        #expect(extract.status == 0, "\(extract.err)")
        let record = try #require(try RecordReader.parse(Array(extract.out.utf8), path: "stdout").first?.record)
        #expect(record.drugs.map(\.name) == ["diazepam"])
        #expect(
            record.provenance?.fingerprint == TestSupport.pipeline.provenance.fingerprint,
            "the installed pipeline is the repository's")

        // Found through $PATH too (argv[0] is then a bare name).
        environment["PATH"] = prefix + "/bin:" + (environment["PATH"] ?? "/usr/bin:/bin")
        let viaPath = try Self.run(
            "/usr/bin/env", ["rxfacts", "extract", "-q", TestSupport.seedPath], in: "/", environment: environment)
        #expect(viaPath.status == 0, "\(viaPath.err)")
        #expect(viaPath.out == extract.out)

        let version = try Self.run(installed, ["--version"], in: "/", environment: environment)
        #expect(version.out == RxFactsVersion.current + "\n")
    }
}
