/// What the stages share: one vocabulary and one phrase automaton compiled from every lexicon and
/// rule file a pipeline names, and the small compiled parts that say what a phrase means —
/// `LexiconIndex` (terms), `FactRuleSet` (cues, list words), `ContextRuleSet` (ConText triggers),
/// `SubjectRuleSet` (anaphora, brand links).
///
/// Immutable and `Sendable`; a class so every stage holds one reference to the tables instead of
/// a copy. Parts whose stage the pipeline leaves out are empty.
public final class Knowledge: Sendable {
    /// Folded token keys of every phrase; the tokenizer looks text tokens up in it.
    package let vocabulary: Vocabulary
    /// Every phrase, in layers (`PhraseLayer`); the tagger scans each sentence once.
    package let phrases: PhraseAutomaton
    package let lexicon: LexiconIndex
    package let factRules: FactRuleSet
    package let contextRules: ContextRuleSet
    package let subjectRules: SubjectRuleSet
    /// Section roles (`Pipelines/rules/sections.yaml`), by which the segmenter marks sections and
    /// list items and fact rules choose where they apply.
    package let sectionRoles: SectionRoleSet
    /// What produced the records of this pipeline (version, fingerprint of its files, vocabulary releases).
    package let provenance: Provenance
    /// Qualifiers (`jurisdiction`, `as-of`) the facts `enrich` adds carry, by fact type (`releases.yaml`).
    package let lexiconFactQualifiers: [String: [String: [String]]]

    init(
        vocabulary: Vocabulary, phrases: PhraseAutomaton, lexicon: LexiconIndex, factRules: FactRuleSet,
        contextRules: ContextRuleSet, subjectRules: SubjectRuleSet, sectionRoles: SectionRoleSet,
        provenance: Provenance, lexiconFactQualifiers: [String: [String: [String]]]
    ) {
        self.sectionRoles = sectionRoles
        self.provenance = provenance
        self.lexiconFactQualifiers = lexiconFactQualifiers
        self.vocabulary = vocabulary
        self.phrases = phrases
        self.lexicon = lexicon
        self.factRules = factRules
        self.contextRules = contextRules
        self.subjectRules = subjectRules
    }

    /// Lexicon terms as an automaton of their own (payload: entry index).
    package var terms: PhraseLayerView { PhraseLayerView(automaton: phrases, layer: PhraseLayer.terms) }
}

/// The layers of the phrase automaton: which stage's data a match belongs to.
package enum PhraseLayer {
    /// Lexicon terms (payload: lexicon entry index).
    package static let terms = 0
    /// Fact-rule cues, required phrases and qualifier cues (payload: index into `FactRuleSet.cueRoles`).
    package static let cues = 1
    /// ConText triggers (payload: index into `ContextRuleSet.triggers`).
    package static let triggers = 2
    /// List separators (payload 1) and stop words (payload 2) of the fact rules.
    package static let listWords = 3
    /// Anaphora and brand-link phrases (payload: index into `SubjectRuleSet.phrases`).
    package static let subjectPhrases = 4
    /// Fact-rule `blocked_by` phrases (payload: index into `FactRuleSet.cueRoles`), apart from the
    /// cues so that "no interaction" does not hide the required "interaction" of another rule.
    package static let blockers = 5
    package static let count = 6
}

/// One layer of the shared automaton seen as an automaton of its own.
package struct PhraseLayerView: Sendable {
    let automaton: PhraseAutomaton
    package let layer: Int

    /// States of the whole automaton (all layers share them).
    package var states: Int { automaton.states }

    @inline(__always)
    package func step(_ state: Int32, _ key: Int32) -> Int32 { automaton.step(state, key) }

    @inline(__always)
    package func payloads(at state: Int32) -> EntryList? { automaton.payloads(at: state, layer: layer) }
}

