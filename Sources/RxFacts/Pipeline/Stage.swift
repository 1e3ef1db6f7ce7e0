/// A pipeline stage between ingest and emit: reads the layers earlier stages filled and
/// adds its own. One stage, one type, one job.
public protocol Stage: Sendable {
    /// Name used in pipeline definition files (`normalize`, `segment`, …).
    static var name: String { get }
    func process(_ doc: inout AnalyzedDocument)
}

extension Normalizer: Stage { public static let name = "normalize" }
extension Segmenter: Stage { public static let name = "segment" }
extension Tokenizer: Stage { public static let name = "tokenize" }
extension Tagger: Stage { public static let name = "tag" }
extension ContextAnnotator: Stage { public static let name = "context" }
extension FactAssembler: Stage { public static let name = "assemble" }
