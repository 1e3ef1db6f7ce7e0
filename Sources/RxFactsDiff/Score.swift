import RxFacts
/// True positive, false positive and false negative counts with the precision, recall and F1
/// they imply.
///
/// Empty denominators follow one rule: with nothing to find and nothing found the score is
/// perfect (1); otherwise an empty denominator gives 0 for that measure.
package struct Score: Sendable, Hashable, Codable {
    package var truePositives: Int
    package var falsePositives: Int
    package var falseNegatives: Int

    package init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    package var precision: Double {
        let predicted = truePositives + falsePositives
        if predicted == 0 { return falseNegatives == 0 ? 1 : 0 }
        return Double(truePositives) / Double(predicted)
    }

    package var recall: Double {
        let expected = truePositives + falseNegatives
        if expected == 0 { return falsePositives == 0 ? 1 : 0 }
        return Double(truePositives) / Double(expected)
    }

    package var f1: Double {
        let p = precision
        let r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// True when there was nothing to find and nothing was found.
    package var isEmpty: Bool { truePositives == 0 && falsePositives == 0 && falseNegatives == 0 }

    package static func + (a: Score, b: Score) -> Score {
        Score(
            truePositives: a.truePositives + b.truePositives,
            falsePositives: a.falsePositives + b.falsePositives,
            falseNegatives: a.falseNegatives + b.falseNegatives)
    }

    package static func += (a: inout Score, b: Score) { a = a + b }

    private enum CodingKeys: String, CodingKey {
        case truePositives = "tp"
        case falsePositives = "fp"
        case falseNegatives = "fn"
        case precision, recall, f1
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try c.decode(Int.self, forKey: .truePositives)
        falsePositives = try c.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try c.decode(Int.self, forKey: .falseNegatives)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode(Score.rounded(precision), forKey: .precision)
        try c.encode(Score.rounded(recall), forKey: .recall)
        try c.encode(Score.rounded(f1), forKey: .f1)
    }

    /// Four decimals: enough to compare runs, and stable across platforms' float printing.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// Macro-averaged precision, recall and F1: the mean of per-document values.
package struct MacroScore: Sendable, Hashable, Codable {
    package var documents: Int
    package var precision: Double
    package var recall: Double
    package var f1: Double

    package init(_ scores: [Score]) {
        let counted = scores.filter { !$0.isEmpty }
        documents = counted.count
        guard !counted.isEmpty else {
            precision = 1
            recall = 1
            f1 = 1
            return
        }
        let n = Double(counted.count)
        precision = Score.rounded(counted.reduce(0) { $0 + $1.precision } / n)
        recall = Score.rounded(counted.reduce(0) { $0 + $1.recall } / n)
        f1 = Score.rounded(counted.reduce(0) { $0 + $1.f1 } / n)
    }
}
