import RxFacts
/// Compares two versions of the same documents (`rxfacts diff --changes OLD NEW`).
///
/// Only documents present in both versions are compared fact by fact; documents present in one
/// version are listed as added or removed. Within a document, drugs match by canonical name and
/// facts by `Fact.key`. A fact whose key is on both sides is `changed` when its code, hedged flag,
/// qualifiers or evidence (section and text, in order) differ. Evidence offsets and rule ids are
/// ignored: an edit early in a label shifts every later offset without changing any fact.
/// When (type, value) is asserted on one side and negated on the other (and not both on either
/// side), the pair is reported as one `negation-changed` line rather than a removal plus an addition.
package enum RecordChanges {
    /// The record field that says two records are versions of one document (`diff --changes --key`).
    package enum DocumentKey: String, CaseIterable, Sendable {
        /// `document.id` (the SPL setId, the ePI identifier, a text file's path id): the default.
        case id
        /// `document.source`, the path the record was read from.
        case source
        /// The file name of `document.source` (`label.xml`), when directories were moved.
        case file
        /// `document.title`.
        case title
        /// `document.contentHash`: the very same input bytes.
        case contentHash = "content-hash"

        /// The key of `record`, or nil when the record has no such field.
        package func value(of record: Record) -> String? {
            switch self {
            case .id: record.document.id
            case .source: record.document.source
            case .file: record.document.source.split(whereSeparator: { $0 == "/" || $0 == "!" }).last.map(String.init)
            case .title: record.document.title
            case .contentHash: record.document.contentHash
            }
        }

        /// Why `records` cannot be matched by this key (a record without it, a key given twice), or nil.
        package func problem(in records: [Record], named name: String) -> String? {
            var seen: Set<String> = []
            for record in records {
                guard let value = value(of: record), !value.isEmpty else {
                    return "\(name): document \(record.document.id) has no \(rawValue); choose another --key"
                }
                if !seen.insert(value).inserted {
                    return "\(name): \(rawValue) '\(value)' names more than one document; choose another --key"
                }
            }
            return nil
        }
    }

    /// Compares the records of each document in both versions, documents matched by `key`
    /// (changes are reported under the new record's id; added and removed documents by their key).
    package static func compare(old: [Record], new: [Record], key: DocumentKey = .id) -> ChangeReport {
        func keyed(_ record: Record) -> (String, Record) { (key.value(of: record) ?? record.document.id, record) }
        let oldByID = Dictionary(old.map(keyed), uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.map(keyed), uniquingKeysWith: { first, _ in first })
        let common = Set(oldByID.keys).intersection(newByID.keys)
        var changes: [FactChange] = []
        for id in common.sorted() {
            guard let was = oldByID[id], let now = newByID[id] else { continue }
            changes += compare(document: now.document.id, old: was, new: now)
        }
        return ChangeReport(
            documentsAdded: Set(newByID.keys).subtracting(oldByID.keys).sorted(),
            documentsRemoved: Set(oldByID.keys).subtracting(newByID.keys).sorted(),
            documentsCompared: common.count,
            changes: changes.sorted())
    }

    struct DrugFact: Hashable {
        var drug: String
        var key: FactKey
    }

    /// The same fact with the opposite negation in `side`, when the other version has only one
    /// of the two: a negation flip, reported once (the flipped key is marked consumed).
    static func flippedCounterpart(
        of id: DrugFact, in side: [DrugFact: Fact], absentFrom other: [DrugFact: Fact], consumed: inout Set<DrugFact>
    ) -> Fact? {
        var flipped = id
        flipped.key.negated.toggle()
        guard let fact = side[flipped], other[flipped] == nil else { return nil }
        consumed.insert(flipped)
        return fact
    }

    static func negationChange(_ document: String, _ id: DrugFact, _ was: Fact, _ now: Fact) -> FactChange {
        FactChange(
            kind: .negationChanged, document: document, drug: id.drug, type: id.key.type, value: id.key.value,
            fields: ["negated"], old: FactSnapshot(was), new: FactSnapshot(now))
    }

    static func compare(document: String, old: Record, new: Record) -> [FactChange] {
        func index(_ record: Record) -> [DrugFact: Fact] {
            var result: [DrugFact: Fact] = [:]
            for drug in record.drugs {
                for fact in drug.facts where result[DrugFact(drug: drug.name, key: fact.key)] == nil {
                    result[DrugFact(drug: drug.name, key: fact.key)] = fact
                }
            }
            return result
        }
        let before = index(old)
        let after = index(new)
        var changes: [FactChange] = []
        var consumed: Set<DrugFact> = []
        for id in Set(before.keys).union(after.keys) where !consumed.contains(id) {
            switch (before[id], after[id]) {
            case let (was?, now?):
                let fields = changedFields(was, now)
                if !fields.isEmpty {
                    changes.append(
                        FactChange(
                            kind: .changed, document: document, drug: id.drug, type: id.key.type,
                            value: id.key.value, fields: fields,
                            old: FactSnapshot(was), new: FactSnapshot(now)))
                }
            case let (was?, nil):
                if let now = flippedCounterpart(of: id, in: after, absentFrom: before, consumed: &consumed) {
                    changes.append(negationChange(document, id, was, now))
                } else {
                    changes.append(
                        FactChange(
                            kind: .removed, document: document, drug: id.drug, type: id.key.type,
                            value: id.key.value, fields: [], old: FactSnapshot(was), new: nil))
                }
            case let (nil, now?):
                if let was = flippedCounterpart(of: id, in: before, absentFrom: after, consumed: &consumed) {
                    changes.append(negationChange(document, id, was, now))
                } else {
                    changes.append(
                        FactChange(
                            kind: .added, document: document, drug: id.drug, type: id.key.type,
                            value: id.key.value, fields: [], old: nil, new: FactSnapshot(now)))
                }
            case (nil, nil):
                break
            }
        }
        return changes
    }

    static func changedFields(_ a: Fact, _ b: Fact) -> [String] {
        var fields: [String] = []
        if a.code != b.code { fields.append("code") }
        if a.evidence.map({ [$0.section, $0.text] }) != b.evidence.map({ [$0.section, $0.text] }) {
            fields.append("evidence")
        }
        if a.hedged != b.hedged { fields.append("hedged") }
        if QualifierText.normalized(a.qualifiers) != QualifierText.normalized(b.qualifiers) {
            fields.append("qualifiers")
        }
        return fields
    }
}
