import Foundation
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Paths and shared fixtures for the tests.
enum TestSupport {
    /// The package root (two levels above this file).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let seedPath = path("Corpus/text/000_07aae011b33a312d.txt")

    /// The default pipeline, compiled once for all tests.
    static let pipeline: Pipeline = {
        do {
            return try Pipeline.load(contentsOf: path("Pipelines/default.yaml"))
        } catch {
            fatalError("default pipeline does not load: \(error)")
        }
    }()

    static func analyze(_ text: String, path: String = "test.txt") throws -> AnalyzedDocument {
        try pipeline.analyze(SourceInput(path: path, bytes: Array(text.utf8)))
    }

    static func record(_ text: String, path: String = "test.txt") throws -> Record {
        try pipeline.extract(SourceInput(path: path, bytes: Array(text.utf8)))
    }
}

extension Record {
    /// Facts of the first drug as `type:value` strings, `!` marking negated ones.
    var factKeys: Set<String> {
        Set((drugs.first?.facts ?? []).map { "\($0.type.rawValue):\($0.value)\($0.negated ? "!" : "")" })
    }

    func fact(_ type: FactType, _ value: String) -> Fact? {
        drugs.first?.facts.first { $0.type == type && $0.value == value }
    }
}
