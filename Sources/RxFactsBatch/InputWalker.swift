import Foundation
import RxFacts
import ZIPFoundation

/// Turns the collected top-level inputs into `BatchUnit`s one at a time, in order, so a batch
/// never holds more of the corpus than the window it is working on.
///
/// Zip archives are read without unpacking to disk: the top-level archive is read from its file,
/// member by member; a member that is itself a zip is read into memory and opened as an archive
/// (`outer.zip!inner.zip!label.xml`). Members that are not leaflets (images, stylesheets, README…) are
/// skipped and counted; a member that cannot be decompressed, is encrypted, or inflates past
/// the limit (whatever size its header declares) becomes an error unit and the walk goes on with
/// the later members. The walker applies `--shard` (see `ShardSpec`) and `--resume` (sources
/// already done). It is used from one thread only.
final class InputWalker {
    /// Guards against zip bombs and runaway nesting.
    struct Limits {
        /// Largest leaflet member, counted in bytes actually inflated (`--max-document-mib`).
        var maxMemberBytes: UInt64 = UInt64(BatchExtractor.defaultMaxDocumentBytes)
        /// Largest zip member that is itself a zip archive (read into memory to be walked).
        var maxNestedArchiveBytes: UInt64 = 512 << 20
        var maxDepth = 4
    }

    private final class Frame {
        let iterator: AnyIterator<Entry>
        /// Display prefix of the members, e.g. `outer.zip!`.
        let prefix: String
        /// Id prefix of the members: empty at the first level, `inner/` inside `inner.zip`.
        let idPrefix: String
        /// Shard key of the members of a nested archive (nil at the first level: each member is its own key).
        let shardKey: String?
        /// The archive must outlive its iterator.
        let archive: Archive
        /// The members the central directory lists; nil when it could not be read by `ZipDirectory`.
        let directory: ZipDirectory?
        /// The archive's bytes, for `ZipMemberInflater`.
        let source: ZipSource?
        /// Members of `directory` the iterator has gone past (yielded or failed on).
        var position = 0
        /// Set when the iterator failed on a member it cannot step over (a damaged local header):
        /// every later member is reported unreadable rather than silently lost.
        var blockedBy: String?

        init(archive: Archive, source: ZipSource?, prefix: String, idPrefix: String, shardKey: String?) {
            self.source = source
            self.directory = source.flatMap { ZipDirectory(size: $0.size, read: $0.read) }
            self.idPrefix = idPrefix
            self.archive = archive
            self.iterator = archive.makeIterator()
            self.prefix = prefix
            self.shardKey = shardKey
        }
    }

    private let inputs: [(path: String, size: Int)]
    private let shard: ShardSpec
    private let done: Set<String>
    /// Paths found bad while collecting (dangling links, cycles, names that are not UTF-8).
    private let problems: [String: InputError]
    /// Document ids of walked files (path relative to the directory named); `--id`.
    private let ids: [String: String]
    private let limits: Limits
    private var nextInput = 0
    private var frames: [Frame] = []
    /// On-disk bytes of the archive being walked that are not yet credited to `consumedBytes`.
    private var archiveRemaining = 0

    /// Non-leaflet zip members skipped.
    private(set) var skipped = 0
    /// Inputs skipped because the output already has them (`--resume`).
    private(set) var alreadyDone = 0
    /// Inputs that belong to other shards.
    private(set) var outOfShard = 0
    /// Top-level inputs (files, archives) finished walking.
    private(set) var finishedInputs = 0
    /// On-disk bytes of the top-level inputs walked so far (archives credited by compressed member size).
    private(set) var consumedBytes = 0
    /// Top-level inputs of this shard and their on-disk bytes.
    let totalInputs: Int
    let totalBytes: Int

