import RxFacts

/// One DEA scheduling action (Federal Register) from the actions table that updates the
/// 2020-09-08 list: a placement, a final rule that maintains one, or a removal from control.
package struct DEASchedulingAction: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// Placed in (or kept in) `schedule`.
        case placement(schedule: String)
        /// Removed from control.
        case removal
    }

    package var substance: String
    package var kind: Kind
    /// "87 FR 59296", or "FR doc 2022-13538" when the page number was not shown.
    package var citation: String
    /// ISO dates; the effective date may be empty.
    package var publicationDate: String
    package var effectiveDate: String
    package var acscn: String
    package var line: Int

    /// The date the action took effect, else the date it was published.
    package var date: String { effectiveDate.isEmpty ? publicationDate : effectiveDate }

    /// "87 FR 59296 (2022-09-30)": the citation a schedule fact names.
    package var source: String { publicationDate.isEmpty ? citation : "\(citation) (\(publicationDate))" }
}

/// Reads `dea_scheduling_changes_2019-2024/dea_scheduling_actions_2019-2024.tsv`.
///
/// Proposed rules are not in force and are skipped (reported); interim and final rules are
/// actions. Dates are checked to be ISO `YYYY-MM-DD` so the as-of date the build derives from
/// them sorts correctly.
package struct DEASchedulingActionsReader: Sendable {
    package static let relativePath = "dea_scheduling_changes_2019-2024/dea_scheduling_actions_2019-2024.tsv"

    package init() {}

    package func read(
        vocab: String, report: inout LexiconBuildReport
    ) throws(LexiconBuildError) -> [DEASchedulingAction] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let substance = try table.column("substance")
        let action = try table.column("action")
        let after = try table.column("schedule_after")
        let documentType = try table.column("document_type")
        let citation = try table.column("fr_citation")
        let number = try table.column("fr_doc_number")
        let published = try table.column("publication_date")
        let effective = try table.column("effective_date")
        let acscn = try table.column("acscn")
        var result: [DEASchedulingAction] = []
        for row in table.rows {
            let name = row[substance].trimmingCharacters(in: .whitespaces)
            if row[action].lowercased().contains("proposed") || row[documentType].lowercased().contains("proposed") {
                report.skip(table.path, row.line, "\(name): \(row[action]) is not in force")
                continue
            }
            for date in [row[published], row[effective]] where !date.isEmpty && !Self.isISODate(date) {
                throw LexiconBuildError(path: table.path, line: row.line, reason: "date \"\(date)\" is not YYYY-MM-DD")
            }
            let kind: DEASchedulingAction.Kind
            let target = row[after].trimmingCharacters(in: .whitespaces)
            if ["I", "II", "III", "IV", "V"].contains(target) {
                kind = .placement(schedule: "C" + target)
            } else if target == "not controlled" {
                kind = .removal
            } else {
                report.skip(
                    table.path, row.line,
                    "\(name): schedule_after \"\(target)\" is neither a schedule nor 'not controlled'")
                continue
            }
            var cite = row[citation].trimmingCharacters(in: .whitespaces)
            if cite.isEmpty { cite = "FR doc \(row[number])" }
            guard !row[published].isEmpty || !row[effective].isEmpty else {
                report.skip(table.path, row.line, "\(name): no publication or effective date")
                continue
            }
            result.append(
                DEASchedulingAction(
                    substance: name, kind: kind, citation: cite, publicationDate: row[published],
                    effectiveDate: row[effective], acscn: row[acscn].trimmingCharacters(in: .whitespaces),
                    line: row.line))
        }
        return result
    }

    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy {
            $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39)
        }
    }
}
