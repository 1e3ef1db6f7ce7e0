import Foundation
import RxFacts

/// A vocabulary table read from a TSV or CSV file: header plus rows.
///
/// TSV files are split on tabs and newlines (fields wrapped in double quotes, as in
/// DrugCentral's `identifiers.tsv`, are unwrapped). CSV files follow RFC 4180 (quoted fields
/// may hold commas, doubled quotes and newlines). Rows whose field count differs from the
/// header are kept in `malformed` so the build can report them instead of dropping them silently.
package struct DelimitedTable: Sendable {
    package enum Dialect: Sendable { case tsv, csv }

    package var path: String
    package var header: [String]
    package var rows: [TableRow]
    /// Rows with the wrong number of fields (reported by the builder, not used).
    package var malformed: [TableRow]

    package init(path: String, header: [String], rows: [TableRow], malformed: [TableRow]) {
        self.path = path
        self.header = header
        self.rows = rows
        self.malformed = malformed
    }

    /// Reads `path`, which must exist and start with a header line.
    package static func read(path: String, dialect: Dialect) throws(LexiconBuildError) -> DelimitedTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconBuildError(path: path, reason: "cannot read vocabulary file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconBuildError(path: path, reason: "not valid UTF-8")
        }
        let all: [TableRow] = dialect == .tsv ? splitTSV(text) : splitCSV(text)
        guard let first = all.first else {
            throw LexiconBuildError(path: path, line: 1, reason: "empty table, expected a header line")
        }
        var rows: [TableRow] = []
        var malformed: [TableRow] = []
        rows.reserveCapacity(all.count)
        for row in all.dropFirst() {
            if row.fields.count == first.fields.count {
                rows.append(row)
            } else {
                malformed.append(row)
            }
        }
        return DelimitedTable(path: path, header: first.fields, rows: rows, malformed: malformed)
    }

    /// The index of the column named `name`; an error names the file when it is missing.
    package func column(_ name: String) throws(LexiconBuildError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw LexiconBuildError(
                path: path, line: 1,
                reason: "missing column \"\(name)\" (header: \(header.joined(separator: ", ")))")
        }
        return index
    }

    static func splitTSV(_ text: String) -> [TableRow] {
        var rows: [TableRow] = []
        var lineNumber = 0
        // Split on scalars, not Characters: "\r\n" is one Character and would hide the line break.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            if line.isEmpty { continue }
            let fields = line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map {
                scalars -> String in
                let field = Substring(scalars)
                if field.unicodeScalars.count >= 2, field.unicodeScalars.first == "\"",
                    field.unicodeScalars.last == "\""
                {
                    return String(field.unicodeScalars.dropFirst().dropLast())
                }
                return String(field)
            }
            rows.append(TableRow(line: lineNumber, fields: fields))
        }
        return rows
    }

    static func splitCSV(_ text: String) -> [TableRow] {
        var rows: [TableRow] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(TableRow(line: rowStart, fields: fields))
            }
            fields = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": break
            case "\n":
                endRow()
                line += 1
                rowStart = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
