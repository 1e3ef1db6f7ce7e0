import ArgumentParser
import Foundation
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild

/// Helpers the commands share: pipeline loading, buffered output, stderr.
enum CommandSupport {
    /// Loaded pipelines live until the process exits: freeing their tables (~100 MB of small
    /// allocations) at the end of a command would add ~30 ms to every run for nothing.
    nonisolated(unsafe) private static var loaded: [Pipeline] = []

    static func loadPipeline(_ path: String?) throws -> Pipeline {
        guard let path = path ?? Pipeline.defaultDefinitionPath() else {
            standardError(
                "rxfacts: error: no pipeline given and Pipelines/default.yaml not found (here, or installed with the binary under PREFIX/share/rxfacts by Scripts/install.sh); pass --pipeline FILE or set RXFACTS_PIPELINE\n"
            )
            throw ExitCode(2)
        }
        do {
            let pipeline = try Pipeline.load(contentsOf: path)
            loaded.append(pipeline)
            return pipeline
        } catch {
            standardError("rxfacts: error: \(error)\n")
            throw ExitCode(2)
        }
    }

    static func openOutput(_ path: String?, append: Bool = false) throws -> BufferedOutput {
        guard let path, path != "-" else { return BufferedOutput(handle: .standardOutput, name: "standard output") }
        if append, FileManager.default.fileExists(atPath: path) {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                standardError("rxfacts: error: \(path): cannot open output file for appending\n")
                throw ExitCode(2)
            }
            _ = try? handle.seekToEnd()
            return BufferedOutput(handle: handle, name: path)
        }
        // An existing path is opened in place and truncated, never replaced: createFile writes
        // atomically (a new file renamed over the old), which would turn /dev/null or a FIFO
        // into a regular file.
        if FileManager.default.fileExists(atPath: path) {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                standardError("rxfacts: error: \(path): cannot open output file for writing\n")
                throw ExitCode(2)
            }
            var isRegular = false
            if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
                isRegular = type == .typeRegular
            }
            if isRegular { try? handle.truncate(atOffset: 0) }
            return BufferedOutput(handle: handle, name: path)
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            standardError("rxfacts: error: \(path): cannot create output file\n")
            throw ExitCode(2)
        }
        return BufferedOutput(handle: handle, name: path)
    }

    /// Writes to standard error; a closed or full stderr is ignored (there is nowhere to say so).
    static func standardError(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data(message.utf8))
    }
}

/// Collects output bytes and writes them in large blocks. A write that fails (a full disk,
/// `/dev/full`, a closed standard output) is kept, later writes are dropped, and `finish()`
/// throws it, so the command ends with a clear message and a non-zero exit instead of a trap.
final class BufferedOutput {
    private let handle: FileHandle
    private let name: String
    private var buffer: [UInt8] = []
    /// The first write error, with the output's name.
    private(set) var failure: String?

    init(handle: FileHandle, name: String) {
        self.handle = handle
        self.name = name
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = "cannot write to \(name): \(Self.explain(error))"
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then reports a write failure as `rxfacts: error: …` and exit code 2.
    func finish() throws {
        flush()
        if let failure {
            CommandSupport.standardError("rxfacts: error: \(failure)\n")
            throw ExitCode(2)
        }
    }

    private static func explain(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
