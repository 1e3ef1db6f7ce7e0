import RxFacts
/// One data row of a vocabulary table: its fields and the 1-based line it starts on.
public struct TableRow: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at `index`, or the empty string when the row is shorter.
    public subscript(_ index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }
}
