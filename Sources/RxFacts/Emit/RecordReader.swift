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

    /// Parses one JSON Lines file (or `-`, a pipe, a process substitution such as
    /// `diff A <(rxfacts extract …)`), read in blocks: only the records stay in memory.
    public static func loadFile(_ path: String) throws(RecordFileError) -> [Located] {
        try located(in: path) { body throws in try forEachLine(inFile: path, body) }
    }

    /// The records `lines` hands its body, located in `path`; an error other than a
    /// `RecordFileError` becomes one naming `path`.
    private static func located(
        in path: String, _ lines: ((Record, Int, ArraySlice<UInt8>) throws -> Void) throws -> Void
    ) throws(RecordFileError) -> [Located] {
        var result: [Located] = []
        do {
            try lines { record, line, _ in result.append(Located(record: record, path: path, line: line)) }
        } catch let error as RecordFileError {
            throw error
        } catch {
            throw RecordFileError(path: path, reason: "\(error)")
        }
        return result
    }

    /// Bytes read from a record file at a time.
    public static let blockSize = 1 << 20

    /// `forEachLine(in:path:_:)` over the file at `path` (`-` is standard input; a pipe or a
    /// process substitution works too), read in blocks of `blockSize`: memory holds a block and
    /// the line being read, however long the input (`extract … | load -` streams).
    public static func forEachLine(
        inFile path: String, blockSize: Int = blockSize,
        _ body: (_ record: Record, _ line: Int, _ bytes: ArraySlice<UInt8>) throws -> Void
    ) throws {
        guard let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw RecordFileError(path: path, reason: exists ? "cannot read file" : "no such file or directory")
        }
        defer { if path != "-" { try? handle.close() } }
        let decoder = JSONDecoder()
        var pending: [UInt8] = []
        var lineNumber = 0
        while true {
            let block: Data?
            do {
                block = try handle.read(upToCount: max(1, blockSize))
            } catch {
                throw RecordFileError(path: path, reason: "cannot read file (\(error.localizedDescription))")
            }
            guard let block, !block.isEmpty else { break }
            pending += block
            var start = 0
            while let end = pending[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                try parseLine(pending[start..<end], number: lineNumber, path: path, decoder: decoder, body)
                start = end + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty {
            try parseLine(pending[...], number: lineNumber + 1, path: path, decoder: decoder, body)
        }
    }

    /// Parses JSON Lines bytes; `path` only names the source in errors and results.
    public static func parse(_ bytes: [UInt8], path: String) throws(RecordFileError) -> [Located] {
        try located(in: path) { body throws in try forEachLine(in: bytes, path: path, body) }
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
            try parseLine(bytes[lineStart..<lineEnd], number: lineNumber, path: path, decoder: decoder, body)
            lineStart = lineEnd + 1
        }
    }

    /// One line of a record file (without its newline): skipped when blank, else a record that
    /// `body` gets, or a `RecordFileError` naming path, line and column.
    private static func parseLine(
        _ line: ArraySlice<UInt8>, number lineNumber: Int, path: String, decoder: JSONDecoder,
        _ body: (_ record: Record, _ line: Int, _ bytes: ArraySlice<UInt8>) throws -> Void
    ) throws {
        var first = line.startIndex
        while first < line.endIndex && (line[first] == 0x20 || line[first] == 0x09 || line[first] == 0x0D) {
            first += 1
        }
        if first == line.endIndex { return }
        let column = first - line.startIndex + 1
        let record: Record
        do {
            record = try decoder.decode(Record.self, from: Data(line))
        } catch {
            let (errorColumn, reason) = describe(error)
            throw RecordFileError(path: path, line: lineNumber, column: errorColumn ?? column, reason: reason)
        }
        guard record.schema == Record.schemaVersion else {
            throw RecordFileError(
                path: path, line: lineNumber, column: column,
                reason: "record schema is '\(record.schema)', expected '\(Record.schemaVersion)'")
        }
        guard !record.document.id.isEmpty else {
            throw RecordFileError(
                path: path, line: lineNumber, column: column, reason: "record has an empty document id")
        }
        try body(record, lineNumber, line)
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
