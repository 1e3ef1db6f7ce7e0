import Foundation

/// The lexicon part of a pipeline's knowledge — every lexicon entry, the term layer of the phrase
/// automaton and the vocabulary after it — compiled once and kept on disk in a compact binary
/// format, so a start reads ~10 MB of arrays instead of parsing ~100,000 lexicon lines and
/// building a 200,000-state automaton (0.2–0.5 s).
///
/// An artifact is named by its key: a hash of the format version, the rxfacts version, the
/// running executable (path, size, modification time: a rebuilt rxfacts never reads what an older
/// build wrote) and every lexicon file the `tag` stage reads (path, size, content hash, in order).
/// The key is checked on load, so an artifact is never stale: edit a lexicon and the next start
/// compiles and writes a new one. Rule files are not part of it: their phrases are added on top
/// at every start (they are small), so editing a rule does not recompile the lexicons.
///
/// The directory is `$RXFACTS_CACHE_DIR`, else `$XDG_CACHE_HOME/rxfacts`, else `~/.cache/rxfacts`;
/// `RXFACTS_CACHE_DIR=off` turns the cache off. When the directory cannot be created or written,
/// or an artifact cannot be read, the lexicons are compiled in memory as if there were no cache.
package enum KnowledgeCache {
    /// What loading did, for tests and `rxfacts pipeline compile`.
    package enum Outcome: Equatable, Sendable {
        /// Compiled and written to `path`.
        case built(path: String)
        /// Read from `path`.
        case reused(path: String)
        /// Compiled in memory: no cache directory, or it is not writable.
        case memoryOnly
    }

    /// The compiled lexicon part of the knowledge.
    package struct Compiled: Sendable {
        var lexicon: Lexicon
        var phrases: PhraseAutomaton
        var vocabulary: Vocabulary
        /// The lexicon's entries by kind and name (`LexiconIndex.NameTable`).
        var names: LexiconIndex.NameTable
        /// The lookups over `lexicon` (made from it and `names`; not stored).
        var index: LexiconIndex
    }

    static let formatVersion = 7
    static let magic = "rxfacts compiled knowledge"
    /// Written as a `UInt32`: an artifact from a machine of the other byte order is not read.
    static let byteOrderMark: UInt32 = 0x0102_0304
    /// Artifacts kept per directory: the most recently written or used; others (other builds,
    /// other lexicons) go.
    static let kept = 8

    /// The cache directory from the environment (see the type's documentation); nil when off.
    package static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String?
    {
        if let explicit = environment["RXFACTS_CACHE_DIR"], !explicit.isEmpty {
            return explicit == "off" ? nil : explicit
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/rxfacts" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/rxfacts"
    }

    /// Compiles `files` (lexicon paths, in pipeline order) without any cache.
    package static func compile(files: [String]) throws(InputError) -> Compiled {
        var lexicon = Lexicon()
        for path in files { lexicon.append(contentsOf: try Lexicon.load(contentsOf: path)) }
        var phrases = PhraseAutomaton(layers: PhraseLayer.count)
        var vocabulary = Vocabulary()
        LexiconIndex.addTerms(of: lexicon, into: &phrases, vocabulary: &vocabulary)
        let names = LexiconIndex.NameTable(lexicon.entries)
        return Compiled(
            lexicon: lexicon, phrases: phrases, vocabulary: vocabulary, names: names,
            index: LexiconIndex(lexicon: lexicon, names: names))
    }

    /// The compiled lexicons of `files`, read from `directory` when an artifact with their key is
    /// there, else compiled and written there. `fileHashes` maps a path to "size hash" when
    /// the caller has one (the pipeline fingerprint hashes every file already).
    package static func load(
        files: [String], directory: String?, fileHashes: [String: String] = [:]
    ) throws(InputError) -> (Compiled, Outcome) {
        guard let directory else { return (try compile(files: files), .memoryOnly) }
        // Each file by its absolute path once: the key is made from these, and the artifact's
        // entries are renamed from them to this start's spelling.
        let absolute = files.map(canonicalPath)
        guard let key = key(files: files, absolute: absolute, fileHashes: fileHashes) else {
            return (try compile(files: files), .memoryOnly)
        }
        let path = directory + "/lexicon-" + key + ".rxk"
        let spelled = Dictionary(zip(absolute, files), uniquingKeysWith: { first, _ in first })
        if let compiled = read(path, key: key, spelled: spelled) {
            markUsed(path)
            return (compiled, .reused(path: path))
        }
        let compiled = try compile(files: files)
        guard write(compiled, key: key, to: path, directory: directory) else { return (compiled, .memoryOnly) }
        return (compiled, .built(path: path))
    }

    /// The artifact key, or nil when a file cannot be read (compiling then reports it).
    static func key(files: [String], absolute: [String], fileHashes: [String: String]) -> String? {
        var input: [UInt8] = []
        func add(_ field: String) {
            input.append(contentsOf: field.utf8)
            input.append(0)
        }
        add("format \(formatVersion)")
        add(RxFactsVersion.current)
        add(executableIdentity())
        for (path, absolutePath) in zip(files, absolute) {
            add(absolutePath)
            if let hash = fileHashes[path] {
                add(hash)
            } else {
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                add("\(data.count) \(ContentHash.fnv1a64Hex(data))")
            }
        }
        // Two FNV-1a hashes over differently prefixed input: 128 bits against accidental collisions.
        return ContentHash.fnv1a64Hex(input) + ContentHash.fnv1a64Hex([0x5A] + input)
    }

    /// `path` made absolute against the working directory, with symbolic links, `.` and `..`
    /// resolved: one lexicon named from another directory, or through a link, keys the same
    /// artifact, and an artifact names its files this way (a start renames them as it spells them).
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Path, size and modification time of the running executable: a rebuilt binary (whose
    /// lexicon parsing or folding may have changed) gets its own artifacts.
    static func executableIdentity() -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: Pipeline.executablePath(CommandLine.arguments.first ?? ""))
            .resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)\u{0}\(size)\u{0}\(modified)"
    }

    /// Reads the artifact at `path` if it has `key`; an entry's file, stored by absolute path, is
    /// named as `spelled` maps it (this start's spelling of the paths the key was made from).
    static func read(_ path: String, key: String, spelled: [String: String] = [:]) -> Compiled? {
        // Read front to back, not mapped: each array is read into its own storage once, and the
        // file's pages are not resident beside them (see `ArchiveReader`).
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        guard let size = try? file.seekToEnd(), (try? file.seek(toOffset: 0)) != nil else { return nil }
        var archive = ArchiveReader(file, size: Int(size))
        do {
            guard try archive.string() == magic, try archive.int() == formatVersion,
                try archive.array(of: UInt32.self) == [byteOrderMark], try archive.string() == key
            else { return nil }
            let lexicon = try Lexicon(reading: &archive, spelled: spelled)
            let names = try LexiconIndex.NameTable(reading: &archive, count: lexicon.entries.count)
            // The index needs only the entries: made on another thread while the automaton is read.
            let indexing = BackgroundWork { () throws(Never) in LexiconIndex(lexicon: lexicon, names: names) }
            defer { indexing.cancel() }
            let phrases = try PhraseAutomaton(reading: &archive)
            let vocabulary = try Vocabulary(reading: &archive)
            guard try archive.string() == magic, archive.isAtEnd, let index = indexing.take() else { return nil }
            return Compiled(lexicon: lexicon, phrases: phrases, vocabulary: vocabulary, names: names, index: index)
        } catch {
            return nil
        }
    }

    /// Writes the artifact through a temporary file and a rename, so a concurrent start reads
    /// either nothing or a whole artifact; false when the directory is not writable.
    static func write(_ compiled: Compiled, key: String, to path: String, directory: String) -> Bool {
        var archive = ArchiveWriter()
        archive.string(magic)
        archive.int(formatVersion)
        archive.array([byteOrderMark])
        archive.string(key)
        compiled.lexicon.write(to: &archive)
        compiled.names.write(to: &archive)
        compiled.phrases.write(to: &archive)
        compiled.vocabulary.write(to: &archive)
        archive.string(magic)
        let fm = FileManager.default
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(archive.bytes).write(to: URL(fileURLWithPath: temporary))
            if fm.fileExists(atPath: path) { try? fm.removeItem(atPath: path) }
            try fm.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? fm.removeItem(atPath: temporary)
            return false
        }
        removeOldArtifacts(in: directory)
        return true
    }

    /// Sets the artifact's modification time to now, so `removeOldArtifacts` keeps the most
    /// recently *used* artifacts: where several builds, working directories or users share one
    /// cache directory, an artifact read at every start must not be evicted by newer ones written
    /// once. Best effort: a file that cannot be touched (another user's) is still read.
    static func markUsed(_ path: String) {
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
    }

    /// Keeps the `kept` most recently written or used artifacts of the directory.
    static func removeOldArtifacts(in directory: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        let artifacts = names.filter { $0.hasPrefix("lexicon-") && $0.hasSuffix(".rxk") }.map { name in
            let path = directory + "/" + name
            let modified = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            return (path, modified)
        }
        guard artifacts.count > kept else { return }
        for (path, _) in artifacts.sorted(by: { $0.1 > $1.1 }).dropFirst(kept) { try? fm.removeItem(atPath: path) }
    }
}
