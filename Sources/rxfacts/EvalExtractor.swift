import ArgumentParser
import RxFacts

/// The extractor `eval` scores. Until the branch holds the core pipeline (`Pipeline.load`), there is
/// nothing to score: say so instead of printing a table of zeros.
func makeExtractor(pipelinePath: String?) throws -> any MentionExtractor {
    throw ValidationError("this build has no extraction pipeline yet (merge main, then wire PipelineMentionExtractor)")
}
