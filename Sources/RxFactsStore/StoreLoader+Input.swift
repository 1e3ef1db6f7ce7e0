import Foundation
import RxFacts

/// The loader's input: `rxfacts/1` records read by the project's one JSON Lines reader
/// (`RxFacts.RecordReader`), its errors turned into `StoreError.badRecord` naming file, line and column.
extension StoreLoader {
    /// Calls `body` with each record of the file at `path` (`-` reads standard input) and its 1-based line.
    package static func forEachRecord(
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
            throw StoreError.badRecord(
                path: error.path, line: error.line ?? 0, column: error.column ?? 1, reason: error.reason)
        }
    }
}
