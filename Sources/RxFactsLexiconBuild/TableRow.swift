import RxFacts
/// One data row of a vocabulary table: its fields and the 1-based line it starts on.
package struct TableRow: Sendable, Hashable {
    package var line: Int
    package var fields: [String]

    package init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at `index`, or the empty string when the row is shorter.
    package subscript(_ index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }
}
