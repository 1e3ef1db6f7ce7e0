import RxFacts
/// The CI gate of `rxfacts diff`: F1 thresholds that decide the exit code.
///
/// Exit codes: 0 every threshold met, 1 a threshold missed (`DiffGate.failedExitCode`).
/// A per-type threshold for a type found in neither record set fails too, so a misspelt type
/// name cannot pass silently.
package struct DiffGate: Sendable, Hashable {
    package static let passedExitCode: Int32 = 0
    package static let failedExitCode: Int32 = 1

    /// Minimum overall (micro) F1, if any.
    package var minimumF1: Double?
    /// Minimum micro F1 per fact type.
    package var minimumF1ByType: [FactType: Double]

    package init(minimumF1: Double? = nil, minimumF1ByType: [FactType: Double] = [:]) {
        self.minimumF1 = minimumF1
        self.minimumF1ByType = minimumF1ByType
    }

    /// Parses `TYPE=X` (X in 0...1), as given to `--min-f1-type`.
    package static func parseTypeThreshold(_ text: String) -> (FactType, Double)? {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let type = String(text[..<equals])
        guard !type.isEmpty, let value = Double(text[text.index(after: equals)...]), (0...1).contains(value) else {
            return nil
        }
        return (FactType(rawValue: type), value)
    }

    /// One line per threshold not met, in a stable order; empty when the gate passes.
    package func failures(_ report: DiffReport) -> [String] {
        var result: [String] = []
        if minimumF1 != nil, report.overall.isEmpty {
            // Two empty (or fact-free) files would pass any threshold: nothing was scored.
            result.append("nothing to score: neither reference nor actual records hold a fact (--min-f1 needs facts)")
        } else if let minimumF1, report.overall.f1 < minimumF1 {
            result.append("overall F1 \(Self.format(report.overall.f1)) is below --min-f1 \(Self.format(minimumF1))")
        }
        for type in minimumF1ByType.keys.sorted() {
            let minimum = minimumF1ByType[type]!
            guard let score = report.score(for: type) else {
                result.append(
                    "type '\(type.rawValue)' occurs in neither reference nor actual records (threshold \(Self.format(minimum)))"
                )
                continue
            }
            if score.micro.f1 < minimum {
                result.append("\(type.rawValue) F1 \(Self.format(score.micro.f1)) is below \(Self.format(minimum))")
            }
        }
        return result
    }

    /// The process exit code for `report`.
    package func exitCode(_ report: DiffReport) -> Int32 {
        failures(report).isEmpty ? Self.passedExitCode : Self.failedExitCode
    }

    static func format(_ value: Double) -> String { DiffTextFormatter.decimal(value) }
}
