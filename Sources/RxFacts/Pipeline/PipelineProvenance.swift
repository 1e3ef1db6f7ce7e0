import Foundation

/// Computes a loaded pipeline's `Provenance` once, when the pipeline is loaded.
enum PipelineProvenance {
    /// The file `releases.yaml` beside a pipeline's lexicon files (`Pipelines/lexicons/releases.yaml`).
    struct ReleaseManifest: Decodable {
        var schema: String?
        var vocabularies: [String: Vocabulary]

        struct Vocabulary: Decodable {
            var release: String
            var about: String?
            var files: [String]
        }
    }

    static let manifestName = "releases.yaml"

    /// Fingerprint of the definition at `path` and the files it names, plus the releases of the
    /// vocabularies behind its lexicons. A lexicon folder without `releases.yaml` adds no releases.
    static func compute(definition: PipelineDefinition, path: String) throws(InputError) -> Provenance {
        var named: [(name: String, path: String)] = [("", path)]
        for lexicon in definition.lexicons { named.append((lexicon, PipelineDefinition.resolve(lexicon, against: path))) }
        named.append((definition.rules, PipelineDefinition.resolve(definition.rules, against: path)))
        named.append((definition.context, PipelineDefinition.resolve(definition.context, against: path)))
        var fingerprintInput: [UInt8] = []
        for file in named {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw InputError(.configuration, path: file.path, reason: "cannot read file")
            }
            // Name, length and bytes of each file: moving bytes between files changes the hash.
            fingerprintInput.append(contentsOf: file.name.utf8)
            fingerprintInput.append(0)
            fingerprintInput.append(contentsOf: String(data.count).utf8)
            fingerprintInput.append(0)
            fingerprintInput.append(contentsOf: ContentHash.fnv1a64Hex(data).utf8)
        }
        var releases: [String: String] = [:]
        var manifests: [String: ReleaseManifest?] = [:]
        for lexicon in definition.lexicons {
            let file = PipelineDefinition.resolve(lexicon, against: path)
            let directory = (file as NSString).deletingLastPathComponent
            let manifestPath = (directory.isEmpty ? "." : directory) + "/" + manifestName
            if manifests[manifestPath] == nil {
                manifests[manifestPath] = FileManager.default.fileExists(atPath: manifestPath)
                    ? .some(try YAMLFile.decode(manifestPath) as ReleaseManifest) : .some(nil)
            }
            guard let manifest = manifests[manifestPath] ?? nil else { continue }
            let name = (file as NSString).lastPathComponent
            for (vocabulary, entry) in manifest.vocabularies where entry.files.contains(name) {
                releases[vocabulary] = entry.release
            }
        }
        return Provenance(
            pipeline: definition.name,
            fingerprint: ContentHash.fnv1a64Hex(fingerprintInput),
            vocabularies: releases.isEmpty ? nil : releases)
    }
}
