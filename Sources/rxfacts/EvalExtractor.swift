import ArgumentParser
import Foundation
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild

/// The pipeline `eval` scores, loaded from `path` or the default definition.
func makeExtractor(pipelinePath: String?) throws -> any MentionExtractor {
    guard let path = pipelinePath ?? Pipeline.defaultDefinitionPath() else {
        throw ValidationError("no pipeline definition found; pass --pipeline or set RXFACTS_PIPELINE")
    }
    do {
        return PipelineMentionExtractor(pipeline: try Pipeline.load(contentsOf: path))
    } catch {
        CommandSupport.standardError("rxfacts eval: \(error)\n")
        throw ExitCode(2)
    }
}
