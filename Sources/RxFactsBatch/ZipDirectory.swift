import Foundation

/// The names and flags of a zip archive's members, read from its central directory.
///
/// ZIPFoundation's entry iterator returns nil both at the end of an archive and for a member it
/// cannot read (an encrypted member, a damaged local header), so the walker needs the count and
/// names of the members to tell the two apart and to name what it could not read. This reads
/// only the end-of-central-directory record (ZIP64 too) and the central directory; every offset is
/// bounds-checked, and a directory that cannot be read is simply nil (ZIPFoundation then reports
/// the archive as unreadable).
struct ZipDirectory: Sendable, Hashable {
    struct Member: Sendable, Hashable {
        var path: String
        /// General-purpose flag bit 0: the member is encrypted (ZIPFoundation cannot read it).
        var isEncrypted: Bool
        /// 0 stored, 8 deflate.
        var method: UInt16 = 0
        var crc32: UInt32 = 0
        var compressedSize: UInt64 = 0
        var uncompressedSize: UInt64 = 0
        /// Offset of the member's local header in the archive.
        var localHeaderOffset: UInt64 = 0
    }

    var members: [Member]

    /// Reads the directory of the archive whose bytes `read(offset, count)` returns (nil past the
    /// end); `size` is the archive's length.
    init?(size: UInt64, read: (UInt64, Int) -> [UInt8]?) {
        guard size >= 22 else { return nil }
        // The EOCD record is in the last 22 + 65,535 (comment) bytes.
        let tailLength = Int(min(size, 22 + 65_535))
        guard let tail = read(size - UInt64(tailLength), tailLength), tail.count == tailLength else { return nil }
        var eocd = -1
        var k = tail.count - 22
        while k >= 0 {
            if tail[k] == 0x50, tail[k + 1] == 0x4B, tail[k + 2] == 0x05, tail[k + 3] == 0x06 {
                eocd = k
                break
            }
            k -= 1
        }
        guard eocd >= 0 else { return nil }
        var count = UInt64(Self.u16(tail, eocd + 10))
        var directorySize = UInt64(Self.u32(tail, eocd + 12))
        var directoryOffset = UInt64(Self.u32(tail, eocd + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the EOCD record and points at the ZIP64 EOCD.
            let locator = eocd - 20
            guard locator >= 0, Self.u32(tail, locator) == 0x0706_4B50 else { return nil }
            let recordOffset = Self.u64(tail, locator + 8)
            guard recordOffset < size, let record = read(recordOffset, 56), record.count == 56,
                Self.u32(record, 0) == 0x0606_4B50
            else { return nil }
            count = Self.u64(record, 32)
            directorySize = Self.u64(record, 40)
            directoryOffset = Self.u64(record, 48)
        }
        // A member's directory entry is at least 46 bytes; a count the directory cannot hold lies.
        guard directoryOffset <= size, directorySize <= size - directoryOffset, count <= directorySize / 46,
            directorySize <= UInt64(Int.max), let directory = read(directoryOffset, Int(directorySize)),
            directory.count == Int(directorySize)
        else { return nil }
        var members: [Member] = []
        members.reserveCapacity(Int(count))
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, Self.u32(directory, at) == 0x0201_4B50 else { return nil }
            let flags = Self.u16(directory, at + 8)
            let nameLength = Int(Self.u16(directory, at + 28))
            let extraLength = Int(Self.u16(directory, at + 30))
            let commentLength = Int(Self.u16(directory, at + 32))
            let nameEnd = at + 46 + nameLength
            guard nameEnd <= directory.count else { return nil }
            let name = directory[(at + 46)..<nameEnd]
            // Bit 11: the name is UTF-8; otherwise CP437, shown here as Latin-1 for a message.
            let path =
                flags & (1 << 11) != 0 || name.allSatisfy({ $0 < 0x80 })
                ? String(decoding: name, as: UTF8.self)
                : String(name.map { Character(Unicode.Scalar($0)) })
            var member = Member(
                path: path, isEncrypted: flags & 1 != 0, method: Self.u16(directory, at + 10),
                crc32: Self.u32(directory, at + 16),
                compressedSize: UInt64(Self.u32(directory, at + 20)),
                uncompressedSize: UInt64(Self.u32(directory, at + 24)),
                localHeaderOffset: UInt64(Self.u32(directory, at + 42)))
            // ZIP64: sizes and offset marked 0xFFFFFFFF are in extra field 0x0001, in this order.
            if member.uncompressedSize == 0xFFFF_FFFF || member.compressedSize == 0xFFFF_FFFF
                || member.localHeaderOffset == 0xFFFF_FFFF
            {
                var extra = nameEnd
                let extraEnd = min(directory.count, nameEnd + extraLength)
                while extra + 4 <= extraEnd {
                    let id = Self.u16(directory, extra)
                    let length = Int(Self.u16(directory, extra + 2))
                    if id == 1 {
                        var field = extra + 4
                        let fieldEnd = min(extraEnd, field + length)
                        func next() -> UInt64? {
                            guard field + 8 <= fieldEnd else { return nil }
                            defer { field += 8 }
                            return Self.u64(directory, field)
                        }
                        if member.uncompressedSize == 0xFFFF_FFFF {
                            member.uncompressedSize = next() ?? member.uncompressedSize
                        }
                        if member.compressedSize == 0xFFFF_FFFF {
                            member.compressedSize = next() ?? member.compressedSize
                        }
                        if member.localHeaderOffset == 0xFFFF_FFFF {
                            member.localHeaderOffset = next() ?? member.localHeaderOffset
                        }
                        break
                    }
                    extra += 4 + length
                }
            }
            members.append(member)
            at = nameEnd + extraLength + commentLength
        }
        self.members = members
    }

    /// The directory of the archive file at `path`.
    init?(contentsOf path: String) {
        guard let source = ZipSource(path: path) else { return nil }
        self.init(size: source.size, read: source.read)
    }

    /// The directory of an archive held in memory.
    init?(data: Data) {
        let source = ZipSource.data(data)
        self.init(size: source.size, read: source.read)
    }

    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
        guard at + 2 <= b.count else { return 0 }
        return UInt16(b[at]) | UInt16(b[at + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        guard at + 4 <= b.count else { return 0 }
        return UInt32(u16(b, at)) | UInt32(u16(b, at + 2)) << 16
    }

    static func u64(_ b: [UInt8], _ at: Int) -> UInt64 {
        guard at + 8 <= b.count else { return 0 }
        return UInt64(u32(b, at)) | UInt64(u32(b, at + 4)) << 32
    }
}

/// Random access to an archive's bytes: a file (top-level archives are never read whole) or
/// memory (an archive inside an archive).
enum ZipSource: @unchecked Sendable {
    case file(FileHandle, size: UInt64)
    case data(Data)

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path), let size = try? handle.seekToEnd() else { return nil }
        self = .file(handle, size: size)
    }

    var size: UInt64 {
        switch self {
        case .file(_, let size): size
        case .data(let data): UInt64(data.count)
        }
    }

    /// `count` bytes at `offset`, fewer at the end, nil when unreadable or past the end.
    func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
        guard offset <= size, count >= 0 else { return nil }
        let available = Int(min(UInt64(count), size - offset))
        switch self {
        case .file(let handle, _):
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: available) else {
                return available == 0 ? [] : nil
            }
            return [UInt8](data)
        case .data(let data):
            let start = data.startIndex + Int(offset)
            return [UInt8](data[start..<(start + available)])
        }
    }
}
