import Foundation
import RxFacts
import ZIPFoundation

/// Turns the collected top-level inputs into `BatchUnit`s one at a time, in order, so a batch
/// never holds more of the corpus than the window it is working on.
///
/// Zip archives are read without unpacking to disk: the top-level archive is read from its file,
/// member by member; a member that is itself a zip is read into memory and opened as an archive
/// (`outer.zip!inner.zip!label.xml`). Members that are not leaflets (images, stylesheets, README…) are
/// skipped and counted; a member that cannot be decompressed becomes an error unit and the walk
/// goes on. The walker applies `--shard` (see `ShardSpec`) and `--resume` (sources already done).
/// It is used from one thread only.
final class InputWalker {
    /// Guards against zip bombs and runaway nesting.
    struct Limits {
        var maxMemberBytes: UInt64 = 512 << 20
        var maxDepth = 4
    }

    private final class Frame {
        let iterator: AnyIterator<Entry>
        /// Display prefix of the members, e.g. `outer.zip!`.
        let prefix: String
        /// Shard key of the members of a nested archive (nil at the first level: each member is its own key).
        let shardKey: String?
        /// The archive must outlive its iterator.
        let archive: Archive

        init(archive: Archive, prefix: String, shardKey: String?) {
            self.archive = archive
            self.iterator = archive.makeIterator()
            self.prefix = prefix
            self.shardKey = shardKey
        }
    }

    private let inputs: [(path: String, size: Int)]
    private let shard: ShardSpec
    private let done: Set<String>
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

    init(_ paths: [String], shard: ShardSpec = .all, done: Set<String> = [], limits: Limits = Limits()) {
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
                guard let entry = frame.iterator.next() else {
                    frames.removeLast()
                    if frames.isEmpty { finishInput(archiveRemaining) }
                    continue
                }
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
        guard path != "-", InputWalker.isArchive(path) else {
            finishInput(size)
            if path != "-", done.contains(path) {
                alreadyDone += 1
                return nil
            }
            return .path(path, size: size)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            finishInput(0)
            return .failure(InputError(.unreadable, path: path, reason: "no such file"))
        }
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            frames.append(Frame(archive: archive, prefix: path + "!", shardKey: nil))
            archiveRemaining = size
            return nil
        } catch {
            finishInput(size)
            return .failure(InputError(.unreadable, path: path, reason: "not a readable zip archive (\(error))"))
        }
    }

    private func unit(for entry: Entry, in frame: Frame) -> BatchUnit? {
        guard entry.type != .directory else { return nil }
        let display = frame.prefix + entry.path
        let name = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
        let ext = (name as NSString).pathExtension.lowercased()
        let isNested = ext == "zip"
        guard entry.type == .file, !name.hasPrefix("."), !entry.path.hasPrefix("__MACOSX/"),
            isNested || (InputCollector.leafletExtensions.contains(ext) && !InputCollector.isCollectionNote(name))
        else {
            skipped += 1
            return nil
        }
        let shardKey = frame.shardKey ?? display
        if frame.shardKey == nil, !shard.contains(shardKey) {
            outOfShard += 1
            return nil
        }
        if !isNested, done.contains(display) {
            alreadyDone += 1
            return nil
        }
        if isNested, frames.count >= limits.maxDepth {
            return .failure(InputError(.unreadable, path: display, reason: "zip archives nested deeper than \(limits.maxDepth) levels"))
        }
        guard entry.uncompressedSize <= limits.maxMemberBytes else {
            return .failure(InputError(.unreadable, path: display, reason: "zip member of \(entry.uncompressedSize) bytes is over the limit of \(limits.maxMemberBytes)"))
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            let checksum = try frame.archive.extract(entry) { data.append($0) }
            guard checksum == entry.checksum else {
                return .failure(InputError(.unreadable, path: display, reason: "corrupt zip member (CRC-32 mismatch)"))
            }
        } catch {
            return .failure(InputError(.unreadable, path: display, reason: "corrupt zip member (\(error))"))
        }
        guard isNested else { return .member(SourceInput(path: display, bytes: [UInt8](data))) }
        do {
            let archive = try Archive(data: data, accessMode: .read)
            frames.append(Frame(archive: archive, prefix: display + "!", shardKey: shardKey))
            return nil
        } catch {
            return .failure(InputError(.unreadable, path: display, reason: "not a readable zip archive (\(error))"))
        }
    }
}
