/// The rxfacts version: the one place it is written. `rxfacts --version` prints it, every record's
/// provenance carries it, and `Scripts/install.sh` reads it from here.
public enum RxFactsVersion {
    public static let current = "0.1.0"
}

/// What produced a record: the rxfacts version, the pipeline (its name and a fingerprint of every
/// file it loads) and the releases of the public vocabularies behind its lexicons.
///
/// Two records with equal provenance were made by the same program with the same data; the
/// fingerprint changes when any pipeline, lexicon or rule file changes, even by one byte. Nothing
/// time-dependent is in it, so reruns stay byte-identical.
public struct Provenance: Codable, Sendable, Hashable {
    /// rxfacts version (`RxFactsVersion.current`).
    public var rxfacts: String
    /// The pipeline definition's `name` (e.g. `default`).
    public var pipeline: String
    /// FNV-1a 64 (hex) over the pipeline file and every lexicon and rule file it loads, each
    /// with the path it is named by; absent for a pipeline built in code rather than loaded.
    public var fingerprint: String?
    /// Vocabulary name → release, for the vocabularies the loaded lexicon files were built from
    /// (from `releases.yaml` beside them); absent when the lexicons are hand-written only.
    public var vocabularies: [String: String]?

    public init(
        rxfacts: String = RxFactsVersion.current, pipeline: String, fingerprint: String? = nil,
        vocabularies: [String: String]? = nil
    ) {
        self.rxfacts = rxfacts
        self.pipeline = pipeline
        self.fingerprint = fingerprint
        self.vocabularies = vocabularies
    }
}
