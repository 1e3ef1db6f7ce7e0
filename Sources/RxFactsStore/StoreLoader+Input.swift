import Foundation
import RxFacts

/// The loader's input: `rxfacts/1` records read by the project's one JSON Lines reader
/// (`RxFacts.RecordReader`), its errors turned into `StoreError.badRecord` naming file, line and column.
extension StoreLoader {
    /// Calls `body` with each record of the file at `path` (`-` reads standard input) and its 1-based line.
    package static func forEachRecord(
        inFile path: String, _ body: (_ record: Record, _ line: Int) throws -> Void
    ) throws {
        try forEachLine(inFile: path) { record, line, _ in try body(record, line) }
    }

    /// Like `forEachRecord(inFile:_:)`, also handing over the line's bytes (the loader
    /// fingerprints them instead of re-encoding the record). The input is read in blocks
    /// (`RecordReader.forEachLine(inFile:_:)`), so a load's memory does not grow with its input.
    static func forEachLine(
        inFile path: String, _ body: (_ record: Record, _ line: Int, _ bytes: Data) throws -> Void
    ) throws {
        do {
            try RxFacts.RecordReader.forEachLine(inFile: path) { record, line, bytes in
                try body(record, line, Data(bytes))
            }
        } catch let error as RecordFileError {
            throw storeError(error)
        }
    }

    /// A record file's error as the loader reports it: unreadable, or a bad line.
    private static func storeError(_ error: RecordFileError) -> StoreError {
        guard let line = error.line else { return .unreadable(path: error.path, reason: error.reason) }
        return .badRecord(path: error.path, line: line, column: error.column ?? 1, reason: error.reason)
    }

    /// Calls `body` with each record in `data`; `path` names the input in errors.
    package static func forEachRecord(
        in data: Data, path: String, _ body: (_ record: Record, _ line: Int) throws -> Void
    ) throws {
        try forEachLine(in: data, path: path) { record, line, _ in try body(record, line) }
    }

    /// Calls `body` with each record in `data`, its 1-based line and the line's bytes
    /// (`RxFacts.RecordReader.forEachLine`, the project's one JSON Lines reader; its errors become
    /// `StoreError.badRecord`).
    static func forEachLine(
        in data: Data, path: String, _ body: (_ record: Record, _ line: Int, _ bytes: Data) throws -> Void
    ) throws {
        do {
            try RxFacts.RecordReader.forEachLine(in: [UInt8](data), path: path) { record, line, bytes in
                try body(record, line, Data(bytes))
            }
        } catch let error as RecordFileError {
            throw storeError(error)
        }
    }
}
