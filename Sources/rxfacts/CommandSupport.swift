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
            standardError("rxfacts: error: no pipeline given and Pipelines/default.yaml not found (here, or installed with the binary under PREFIX/share/rxfacts by Scripts/install.sh); pass --pipeline FILE or set RXFACTS_PIPELINE\n")
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
        guard let path, path != "-" else { return BufferedOutput(handle: .standardOutput) }
        if append, FileManager.default.fileExists(atPath: path) {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                standardError("rxfacts: error: \(path): cannot open output file for appending\n")
                throw ExitCode(2)
            }
            _ = try? handle.seekToEnd()
            return BufferedOutput(handle: handle)
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
            return BufferedOutput(handle: handle)
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            standardError("rxfacts: error: \(path): cannot create output file\n")
            throw ExitCode(2)
        }
        return BufferedOutput(handle: handle)
    }

    static func standardError(_ message: String) {
        FileHandle.standardError.write(Data(message.utf8))
    }
}

/// Collects output bytes and writes them in large blocks.
final class BufferedOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