    init(
        _ paths: [String], shard: ShardSpec = .all, done: Set<String> = [], problems: [String: InputError] = [:],
        ids: [String: String] = [:], limits: Limits = Limits()
    ) {
        self.problems = problems
        self.ids = ids
        self.shard = shard
        self.done = done
        self.limits = limits
        var kept: [(String, Int)] = []
        var dropped = 0
        for path in paths {
            // Archives are always opened: their members are sharded one by one.
            if !InputWalker.isArchive(path), path != "-", !shard.contains(path) {
                dropped += 1
                continue
            }
            let size = path == "-" ? 0 : ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            kept.append((path, size))
        }
        inputs = kept
        outOfShard = dropped
        totalInputs = kept.count
        totalBytes = kept.reduce(0) { $0 + $1.1 }
    }

    static func isArchive(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".zip")
    }

    /// The next unit, or nil when every input has been walked.
    func next() -> BatchUnit? {
        while true {
            if let frame = frames.last {
                // nil from ZIPFoundation's iterator is not the end of the archive while the
                // central directory lists more members: it is a member it could not read.
                let entry = frame.blockedBy == nil ? frame.iterator.next() : nil
                guard let entry else {
                    if let directory = frame.directory, frame.position < directory.members.count {
                        let member = directory.members[frame.position]
                        frame.position += 1
                        if let unit = unreadableMember(member, in: frame) { return unit }
                        continue
                    }
                    frames.removeLast()
                    if frames.isEmpty { finishInput(archiveRemaining) }
                    continue
                }
                frame.position += 1
                if frames.count == 1 {
                    let credit = min(archiveRemaining, Int(clamping: entry.compressedSize))
                    consumedBytes += credit
                    archiveRemaining -= credit
                }
                if let unit = unit(for: entry, in: frame) { return unit }
                continue
            }
            guard nextInput < inputs.count else { return nil }
            let (path, size) = inputs[nextInput]
            nextInput += 1
            if let unit = start(path, size: size) { return unit }
        }
    }

    private func finishInput(_ bytes: Int) {
        finishedInputs += 1
        consumedBytes += bytes
        archiveRemaining = 0
    }

    private func start(_ path: String, size: Int) -> BatchUnit? {
        if let problem = problems[path] {
            finishInput(0)
            return .failure(problem)
        }
        guard path != "-", InputWalker.isArchive(path) else {
            finishInput(size)
            if path != "-", done.contains(path) {
                alreadyDone += 1
                return nil
            }
            return .path(path, size: size, id: ids[path])
        }
        guard FileManager.default.fileExists(atPath: path) else {
            finishInput(0)
            return .failure(InputError(.unreadable, path: path, reason: "no such file"))
        }
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            frames.append(
                Frame(archive: archive, source: ZipSource(path: path), prefix: path + "!", idPrefix: "", shardKey: nil))
            archiveRemaining = size
            return nil
        } catch {
            finishInput(size)
            return .failure(InputError(.unreadable, path: path, reason: "not a readable zip archive (\(error))"))
        }
    }

    /// What a member is, by its name: a leaflet, a nested archive, or something skipped.
    private enum MemberKind { case leaflet, archive, skipped }

    private func kind(ofMember path: String, isFile: Bool) -> MemberKind {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = (name as NSString).pathExtension.lowercased()
        guard isFile, !name.hasPrefix("."), !path.hasPrefix("__MACOSX/") else { return .skipped }
        if ext == "zip" { return .archive }
        return InputCollector.leafletExtensions.contains(ext) && !InputCollector.isCollectionNote(name)
            ? .leaflet : .skipped
    }

    /// Shard and resume filters of a member; nil when the member is to be read.
    private func filtered(_ display: String, kind: MemberKind, in frame: Frame) -> Bool {
        if frame.shardKey == nil, !shard.contains(display) {
            outOfShard += 1
            return true
        }
        if kind == .leaflet, done.contains(display) {
            alreadyDone += 1
            return true
        }
        return false
    }

    /// The error unit of a member the iterator could not read (nil when the member is not one
    /// rxfacts would read anyway).
    private func unreadableMember(_ member: ZipDirectory.Member, in frame: Frame) -> BatchUnit? {
        let display = frame.prefix + member.path
        let isFile = !member.path.hasSuffix("/")
        let kind = kind(ofMember: member.path, isFile: isFile)
        let reason: String
        if let blocker = frame.blockedBy {
            reason = "not read: the zip reader cannot go past the damaged member \(blocker) before it"
        } else if member.isEncrypted {
            reason = "encrypted zip member (rxfacts reads no encrypted archives); the walk goes on with the next member"
        } else {
            frame.blockedBy = display
            reason = "unreadable zip member (damaged local header)"
        }
        guard isFile else { return nil }
        guard kind != .skipped else {
            skipped += 1
            return nil
        }
        if filtered(display, kind: kind, in: frame) { return nil }
        return .failure(InputError(.unreadable, path: display, reason: reason))
    }

    private func unit(for entry: Entry, in frame: Frame) -> BatchUnit? {
        guard entry.type != .directory else { return nil }
        let display = frame.prefix + entry.path
        let kind = kind(ofMember: entry.path, isFile: entry.type == .file)
        guard kind != .skipped else {
            skipped += 1
            return nil
        }
        if filtered(display, kind: kind, in: frame) { return nil }
        let isNested = kind == .archive
        if isNested, frames.count >= limits.maxDepth {
            return .failure(
                InputError(
                    .unreadable, path: display, reason: "zip archives nested deeper than \(limits.maxDepth) levels"))
        }
        let limit = isNested ? limits.maxNestedArchiveBytes : limits.maxMemberBytes
        let what = isNested ? "nested zip archive" : "zip member"
        guard entry.uncompressedSize <= limit else {
            return .failure(
                InputError(
                    .unreadable, path: display,
                    reason: "\(what) of \(entry.uncompressedSize) bytes is over the limit of \(limit) bytes"))
        }
        // The declared size may lie: bytes are counted as they are inflated and the member is
        // cut off at the limit; inflate never reads past the member's compressed bytes.
        var data = Data()
        if let source = frame.source, let directory = frame.directory, frame.position >= 1,
            frame.position <= directory.members.count, directory.members[frame.position - 1].path == entry.path
        {
            do {
                data = try ZipMemberInflater(source: source, limit: limit).read(directory.members[frame.position - 1])
            } catch {
                let reason: String
                switch error {
                case .overLimit:
                    reason =
                        "\(what) inflates past the limit of \(limit) bytes (its header declares \(entry.uncompressedSize)); cut off"
                case .truncated: reason = "corrupt zip member (its compressed data ends before the deflate stream does)"
                case .badLocalHeader: reason = "corrupt zip member (damaged local header)"
                case .unsupportedMethod(let method):
                    reason = "zip member compressed with method \(method); rxfacts reads stored and deflate members"
                case .checksum: reason = "corrupt zip member (CRC-32 mismatch)"
                case .corrupt(let detail): reason = "corrupt zip member (\(detail))"
                }
                return .failure(InputError(.unreadable, path: display, reason: reason))
            }
        } else {
            return .failure(
                InputError(
                    .unreadable, path: display,
                    reason: "zip member not found in the archive's central directory (damaged archive)"))
        }
        // A member's id is its path in the archive without extension (`leaflets/a`), under the
        // names of the nested archives it is in (`inner/leaflets/a`): unique within the archive.
        let id = frame.idPrefix + InputCollector.withoutExtension(entry.path)
        guard isNested else { return .member(SourceInput(path: display, bytes: [UInt8](data), id: id)) }
        do {
            let archive = try Archive(data: data, accessMode: .read)
            frames.append(
                Frame(
                    archive: archive, source: .data(data), prefix: display + "!", idPrefix: id + "/",
                    shardKey: frame.shardKey ?? display))
            return nil
        } catch {
            return .failure(InputError(.unreadable, path: display, reason: "not a readable zip archive (\(error))"))
        }
    }
}
