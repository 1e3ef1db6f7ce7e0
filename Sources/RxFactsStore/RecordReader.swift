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
        let data: Data
        do {
            data = path == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StoreError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        try forEachRecord(in: data, path: path, body)
    }

    /// Calls `body` with each record in `data`; `path` names the input in errors.
    public static func forEachRecord(
        in data: Data, path: String, _ body: (_ record: Record, _ line: Int) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        var lineNumber = 0
        var lineStart = data.startIndex
        while lineStart < data.endIndex {
            lineNumber += 1
            let lineEnd = data[lineStart...].firstIndex(of: 0x0A) ?? data.endIndex
            let line = data[lineStart..<lineEnd]
            lineStart = lineEnd < data.endIndex ? data.index(after: lineEnd) : data.endIndex
            guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: Data(line))
            } catch {
                let (column, reason) = describe(error)
                throw StoreError.badRecord(
                    path: path, line: lineNumber, column: column ?? (first - line.startIndex + 1), reason: reason)
            }
            guard record.schema == Record.schemaVersion else {
                throw StoreError.badRecord(
                    path: path, line: lineNumber, column: first - line.startIndex + 1,
                    reason: "record schema is '\(record.schema)', expected '\(Record.schemaVersion)'")
            }
            guard !record.document.id.isEmpty else {
                throw StoreError.badRecord(
                    path: path, line: lineNumber, column: first - line.startIndex + 1,
                    reason: "record has an empty document id")
            }
            try body(record, lineNumber)
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
