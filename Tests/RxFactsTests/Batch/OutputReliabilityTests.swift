import Foundation
import Testing

/// Output that cannot be written is an error message and exit code 2, never a trap (issue 13).
@Suite(.serialized) struct OutputReliabilityTests {
    @Test func aFullDiskIsAClearErrorAndExitCode2() throws {
        let (status, output) = try Executable.run(["extract", "Corpus/text", "-o", "/dev/full"])
        #expect(status == 2, "\(output)")
        #expect(output.contains("rxfacts: error: cannot write to /dev/full: No space left on device"), "\(output)")
    }

    @Test func aClosedStandardOutputIsAClearErrorAndExitCode2() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" extract -q Corpus/text >&-", Executable.path]
        process.currentDirectoryURL = TestSupport.root
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2, "\(text)")
        #expect(text.contains("cannot write to standard output"), "\(text)")
    }

    @Test func standardInputOverTheLimitIsAnErrorNotUnboundedMemory() throws {
        let (status, output) = try Executable.run(
            ["extract", "--max-document-mib", "1", "-"],
            stdin: Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 10))
        #expect(status == 1, "\(output)")
        #expect(output.contains("-: document is over the limit of 1 MiB (--max-document-mib); not read"), "\(output)")
    }
}
