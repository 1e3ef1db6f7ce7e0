import Foundation
import ZIPFoundation

/// Reads one zip member's bytes with hard bounds: at most the member's compressed bytes are fed
/// to inflate, and at most `limit` bytes come out.
///
/// Found by fuzzing: ZIPFoundation 0.9.20's inflate loop on Linux (`Data.decode`) tells zlib
/// that every chunk holds `bufferSize` bytes, so a short chunk (the end of a file) is over-read
/// from the heap, and a deflate stream that does not end is read on at the end of the file
/// forever. Here the provider always returns exactly the bytes asked for (the member's
/// compressed bytes, then zeros, which no valid deflate stream continues with) and throws once
/// past the member, so a truncated or endless stream is an error, nothing is over-read, and a
/// stream that inflates past `limit` is cut off whatever its header declares.
struct ZipMemberInflater {
    enum Failure: Error, Equatable {
        /// Inflating gave more than the limit.
        case overLimit
        /// The deflate stream needs more bytes than the member has.
        case truncated
        /// The local header is missing or damaged.
        case badLocalHeader
        /// A compression method other than stored (0) or deflate (8).
        case unsupportedMethod(UInt16)
        /// The bytes do not match the CRC-32 the directory records.
        case checksum
        /// zlib refused the stream.
        case corrupt(String)
    }

    let source: ZipSource
    let limit: UInt64
    /// Bytes handed to inflate at a time.
    var chunkSize = 64 << 10

    func read(_ member: ZipDirectory.Member) throws(Failure) -> Data {
        guard let header = source.read(member.localHeaderOffset, 30), header.count == 30,
            ZipDirectory.u32(header, 0) == 0x0403_4B50
        else { throw .badLocalHeader }
        let dataStart =
            member.localHeaderOffset + 30 + UInt64(ZipDirectory.u16(header, 26)) + UInt64(ZipDirectory.u16(header, 28))
        guard dataStart <= source.size, member.compressedSize <= source.size - dataStart else { throw .truncated }
        let compressed = member.compressedSize
        var output = Data()
        output.reserveCapacity(Int(min(member.uncompressedSize, limit, 64 << 20)))
        switch member.method {
        case 0:
            guard compressed <= limit else { throw .overLimit }
            guard let bytes = source.read(dataStart, Int(compressed)), bytes.count == Int(compressed) else {
                throw .truncated
            }
            output.append(contentsOf: bytes)
            guard ZipMemberInflater.crc32(output) == member.crc32 else { throw .checksum }
        case 8:
            let checksum: UInt32
            do {
                checksum = try Data.decompress(
                    size: Int64(compressed), bufferSize: chunkSize, skipCRC32: false,
                    provider: { position, size in
                        // Past the member's compressed bytes there is nothing more to give.
                        guard position >= 0, UInt64(position) < compressed else { throw Failure.truncated }
                        let count = Int(min(UInt64(size), compressed - UInt64(position)))
                        guard let bytes = source.read(dataStart + UInt64(position), count), bytes.count == count else {
                            throw Failure.truncated
                        }
                        // Exactly `size` bytes: zlib is told the chunk is that long.
                        var chunk = Data(bytes)
                        if count < size { chunk.append(Data(count: size - count)) }
                        return chunk
                    },
                    consumer: { chunk in
                        guard UInt64(output.count) + UInt64(chunk.count) <= limit else { throw Failure.overLimit }
                        output.append(chunk)
                    })
            } catch let failure as Failure {
                throw failure
            } catch {
                throw .corrupt("\(error)")
            }
            guard checksum == member.crc32 else { throw .checksum }
        default:
            throw .unsupportedMethod(member.method)
        }
        return output
    }

    static func crc32(_ data: Data) -> UInt32 {
        data.crc32(checksum: 0)
    }
}
