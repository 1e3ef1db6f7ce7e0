import Foundation
import Testing
@testable import RxFacts

/// `extract --db` stores the record it made, not the record parsed back from its JSON line
/// (issue 15: the parse was a quarter of the writer thread). That is the same only if every
/// record survives its line unchanged: checked on every corpus leaflet and label.
@Suite struct RecordRoundTripTests {
    /// Integers as JSON, at every number of digits and both ends of `Int`, against `String(_:)`;
    /// keys named by the encoder and keys from the data.
    @Test func writerIntegersAndKeys() {
        var values = [0, 1, 9, 10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        for value in values {
            var writer = JSONWriter(out: [])
            writer.int(value)
            #expect(String(decoding: writer.out, as: UTF8.self) == String(value))
        }
        var writer = JSONWriter(out: [])
        writer.beginObject()
        writer.key("start")
        writer.int(42)
        writer.key(string: "a \"quoted\" name")
        writer.string("x")
        writer.endObject()
        #expect(String(decoding: writer.out, as: UTF8.self) == #"{"start":42,"a \"quoted\" name":"x"}"#)
    }

    /// The eight-bytes-at-a-time escape test against a byte-by-byte one, on random bytes where
    /// the marks and their neighbours (0x1F, 0x20, 0x21, 0x23, 0x5B, 0x5D, high bytes) abound.
    @Test func escapeTestAgreesWithBytewise() {
        var random = SplitMix64(seed: 5)
        let alphabet: [UInt8] = [
            0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x41, 0x7F, 0x80, 0xA2, 0xDC, 0xFF,
        ]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0..<40, using: &random)
            var bytes = (0..<count).map { _ in UInt8(ascii: "a") + UInt8.random(in: 0..<26, using: &random) }
            for _ in 0..<Int.random(in: 0..<3, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let bytewise = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            #expect(bytes.withUnsafeBufferPointer(JSONWriter.needsEscape) == bytewise, "\(bytes)")
        }
    }

    static var corpusFiles: [String] {
        ["Corpus/text", "Corpus/spl"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))) ?? []).sorted()
                .filter { !$0.hasPrefix("COPYING") && !$0.hasSuffix(".md") }
                .map { TestSupport.path(folder + "/" + $0) }
        }
    }

    @Test func everyCorpusRecordReadsBackFromItsLineUnchanged() throws {
        let files = Self.corpusFiles
        #expect(files.count >= 12)
        var facts = 0
        for file in files {
            let input = SourceInput(path: file, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            let record = try TestSupport.pipeline.extract(input)
            let line = TestSupport.pipeline.encoder.encodeLine(record)
            let decoded = try JSONDecoder().decode(Record.self, from: Data(line.dropLast()))
            #expect(decoded == record, "\(file)")
            facts += record.drugs.reduce(0) { $0 + $1.facts.count }
        }
        #expect(facts > 100)
    }
}
