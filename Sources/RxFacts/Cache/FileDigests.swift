import Foundation

/// Content hashes of the pipeline's files ("size hash", as the fingerprint and the compiled
/// knowledge key use them), remembered between runs by what `stat` says of each file, as git's
/// index does: a file whose device, inode, size, modification and change times are those of
/// the remembered entry is not read again. A start then hashes no lexicon (6.6 MB) at all.
///
/// The memo is one small file in the knowledge cache directory (`file-hashes`), rewritten
/// atomically when a file was hashed afresh. A file changed less than
/// two seconds before it was hashed is not remembered (it may change again within the same
/// timestamp). Without a cache directory every file is hashed.
package struct FileDigests: Sendable {
    /// What `stat` says of a file, as the memo keys it.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64
    }

    static let memoName = "file-hashes"
    static let header = "rxfacts file hashes 1"

    private let memoPath: String?
    /// Seconds a file must have been left unchanged before its hash is remembered.
    private let settle: Double
    private var known: [String: (identity: Identity, digest: String)] = [:]
    /// Entries hashed in this process, to write back.
    private var added = false

    /// The memo of `directory` (nil: none, every file is hashed). `settle`: seconds a file must
    /// have been left unchanged before its hash is remembered.
    package init(directory: String?, settle: Double = 2) {
        memoPath = directory.map { $0 + "/" + Self.memoName }
        self.settle = settle
        guard let memoPath, let data = FileManager.default.contents(atPath: memoPath) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(Self.header) else { return }
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", maxSplits: 7, omittingEmptySubsequences: false)
            guard fields.count == 8, let device = UInt64(fields[0]), let inode = UInt64(fields[1]),
                let size = Int64(fields[2]), let modified = Int64(fields[3]), let changed = Int64(fields[4])
            else { continue }
            let identity = Identity(device: device, inode: inode, size: size, modified: modified, changed: changed)
            known[String(fields[7])] = (identity, "\(fields[5]) \(fields[6])")
        }
    }

    /// The identity of the file at `path`, nil when it cannot be stat'ed or is no regular file.
    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Identity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// The memo's key of a path: absolute, so that runs from other directories share entries.
    static func key(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// "size hash" of the remembered file at `path` when it is unchanged, else nil.
    package func remembered(_ path: String) -> String? {
        guard let entry = known[Self.key(path)], let identity = Self.identity(of: path), identity == entry.identity
        else {
            return nil
        }
        return entry.digest
    }

    /// "size hash" of the file at `path` (remembered, or read and hashed), nil when unreadable.
    package mutating func digest(_ path: String) -> String? {
        if let digest = remembered(path) { return digest }
        let before = Self.identity(of: path)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let digest = "\(data.count) \(ContentHash.fnv1a64Hex(data))"
        // Remembered only when the file did not change while it was read, and not just before.
        if let before, before == Self.identity(of: path), before.size == data.count,
            Date().timeIntervalSince1970 * 1e9 - Double(max(before.modified, before.changed)) >= settle * 1e9
        {
            known[Self.key(path)] = (before, digest)
            added = true
        }
        return digest
    }

    /// Writes the memo when files were hashed afresh (best effort: a cache directory that cannot
    /// be written only means hashing again next time).
    package func save() {
        guard added, let memoPath else { return }
        var text = Self.header + "\n"
        for path in known.keys.sorted() where !path.contains("\n") && !path.contains("\t") {
            guard let (identity, digest) = known[path] else { continue }
            let parts = digest.split(separator: " ")
            guard parts.count == 2 else { continue }
            text +=
                "\(identity.device)\t\(identity.inode)\t\(identity.size)\t\(identity.modified)\t\(identity.changed)\t\(parts[0])\t\(parts[1])\t\(path)\n"
        }
        // `.atomic`: written to a temporary file and renamed, so a concurrent start reads the old
        // memo or the new one, never half of one.
        let directory = (memoPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: memoPath), options: .atomic)
    }
}
