import Testing
@testable import RxFacts

/// `UTF8Validation.firstInvalidByte` (the text ingester's check) against the standard library's
/// UTF-8 parser, on random text with long ASCII runs, multi-byte characters and broken bytes.
@Suite struct UTF8ValidationTests {
    /// Where the standard library's parser first meets an invalid sequence.
    static func oracle(_ bytes: [UInt8], from start: Int) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    @Test func agreesWithTheStandardLibrary() {
        var random = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = [
            Array("plain ASCII words ".utf8), Array("é".utf8), Array("µg".utf8), Array("—".utf8), Array("😀".utf8),
            [0x80], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
            [0xC0, 0xAF], [0xF0, 0x9F, 0x98],
        ]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<12, using: &random) {
                // Mostly valid text: long ASCII runs, some characters, now and then a broken byte.
                let piece =
                    Int.random(in: 0..<10, using: &random) < 7 ? 0 : Int.random(in: 0..<pieces.count, using: &random)
                for _ in 0..<Int.random(in: 1..<4, using: &random) { bytes += pieces[piece] }
            }
            let start = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            // Start on a character boundary, as the ingester does.
            var from = start
            while from < bytes.count, bytes[from] & 0xC0 == 0x80 { from += 1 }
            #expect(
                UTF8Validation.firstInvalidByte(in: bytes, from: from) == Self.oracle(bytes, from: from), "\(bytes)")
        }
    }
}
