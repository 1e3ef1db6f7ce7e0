import Foundation
import RxFacts

/// What an existing output file already holds, for `extract --resume`: the `document.source`
/// of every complete record line, and where the complete lines end. A last line without its
/// newline (the run was killed while writing it) is not counted; `truncate` cuts it off so the
/// resumed run appends from a line boundary. The file is read in 1 MB blocks.
package struct ResumeLog: Sendable, Hashable {
    /// Sources (input paths, `archive.zip!member`) already in the output.
    package var sources: Set<String> = []
    /// Complete record lines.
    package var records = 0
    /// Length in bytes of the complete lines.
    package var validLength: UInt64 = 0
    /// Bytes after the last newline (a truncated record), dropped by `truncate`.
    package var droppedBytes = 0

    package init() {}

    private struct Line: Decodable {
        struct Document: Decodable { var source: String }
        var document: Document
    }

    /// Reads `path`; a file that does not exist is an empty log.
    package static func read(_ path: String) throws(InputError) -> ResumeLog {
        var log = ResumeLog()
        guard FileManager.default.fileExists(atPath: path) else { return log }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(.unreadable, path: path, reason: "cannot read the output file to resume")
        }
        defer { try? handle.close() }
        let decoder = JSONDecoder()
        var pending: [UInt8] = []
        var lineNumber = 0
        while true {
            let block: Data
            do {
                block = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw InputError(.unreadable, path: path, reason: "cannot read the output file to resume (\(error))")
            }
            if block.isEmpty { break }
            pending.append(contentsOf: block)
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                let line = pending[start..<newline]
                start = newline + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
                guard let parsed = try? decoder.decode(Line.self, from: Data(line)) else {
                    throw InputError(
                        .encoding, path: path, line: lineNumber, column: 1,
                        reason: "not an rxfacts record line; cannot resume from this output")
                }
                log.sources.insert(parsed.document.source)
                log.records += 1
            }
            log.validLength += UInt64(start)
            pending.removeFirst(start)
        }
        log.droppedBytes = pending.count
        // A cut-off record line starts like one; anything else means this is not rxfacts output,
        // and cutting it off would destroy someone's file.
        if !pending.isEmpty {
            let prefix = Array(#"{"schema":"rxfacts/"#.utf8)
            let head = pending.prefix(prefix.count)
            guard prefix.starts(with: head) || pending.starts(with: prefix) else {
                throw InputError(
                    .encoding, path: path, line: lineNumber + 1, column: 1,
                    reason: "not an rxfacts record line; cannot resume from this output (the file is left as it is)")
            }
        }
        return log
    }

    /// Cuts the file at `validLength` when a truncated last line was found.
    package func truncate(_ path: String) throws(InputError) {
        guard droppedBytes > 0 else { return }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.truncate(atOffset: validLength)
        } catch {
            throw InputError(.unreadable, path: path, reason: "cannot cut the truncated last line (\(error))")
        }
    }
}
