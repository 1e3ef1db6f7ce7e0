import Foundation
import RxFacts

/// Renders diff and change reports as text for people, or as JSON for programs.
///
/// Both renderings are deterministic: sorted lists, sorted JSON keys, fixed decimals.
package enum DiffTextFormatter {
    /// `0.8125` style: four decimals, no locale.
    package static func decimal(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let whole = scaled / 10_000
        let fraction = String(scaled % 10_000)
        return "\(whole).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// Pretty JSON with sorted keys and a final newline.
    package static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // Our own value types hold only strings, numbers and booleans; say so rather than trap.
            return "{\"error\": \"cannot encode report: \(error)\"}\n"
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    static func scoreRow(_ label: String, _ score: Score, width: Int) -> String {
        pad(label, width) + padLeft(String(score.truePositives), 6) + padLeft(String(score.falsePositives), 6)
            + padLeft(String(score.falseNegatives), 6) + padLeft(decimal(score.precision), 11)
            + padLeft(decimal(score.recall), 8) + padLeft(decimal(score.f1), 8)
    }

    static func factLabel(
        _ type: FactType, _ value: String, negated: Bool, hedged: Bool, qualifiers: [String: [String]]?
    ) -> String {
        var text = "\(type.rawValue) \"\(value)\""
        if negated { text += " [negated]" }
        if hedged { text += " [hedged]" }
        let q = QualifierText.render(qualifiers)
        if !q.isEmpty { text += " {\(q)}" }
        return text
    }

    static func evidenceLines(_ evidence: [Evidence]) -> [String] {
        if evidence.isEmpty { return ["      (no evidence)"] }
        return evidence.map { "      \($0.section) @\($0.start)-\($0.end): \(oneLine($0.text))" }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    /// The text rendering of `rxfacts diff`.
    package static func text(_ report: DiffReport, gateFailures: [String] = []) -> String {
        var lines: [String] = []
        let c = report.coverage
        lines.append(
            "documents: \(c.matchedDocuments) matched, \(c.onlyInReference.count) only in reference, \(c.onlyInActual.count) only in actual"
        )
        for id in c.onlyInReference { lines.append("  only in reference: \(id)") }
        for id in c.onlyInActual { lines.append("  only in actual: \(id)") }
        for id in c.drugsOnlyInReference { lines.append("  drug only in reference: \(id)") }
        for id in c.drugsOnlyInActual { lines.append("  drug only in actual: \(id)") }
        var matching = "facts match on document, drug, type, value, negated"
        if report.options.matchHedged { matching += ", hedged" }
        if report.options.matchQualifiers { matching += ", qualifiers" }
        lines.append(matching)
        lines.append("")
        let width = max(18, (report.types.map { $0.type.rawValue.count }.max() ?? 0) + 2)
        lines.append(
            pad("type", width) + padLeft("tp", 6) + padLeft("fp", 6) + padLeft("fn", 6)
                + padLeft("precision", 11) + padLeft("recall", 8) + padLeft("f1", 8))
        for type in report.types { lines.append(scoreRow(type.type.rawValue, type.micro, width: width)) }
        lines.append(scoreRow("overall (micro)", report.overall, width: width))
        let m = report.macro
        lines.append(
            pad("macro (\(m.documents) docs)", width) + String(repeating: " ", count: 18)
                + padLeft(decimal(m.precision), 11) + padLeft(decimal(m.recall), 8) + padLeft(decimal(m.f1), 8))
        lines.append("")
        lines.append("missing (in reference, not in actual): \(report.missing.count)")
        for d in report.missing {
            lines.append(
                "  - \(d.document) / \(d.drug): "
                    + factLabel(d.type, d.value, negated: d.negated, hedged: d.hedged, qualifiers: d.qualifiers))
            lines += evidenceLines(d.evidence)
        }
        lines.append("extra (in actual, not in reference): \(report.extra.count)")
        for d in report.extra {
            lines.append(
                "  + \(d.document) / \(d.drug): "
                    + factLabel(d.type, d.value, negated: d.negated, hedged: d.hedged, qualifiers: d.qualifiers))
            lines += evidenceLines(d.evidence)
        }
        if !report.attributeDifferences.isEmpty {
            lines.append("matched with different attributes: \(report.attributeDifferences.count)")
            for d in report.attributeDifferences {
                var detail: [String] = []
                if d.attributes.contains("hedged") {
                    detail.append("hedged \(d.reference.hedged) -> \(d.actual.hedged)")
                }
                if d.attributes.contains("qualifiers") {
                    detail.append(
                        "qualifiers {\(QualifierText.render(d.reference.qualifiers))} -> {\(QualifierText.render(d.actual.qualifiers))}"
                    )
                }
                lines.append(
                    "  ~ \(d.document) / \(d.drug): "
                        + factLabel(d.type, d.value, negated: d.negated, hedged: false, qualifiers: nil)
                        + ": " + detail.joined(separator: "; "))
            }
        }
        if !gateFailures.isEmpty {
            lines.append("")
            lines.append("GATE FAILED:")
            for failure in gateFailures { lines.append("  \(failure)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text rendering of `rxfacts diff --changes`.
    package static func text(_ report: ChangeReport) -> String {
        var lines: [String] = []
        lines.append(
            "documents: \(report.documentsCompared) in both versions, \(report.documentsAdded.count) added, \(report.documentsRemoved.count) removed"
        )
        for id in report.documentsAdded { lines.append("  document added: \(id)") }
        for id in report.documentsRemoved { lines.append("  document removed: \(id)") }
        lines.append(
            "facts: \(report.count(.added)) added, \(report.count(.removed)) removed, \(report.count(.changed)) changed, \(report.count(.negationChanged)) negation changed"
        )
        for change in report.changes {
            let head = "\(change.document) / \(change.drug): "
            switch change.kind {
            case .added:
                let now = change.new!
                lines.append(
                    "  + " + head
                        + factLabel(
                            change.type, change.value, negated: now.negated, hedged: now.hedged,
                            qualifiers: now.qualifiers))
                lines += evidenceLines(now.evidence)
            case .removed:
                let was = change.old!
                lines.append(
                    "  - " + head
                        + factLabel(
                            change.type, change.value, negated: was.negated, hedged: was.hedged,
                            qualifiers: was.qualifiers))
                lines += evidenceLines(was.evidence)
            case .negationChanged:
                let was = change.old!
                let now = change.new!
                lines.append(
                    "  ! " + head + "\(change.type.rawValue) \"\(change.value)\": negation changed: "
                        + (was.negated ? "negated" : "asserted") + " -> " + (now.negated ? "negated" : "asserted"))
                lines += evidenceLines(now.evidence)
            case .changed:
                let was = change.old!
                let now = change.new!
                lines.append(
                    "  ~ " + head
                        + factLabel(change.type, change.value, negated: now.negated, hedged: false, qualifiers: nil)
                        + ": " + change.fields.joined(separator: ", ") + " changed")
                if change.fields.contains("code") {
                    lines.append("      code \(was.code ?? "none") -> \(now.code ?? "none")")
                }
                if change.fields.contains("hedged") { lines.append("      hedged \(was.hedged) -> \(now.hedged)") }
                if change.fields.contains("qualifiers") {
                    lines.append(
                        "      qualifiers {\(QualifierText.render(was.qualifiers))} -> {\(QualifierText.render(now.qualifiers))}"
                    )
                }
                if change.fields.contains("evidence") {
                    lines.append("    was:")
                    lines += evidenceLines(was.evidence)
                    lines.append("    now:")
                    lines += evidenceLines(now.evidence)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
