import Foundation
import RxFacts

extension RecordStore {
    /// Loads one JSON line as `rxfacts extract` writes it (trailing newline optional), with the
    /// line's bytes as the fingerprint — the same one `rxfacts load` computes for that line,
    /// so extracting with `--db` and loading the JSONL later agree on "unchanged".
    /// Returns the outcome and the number of facts in the record.
    @discardableResult
    package func load(jsonLine line: [UInt8]) throws -> (outcome: LoadOutcome, facts: Int) {
        let body = line.last == 0x0A ? Data(line.dropLast()) : Data(line)
        let record = try JSONDecoder().decode(Record.self, from: body)
        let outcome = try load(record, fingerprint: RecordStore.fingerprint(body))
        return (outcome, record.drugs.reduce(0) { $0 + $1.facts.count })
    }

    /// Loads `record`, whose JSON line is `line`, as `load(jsonLine:)` would: the line gives the
    /// fingerprint, the record is not parsed back from it (`extract --db`: the record is at hand;
    /// a record read back from its line equals it, `RecordEncoder` round-trips).
    package func load(_ record: Record, line: [UInt8]) throws -> (outcome: LoadOutcome, facts: Int) {
        let body = line.last == 0x0A ? Data(line.dropLast()) : Data(line)
        let outcome = try load(record, fingerprint: RecordStore.fingerprint(body))
        return (outcome, record.drugs.reduce(0) { $0 + $1.facts.count })
    }
}