/// Collects what each stage of a pipeline contributes (lexicons for `tag`, rule files for
/// `context`, `subject` and `assemble`) and compiles it into one `Knowledge`. Phrases are added
/// in a fixed order — lexicon terms, fact-rule cues, context triggers, subject phrases, list
/// words — so the same files always give the same automaton.
package struct KnowledgeBuilder {
    package var lexicon = Lexicon()
    /// Lexicon files the `tag` stage names, in order: compiled through `KnowledgeCache` (then
    /// `lexicon`'s own entries follow theirs).
    package var lexiconFiles: [String] = []
    /// Where compiled lexicons are kept (`KnowledgeCache.defaultDirectory()`); nil: in memory only.
    package var cacheDirectory: String? = KnowledgeCache.defaultDirectory()
    /// Content hashes of files already read (path → hash), to key the cache without reading twice.
    package var fileHashes: [String: String] = [:]
    /// What the cache did at the last `build()` (for `rxfacts pipeline compile` and tests).
    package private(set) var cacheOutcome: KnowledgeCache.Outcome = .memoryOnly
    /// Whether a `tag` stage named lexicons (an empty lexicon is then still "given").
    package var factRules: (pack: FactRulePack, file: YAMLFile)?
    package var contextRules: (pack: ContextRulePack, file: YAMLFile)?
    package var subjectRules: (pack: SubjectRulePack, file: YAMLFile)?
    package var sectionRoles: (pack: SectionRolePack, file: YAMLFile)?
    package var provenance = Provenance(pipeline: "")
    package var lexiconFactQualifiers: [String: [String: [String]]] = [:]
    /// The lexicon files' load, when `startLoadingLexicons()` started it ahead of `build()`.
    private(set) var prefetch: LexiconPrefetch?

    package init() {}

    /// Starts loading `lexiconFiles` (through the cache, with `fileHashes` as they are now) on
    /// another thread; `build()` takes the result when the file list is still the same, else
    /// loads again. Call it once the lexicon files are known and before slower, independent work.
    package mutating func startLoadingLexicons() {
        guard !lexiconFiles.isEmpty else { return }
        prefetch = LexiconPrefetch(files: lexiconFiles, directory: cacheDirectory, fileHashes: fileHashes)
    }

    package mutating func build() throws(InputError) -> Knowledge {
        var vocabulary = Vocabulary()
        var phrases = PhraseAutomaton(layers: PhraseLayer.count)
        let lexicon: LexiconIndex
        if lexiconFiles.isEmpty {
            lexicon = LexiconIndex(lexicon: self.lexicon, into: &phrases, vocabulary: &vocabulary)
        } else {
            // Entries given directly follow the files' (a cached artifact holds the files' only).
            var (compiled, outcome) = try loadLexicons()
            cacheOutcome = outcome
            // Swapped out, not copied: the rule phrases added below then change the only copy of
            // the automaton's tables (a copy would duplicate ~10 MB at every start).
            swap(&phrases, &compiled.phrases)
            swap(&vocabulary, &compiled.vocabulary)
            if self.lexicon.entries.isEmpty && self.lexicon.spellings.isEmpty {
                lexicon = compiled.index
            } else {
                var merged = compiled.lexicon
                let first = merged.entries.count
                merged.append(contentsOf: self.lexicon)
                let added = Lexicon(entries: Array(merged.entries[first...]))
                for (offset, entry) in added.entries.enumerated() {
                    for variant in entry.variants {
                        phrases.add(
                            variant, payload: Int32(first + offset), layer: PhraseLayer.terms, vocabulary: &vocabulary)
                    }
                }
                lexicon = LexiconIndex(lexicon: merged)
            }
        }
        let sectionRoles =
            try sectionRoles.map { pack, file throws(InputError) in try SectionRoleSet(pack, file: file) }
            ?? SectionRoleSet()
        let factRules =
            try factRules.map { pack, file throws(InputError) in
                try FactRuleSet(
                    pack, file: file, lexicon: lexicon, roles: sectionRoles, into: &phrases, vocabulary: &vocabulary)
            } ?? FactRuleSet()
        let contextRules =
            try contextRules.map { pack, file throws(InputError) in
                try ContextRuleSet(pack, file: file, into: &phrases, vocabulary: &vocabulary)
            } ?? ContextRuleSet()
        let subjectRules =
            try subjectRules.map { pack, file throws(InputError) in
                try SubjectRuleSet(pack, file: file, into: &phrases, vocabulary: &vocabulary)
            } ?? SubjectRuleSet()
        factRules.addListWords(into: &phrases, vocabulary: &vocabulary)
        // The tagger reads elliptic coordination ("physical or psychological dependence").
        for word in ["and", "or"] {
            let bytes = Array(word.utf8)
            _ = vocabulary.intern(bytes, 0..<bytes.count, kind: .word)
        }
        return Knowledge(
            vocabulary: vocabulary, phrases: phrases, lexicon: lexicon, factRules: factRules,
            contextRules: contextRules, subjectRules: subjectRules, sectionRoles: sectionRoles, provenance: provenance,
            lexiconFactQualifiers: lexiconFactQualifiers)
    }
}

extension KnowledgeBuilder {
    /// The compiled lexicon files: the prefetched load when it is of the same files (and not
    /// taken by a copy of this builder), else loaded now.
    fileprivate mutating func loadLexicons() throws(InputError) -> (KnowledgeCache.Compiled, KnowledgeCache.Outcome) {
        if let started = prefetch {
            prefetch = nil
            if started.files == lexiconFiles, let loaded = try started.work.take() { return loaded }
            started.work.cancel()
        }
        return try KnowledgeCache.load(files: lexiconFiles, directory: cacheDirectory, fileHashes: fileHashes)
    }

    /// Waits for a prefetch no one will take (a start that failed before `build()`).
    package mutating func cancelLoadingLexicons() {
        prefetch?.work.cancel()
        prefetch = nil
    }
}

/// Adds a rule phrase to the automaton, or reports why it can never match: a phrase the
/// tokenizer reduces to nothing ("'s", "-"), or one the normalizer would change (curly quotes,
/// Unicode dashes) and that therefore never equals normalized text.
package func addRulePhrase(
    _ phrase: String, payload: Int32, layer: Int, file: YAMLFile, at path: [YAMLFile.PathElement],
    into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary
) throws(InputError) {
    let bytes = Array(phrase.utf8)
    let normalized = Normalizer().normalize(bytes).text
    guard normalized == bytes else {
        throw file.error(
            at: path,
            "phrase '\(phrase)' can never match: normalized text reads it as '\(String(decoding: normalized, as: UTF8.self))'"
        )
    }
    guard phrases.add(phrase, payload: payload, layer: layer, vocabulary: &vocabulary) else {
        throw file.error(
            at: path, "phrase '\(phrase)' can never match: it has no word, number or sign the matcher reads")
    }
}
