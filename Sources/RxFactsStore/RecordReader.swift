import Foundation
import RxFacts

/// Reads `rxfacts/1` records from JSON Lines files (one record per line; blank lines are allowed).
///
/// A line that is not a record stops the read with an error naming file, line and column.
public enum RecordReader {
    /// Calls `body` with each record of the file at `path` (`-` reads standard input) and its 1-based line.
    public static func forEachRecord(
        inFile path: String, _ body: (_ record: Record, _ line: Int) throws -> Void
    ) throws {
        try forEachRecord(in: read(path), path: path, body)
    }

    /// Like `forEachRecord(inFile:_:)`, also handing over the line's bytes (the loader
    /// fingerprints them instead of re-encoding the record).
    static func forEachLine(
        inFile path: String, _ body: (_ record: Record, _ line: Int, _ bytes: Data) throws -> Void
    ) throws {
        try forEachLine(in: read(path), path: path, body)
    }

    private static func read(_ path: String) throws -> Data {
        do {
            return path == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StoreError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Calls `body` with each record in `data`; `path` names the input in errors.
    public static func forEachRecord(
        in data: Data, path: String, _ body: (_ record: Record, _ line: Int) throws -> Void
    ) throws {
        try forEachLine(in: data, path: path) { record, line, _ in try body(record, line) }
    }

    /// Calls `body` with each record in `data`, its 1-based line and the line's bytes.
    static func forEachLine(
        in data: Data, path: String, _ body: (_ record: Record, _ line: Int, _ bytes: Data) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        let bytes = [UInt8](data)
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let start = lineStart
            lineStart = lineEnd + 1
            var first = start
            while first < lineEnd && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) { first += 1 }
            if first == lineEnd { continue }  // blank line
            let line = Data(bytes[start..<lineEnd])
            let column = first - start + 1
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: line)
            } catch {
                let (reported, reason) = describe(error)
                throw StoreError.badRecord(path: path, line: lineNumber, column: reported ?? column, reason: reason)
            }
            guard record.schema == Record.schemaVersion else {
                throw StoreError.badRecord(
                    path: path, line: lineNumber, column: column,
                    reason: "record schema is '\(record.schema)', expected '\(Record.schemaVersion)'")
            }
            guard !record.document.id.isEmpty else {
                throw StoreError.badRecord(
                    path: path, line: lineNumber, column: column, reason: "record has an empty document id")
            }
            try body(record, lineNumber, line)
        }
    }

    /// A column (when the decoder reports one) and a readable reason for a decoding error.
    static func describe(_ error: any Error) -> (Int?, String) {
        guard let error = error as? DecodingError else { return (nil, "not a record: \(error)") }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { "\($0)" } ?? ""
            return (column(in: underlying + " " + context.debugDescription),
                    "not valid JSON\(path(context)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return (nil, "not an rxfacts/1 record: missing key '\(key.stringValue)'\(path(context))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return (nil, "not an rxfacts/1 record\(path(context)): \(context.debugDescription)")
        @unknown default:
            return (nil, "not a record: \(error)")
        }
    }

    /// Finds "column N" in a JSON parser message.
    private static func column(in message: String) -> Int? {
        guard let range = message.range(of: "column ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
}
