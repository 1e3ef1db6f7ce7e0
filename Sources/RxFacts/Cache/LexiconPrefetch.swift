/// A `KnowledgeCache.load` started on another thread.
///
/// Reading the compiled lexicons is most of a start; parsing the pipeline's rule files (YAML) is
/// most of the rest, and neither needs the other. `Pipeline` starts this as soon as the `tag`
/// stage has named its lexicons, so on two cores the rule files are parsed while the artifact is
/// read, and `KnowledgeBuilder.build()` takes the result. The work and its errors are exactly
/// those of loading at build time: only *when* it runs changes.
struct LexiconPrefetch {
    /// The lexicon files it loads, in pipeline order.
    let files: [String]
    let work: BackgroundWork<(KnowledgeCache.Compiled, KnowledgeCache.Outcome), InputError>

    init(files: [String], directory: String?, fileHashes: [String: String]) {
        self.files = files
        work = BackgroundWork { () throws(InputError) in
            try KnowledgeCache.load(files: files, directory: directory, fileHashes: fileHashes)
        }
    }
}
