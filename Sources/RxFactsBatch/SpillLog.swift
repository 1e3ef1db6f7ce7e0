import Foundation

/// Bytes appended once and read back rarely, kept in an unlinked temporary file: what a run must
/// remember about every document (`GivenIds`) then costs disk, not memory, and the file goes when
/// the run does, even when it is killed.
///
/// When no file can be made (no writable temporary directory), or a write to it fails (a full
/// disk), the bytes not yet written stay in memory: nothing is lost, the run only uses more memory.
final class SpillLog {
    private var file: FileHandle?
    /// False after a failed write: the file is still read, later bytes stay in memory.
    private var canWrite = true
    /// Bytes in the file, which hold the log's first `written` bytes.
    private var written: UInt64 = 0
    /// The log's bytes after the file's, not yet written.
    private var pending: [UInt8] = []
    /// Pending bytes written to the file at once.
    static let block = 1 << 16

    /// A log in a new unlinked file in `directory`; in memory when `directory` is nil or the file
    /// cannot be made.
    init(directory: String?) {
        guard let directory else { return }
        let path =
            directory
            + "/rxfacts-spill-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { return }
        file = FileHandle(forUpdatingAtPath: path)
        // Unlinked at once: the open handle keeps the bytes, no name is left behind.
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit { try? file?.close() }

    /// Whether bytes appended now go to a file (false: they stay in memory).
    var isSpilling: Bool { file != nil && canWrite }

    /// Bytes appended so far.
    var count: UInt64 { written + UInt64(pending.count) }

    /// Bytes held in memory (not yet written, or never: no file).
    var memoryBytes: Int { pending.count }

    /// Appends `bytes`; returns their offset.
    @discardableResult
    func append(_ bytes: some Collection<UInt8>) -> UInt64 {
        let offset = count
        pending.append(contentsOf: bytes)
        if pending.count >= Self.block { flush() }
        return offset
    }

    /// `length` bytes from `offset`, nil when they cannot be read back (an I/O error).
    func read(_ offset: UInt64, _ length: Int) -> [UInt8]? {
        guard offset + UInt64(length) <= count else { return nil }
        if offset >= written {
            let start = Int(offset - written)
            return Array(pending[start..<(start + length)])
        }
        // In the file, perhaps running on into the pending bytes.
        let inFile = Int(min(UInt64(length), written - offset))
        guard let file else { return nil }
        var bytes = [UInt8](repeating: 0, count: inFile)
        var done = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while done < inFile {
                let n = pread(
                    file.fileDescriptor, buffer.baseAddress! + done, inFile - done, off_t(offset) + off_t(done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        guard ok else { return nil }
        return bytes + pending[0..<(length - inFile)]
    }

    /// Writes the pending bytes to the file; on a failed write keeps them (and later ones) in
    /// memory from then on.
    private func flush() {
        guard let file, canWrite, !pending.isEmpty else { return }
        var done = 0
        let ok = pending.withUnsafeBytes { buffer -> Bool in
            while done < buffer.count {
                let n = pwrite(
                    file.fileDescriptor, buffer.baseAddress! + done, buffer.count - done, off_t(written) + off_t(done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        guard ok else {
            // What was written stays readable; the rest stays here (`written` counts whole
            // flushes only, so a partial one is read from memory).
            canWrite = false
            return
        }
        written += UInt64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }
}
