import Foundation

/// Reads `rxfacts/1` records from JSON Lines files, or from every `*.jsonl` file under a directory.
///
/// Every non-blank line must be one record; a line that is not is an error naming file and line,
/// never skipped. Document ids must be unique across everything loaded, because `diff` matches
/// records by document id.
public enum RecordReader {
    /// A record and where it was read.
    public struct Located: Sendable, Hashable {
        public var record: Record
        public var path: String
        public var line: Int
    }

    /// Loads `path` (a file, a pipe, `-` for standard input, or a directory searched recursively
    /// for `*.jsonl`) in a stable order: files sorted by path, records in file order.
    public static func load(_ path: String) throws(RecordFileError) -> [Located] {
        var isDirectory: ObjCBool = false
        guard path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RecordFileError(path: path, reason: "no such file or directory")
        }
        let files = isDirectory.boolValue ? try jsonlFiles(under: path) : [path]
        var located: [Located] = []
        var seen: [String: Located] = [:]
        for file in files {
            for item in try loadFile(file) {
                if let first = seen[item.record.document.id] {
                    throw RecordFileError(
                        path: item.path, line: item.line,
                        reason:
                            "document id '\(item.record.document.id)' already read at \(first.path):\(first.line); record sets must hold one record per document"
                    )
                }
                seen[item.record.document.id] = item
                located.append(item)
            }
        }
        return located
    }

    /// Loads and returns only the records (see `load(_:)`).
    public static func records(_ path: String) throws(RecordFileError) -> [Record] {
        try load(path).map(\.record)
    }

    static func jsonlFiles(under directory: String) throws(RecordFileError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw RecordFileError(path: directory, reason: "cannot list directory")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".jsonl") {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        if files.isEmpty {
            throw RecordFileError(path: directory, reason: "directory holds no *.jsonl record files")
        }
        return files.sorted()
    }

    /// Parses one JSON Lines file.
    public static func loadFile(_ path: String) throws(RecordFileError) -> [Located] {
        guard let data = FileManager.default.contents(atPath: path) ?? readStream(path) else {
            throw RecordFileError(path: path, reason: "cannot read file")
        }
        return try parse([UInt8](data), path: path)
    }

    /// Standard input (`-`), a pipe or process substitution (`diff A <(rxfacts extract …)`): `contents(atPath:)` gives
    /// nil for what is not a regular file, so it is read to its end through a file handle.
    static func readStream(_ path: String) -> Data? {
        guard let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            return nil
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()  // nil: the pipe closed with nothing in it
        } catch {
            return nil
        }
    }

    /// Parses JSON Lines bytes; `path` only names the source in errors and results.
    public static func parse(_ bytes: [UInt8], path: String) throws(RecordFileError) -> [Located] {
        var result: [Located] = []
        do {
            try forEachLine(in: bytes, path: path) { record, line, _ in
                result.append(Located(record: record, path: path, line: line))
            }
        } catch let error as RecordFileError {
            throw error
        } catch {
            throw RecordFileError(path: path, reason: "\(error)")
        }
        return result
    }

    /// Calls `body` with each record in `bytes`, its 1-based line and the line's bytes (without
    /// the newline). Blank lines are skipped; a line that is not an `rxfacts/1` record with a
    /// document id throws `RecordFileError` naming path, line and column; errors thrown by
    /// `body` pass through. The one JSON Lines reader behind `diff`, `eval` and `load`.
    public static func forEachLine(
        in bytes: [UInt8], path: String,
        _ body: (_ record: Record, _ line: Int, _ bytes: ArraySlice<UInt8>) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let start = lineStart
            lineStart = lineEnd + 1
            var first = start
            while first < lineEnd && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) {
                first += 1
            }
            if first == lineEnd { continue }
            let line = bytes[start..<lineEnd]
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: Data(line))
            } catch {
                let (column, reason) = describe(error)
                throw RecordFileError(
                    path: path, line: lineNumber, column: column ?? (first - start + 1), reason: reason)
            }
            guard record.schema == Record.schemaVersion else {
                throw RecordFileError(
                    path: path, line: lineNumber, column: first - start + 1,
                    reason: "record schema is '\(record.schema)', expected '\(Record.schemaVersion)'")
            }
            guard !record.document.id.isEmpty else {
                throw RecordFileError(
                    path: path, line: lineNumber, column: first - start + 1, reason: "record has an empty document id")
            }
            try body(record, lineNumber, line)
        }
    }

    /// Turns a decoding error into a column (when JSON syntax says where) and a readable reason.
    static func describe(_ error: any Error) -> (Int?, String) {
        func pathText(_ path: [any CodingKey]) -> String {
            let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "record" : "record" + text
        }
        guard let decoding = error as? DecodingError else {
            return (nil, "not a record: \(error)")
        }
        switch decoding {
        case .dataCorrupted(let context):
            var column: Int?
            if let underlying = context.underlyingError as NSError?,
                let index = underlying.userInfo["NSJSONSerializationErrorIndex"] as? Int
            {
                column = index + 1
            }
            if context.codingPath.isEmpty {
                return (column, "not valid JSON (one record per line expected)")
            }
            return (column, "bad value at \(pathText(context.codingPath)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return (nil, "missing key '\(key.stringValue)' in \(pathText(context.codingPath))")
        case .typeMismatch(let type, let context):
            return (nil, "expected \(type) at \(pathText(context.codingPath))")
        case .valueNotFound(let type, let context):
            return (nil, "null where \(type) is required at \(pathText(context.codingPath))")
        @unknown default:
            return (nil, "not a record: \(error)")
        }
    }
}
