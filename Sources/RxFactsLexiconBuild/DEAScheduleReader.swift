import RxFacts
/// Reads `dea_schedules_orangebook/dea_controlled_substances_2020-09-08.csv`.
package struct DEAScheduleReader: Sendable {
    package static let relativePath = "dea_schedules_orangebook/dea_controlled_substances_2020-09-08.csv"
    /// The date of the list, and how a schedule taken from it names its source.
    package static let listDate = "2020-09-08"
    package static let sourceName = "DEA controlled substances list 2020-09-08"

    /// How a schedule taken from the list cites its source once the scheduling actions published
    /// up to `asOf` have been applied: the list alone would be a 2020 fact, not an `asOf` one.
    package static func citation(upTo asOf: String) -> String {
        asOf == listDate ? sourceName : "\(sourceName) with Federal Register scheduling actions to \(asOf)"
    }

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [DEASubstance] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .csv)
        report.noteMalformed(table)
        let name = try table.column("SUBSTANCE")
        let number = try table.column("Number")
        let schedule = try table.column("Schedule")
        let narcotic = try table.column("Narcotic")
        let names = try table.column("Names")
        var result: [DEASubstance] = []
        for row in table.rows {
            let roman = row[schedule].trimmingCharacters(in: .whitespaces)
            guard ["I", "II", "III", "IV", "V"].contains(roman) else {
                report.skip(table.path, row.line, "schedule \"\(roman)\" is not I–V")
                continue
            }
            let others = row[names].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            result.append(
                DEASubstance(
                    name: row[name].trimmingCharacters(in: .whitespaces),
                    acscn: row[number].trimmingCharacters(in: .whitespaces),
                    schedule: "C" + roman, narcotic: row[narcotic] == "Y", otherNames: others, line: row.line))
        }
        return result
    }
}
