import Foundation

/// Reads what `ArchiveWriter` wrote, front to back, from an open artifact file: small items
/// through a buffer of `chunk` bytes, each large array straight into its own storage. Nothing
/// is mapped, so the artifact's pages never count in the process's memory beside the arrays
/// made from them (a mapped artifact doubled the peak for the length of a start), and a file
/// cut short while it is read is an error, not a bus fault. Every read is bounds-checked: a
/// truncated or corrupt archive throws `ArchiveReader.Corrupt` (the cache then compiles afresh),
/// never traps.
struct ArchiveReader {
    /// The archive ends early, holds an impossible count, or cannot be read.
    struct Corrupt: Error {}

    /// Bytes read ahead for small items.
    static let chunk = 1 << 16

    private let file: FileHandle
    /// Read ahead; `buffer[position...]` is not consumed yet.
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes of the file after what `buffer` holds.
    private var unread: Int

    /// Reads `file` from its current offset, which is `size` bytes from its end.
    init(_ file: FileHandle, size: Int) {
        self.file = file
        unread = size
    }

    var isAtEnd: Bool { position == buffer.count && unread == 0 }

    /// Bytes left to read.
    private var available: Int { buffer.count - position + unread }

    /// Reads exactly `count` bytes of the file into `target`.
    private mutating func readFile(into target: UnsafeMutableRawBufferPointer) throws(Corrupt) {
        var done = 0
        while done < target.count {
            let n = read(file.fileDescriptor, target.baseAddress! + done, target.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Corrupt() }
            done += n
        }
        unread -= target.count
    }

    /// Makes `n` bytes available at `buffer[position...]`.
    private mutating func fill(_ n: Int) throws(Corrupt) {
        guard n <= available else { throw Corrupt() }
        let kept = buffer.count - position
        guard kept < n else { return }
        let more = min(unread, max(n - kept, Self.chunk))
        var failed = false
        let next = [UInt8](unsafeUninitializedCapacity: kept + more) { storage, initialized in
            let raw = UnsafeMutableRawBufferPointer(storage)
            buffer[position...].withUnsafeBytes { raw.copyMemory(from: $0) }
            do { try readFile(into: UnsafeMutableRawBufferPointer(rebasing: raw[kept...])) } catch { failed = true }
            initialized = kept + more
        }
        guard !failed else { throw Corrupt() }
        buffer = next
        position = 0
    }

    mutating func int() throws(Corrupt) -> Int {
        try fill(8)
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: UInt64.self) }
        position += 8
        return Int(truncatingIfNeeded: Int64(bitPattern: UInt64(littleEndian: value)))
    }

    /// A count of items of at least `size` bytes each that fits in what is left.
    mutating func count(itemSize size: Int = 1) throws(Corrupt) -> Int {
        let n = try int()
        guard n >= 0, n <= available / max(size, 1) else { throw Corrupt() }
        return n
    }

    mutating func string() throws(Corrupt) -> String {
        let n = try count()
        guard n <= Self.chunk else { return try longString(n) }
        try fill(n)
        defer { position += n }
        return String(decoding: buffer[position..<(position + n)], as: UTF8.self)
    }

    /// A string of `n` bytes read straight into its own storage (no array first).
    private mutating func longString(_ n: Int) throws(Corrupt) -> String {
        var failed = false
        let result = String(unsafeUninitializedCapacity: n) { storage in
            failed = !consume(into: UnsafeMutableRawBufferPointer(storage))
            return n
        }
        guard !failed else { throw Corrupt() }
        return result
    }

    mutating func strings() throws(Corrupt) -> [String] {
        let n = try count(itemSize: 8)
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }

    /// What `ArchiveWriter.array` wrote. A `growing` array gets room for ~3 % more items: one
    /// that grows after loading (rule phrases added to the automaton) then grows in place instead
    /// of being copied whole at its first append. Room never written costs no memory (untouched
    /// pages).
    mutating func array<T: BitwiseCopyable>(of type: T.Type, growing: Bool = false) throws(Corrupt) -> [T] {
        let n = try count(itemSize: MemoryLayout<T>.stride)
        return try items(n, spare: growing ? Self.spare(n) : 0)
    }

    /// The room a growing table of `n` items is read with.
    static func spare(_ n: Int) -> Int { n / 32 + 1024 }

    /// The next `n` items of `T` (`n` already checked against what is left).
    private mutating func items<T: BitwiseCopyable>(_ n: Int, spare: Int = 0) throws(Corrupt) -> [T] {
        let size = n * MemoryLayout<T>.stride
        if size <= Self.chunk { try fill(size) }
        var failed = false
        let result = [T](unsafeUninitializedCapacity: n + spare) { storage, initialized in
            failed = !consume(
                into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(storage)[..<size]))
            // Plain values: a failed read leaves bytes that are never used (the archive is refused).
            initialized = n
        }
        guard !failed else { throw Corrupt() }
        return result
    }

    /// Fills `target` with the next bytes: those read ahead first, the rest straight from the
    /// file. False when the file ends first.
    private mutating func consume(into target: UnsafeMutableRawBufferPointer) -> Bool {
        let buffered = min(target.count, buffer.count - position)
        buffer[position..<(position + buffered)].withUnsafeBytes { target.copyMemory(from: $0) }
        position += buffered
        guard buffered < target.count else { return true }
        do { try readFile(into: UnsafeMutableRawBufferPointer(rebasing: target[buffered...])) } catch { return false }
        return true
    }
}
