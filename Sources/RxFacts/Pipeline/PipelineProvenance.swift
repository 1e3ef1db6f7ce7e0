import Foundation

/// Computes a loaded pipeline's `Provenance` once, when the pipeline is loaded.
enum PipelineProvenance {
    /// The file `releases.yaml` beside a pipeline's lexicon files (`Pipelines/lexicons/releases.yaml`).
    struct ReleaseManifest: Decodable {
        var schema: String?
        var vocabularies: [String: Vocabulary]
        /// Fact type → the vocabulary behind the facts `enrich` adds of that type.
        var lexiconFacts: [String: String]?

        struct Vocabulary: Decodable {
            var release: String
            var about: String?
            var jurisdiction: String?
            var files: [String]
        }

        enum CodingKeys: String, CodingKey {
            case schema, vocabularies
            case lexiconFacts = "lexicon_facts"
        }
    }

    /// What a loaded pipeline knows about its origins: the record provenance, and the qualifiers
    /// that lexicon-added facts of each type carry (`jurisdiction`, `as-of`).
    struct Origins {
        var provenance: Provenance
        var lexiconFactQualifiers: [String: [String: [String]]]
        /// Resolved path → "size hash" of every file hashed, for `KnowledgeCache` keys.
        var fileHashes: [String: String] = [:]
    }

    static let manifestName = "releases.yaml"

    /// Fingerprint of the definition at `path` and the files it names, plus the releases of the
    /// vocabularies behind its lexicons. A lexicon folder without `releases.yaml` adds no releases.
    static func compute(definition: PipelineDefinition) throws(InputError) -> Origins {
        var digests = FileDigests(directory: nil)
        return try compute(definition: definition, digests: &digests)
    }

    /// `compute(definition:)` with file hashes remembered between runs (`FileDigests`).
    static func compute(definition: PipelineDefinition, digests: inout FileDigests) throws(InputError) -> Origins {
        let path = definition.path
        // The pipeline file, then every file a stage option names, in stage and option order.
        var named: [(name: String, path: String)] = [("", path)]
        var lexicons: [(name: String, path: String)] = []
        for entry in definition.stages {
            for key in entry.configuration.values.keys.sorted() {
                for value in entry.configuration.strings(key) {
                    let resolved = PipelineDefinition.resolve(value, against: path)
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory),
                        !isDirectory.boolValue
                    else { continue }
                    named.append((value, resolved))
                    if entry.name == "tag", key == "lexicons" { lexicons.append((value, resolved)) }
                }
            }
        }
        var fingerprintInput: [UInt8] = []
        var fileHashes: [String: String] = [:]
        for file in named {
            guard let digest = digests.digest(file.path), let space = digest.firstIndex(of: " ") else {
                throw InputError(.configuration, path: file.path, reason: "cannot read file")
            }
            // Name, length and bytes of each file: moving bytes between files changes the hash.
            fingerprintInput.append(contentsOf: file.name.utf8)
            fingerprintInput.append(0)
            fingerprintInput.append(contentsOf: digest[..<space].utf8)
            fingerprintInput.append(0)
            fingerprintInput.append(contentsOf: digest[digest.index(after: space)...].utf8)
            fileHashes[file.path] = digest
        }
        var releases: [String: String] = [:]
        var qualifiers: [String: [String: [String]]] = [:]
        var manifests: [String: ReleaseManifest?] = [:]
        for (_, file) in lexicons {
            let directory = (file as NSString).deletingLastPathComponent
            let manifestPath = (directory.isEmpty ? "." : directory) + "/" + manifestName
            if manifests[manifestPath] == nil {
                manifests[manifestPath] =
                    FileManager.default.fileExists(atPath: manifestPath)
                    ? .some(try YAMLFile.load(manifestPath).decode(ReleaseManifest.self, shape: .any)) : .some(nil)
            }
            guard let manifest = manifests[manifestPath] ?? nil else { continue }
            let name = (file as NSString).lastPathComponent
            for (vocabulary, entry) in manifest.vocabularies where entry.files.contains(name) {
                releases[vocabulary] = entry.release
            }
            for (type, vocabulary) in manifest.lexiconFacts ?? [:] where qualifiers[type] == nil {
                guard let entry = manifest.vocabularies[vocabulary] else {
                    throw InputError(
                        .configuration, path: manifestPath,
                        reason: "lexicon_facts.\(type) names '\(vocabulary)', which vocabularies: does not list")
                }
                guard entry.files.contains(name) else { continue }
                var facets: [String: [String]] = [:]
                if let jurisdiction = entry.jurisdiction { facets["jurisdiction"] = [jurisdiction] }
                if isDate(entry.release) { facets["as-of"] = [entry.release] }
                if !facets.isEmpty { qualifiers[type] = facets }
            }
        }
        let provenance = Provenance(
            pipeline: definition.name,
            fingerprint: ContentHash.fnv1a64Hex(fingerprintInput),
            vocabularies: releases.isEmpty ? nil : releases)
        return Origins(provenance: provenance, lexiconFactQualifiers: qualifiers, fileHashes: fileHashes)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// Adds `qualifiers` to the facts a lexicon added (source `lexicon:…`), by fact type.
    static func qualifyLexiconFacts(_ drugs: inout [DrugRecord], _ qualifiers: [String: [String: [String]]]) {
        guard !qualifiers.isEmpty else { return }
        for d in drugs.indices {
            for f in drugs[d].facts.indices {
                guard drugs[d].facts[f].source.hasPrefix("lexicon:"),
                    let facets = qualifiers[drugs[d].facts[f].type.rawValue]
                else { continue }
                var merged = drugs[d].facts[f].qualifiers ?? [:]
                for (name, values) in facets { merged[name] = Array(Set(merged[name, default: []] + values)).sorted() }
                drugs[d].facts[f].qualifiers = merged
            }
        }
    }
}
