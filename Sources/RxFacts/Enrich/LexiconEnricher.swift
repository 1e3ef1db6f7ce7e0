/// Optional stage after `assemble`: adds facts the text does not state but the lexicon knows —
/// the DEA schedule and the FDA established pharmacologic classes of each drug — and fills in
/// drug codes the text-matched entry lacks (e.g. DrugBank ID, UMLS CUI).
///
/// Added facts have `"source": "lexicon:<file stem>"` (e.g. `lexicon:drugs`), rule
/// `enrich.schedule` / `enrich.class`, and as evidence the drug's first mention in the document
/// (the text the lexicon lookup was made from) with `path` naming the lexicon line; facts read in the text keep
/// `"source": "text"`. A lexicon fact is added only when the text has no affirmed fact of the same
/// type and value, so the two stay visibly separate and never duplicate each other. The DEA
/// schedule is US law: a text fact of type `schedule` with another value is left alone and the
/// lexicon value is still added, so users can see the disagreement. A lexicon schedule fact says
/// whose law and of when: qualifiers `jurisdiction` (`US`), `as-of` (the date the schedule list
/// was last brought up to date) and `citation` (the DEA list or Federal Register rule), read
/// from the entry's `jurisdiction=`, `schedule-as-of=` and `schedule-source=` attributes.
package struct LexiconEnricher: Sendable {
    struct DrugInfo: Sendable {
        var source: String
        /// The lexicon entry's file and line; `origin` is made only when a fact needs it.
        var file: String
        var line: Int
        /// `file:line` of the lexicon entry (as `Lexicon.Entry.origin`).
        var origin: String { line > 0 ? "\(file):\(line)" : file }
        var schedule: String?
        /// Where the schedule comes from: `jurisdiction`, `as-of` and `citation` qualifiers.
        var scheduleQualifiers: [String: [String]]
        var classes: [String]
        var codes: [String]
    }

    /// The lexicon, looked up by name when a record names a drug: nothing is indexed at start-up.
    let index: LexiconIndex

    package init(index: LexiconIndex) {
        self.index = index
    }

    /// Indexes `lexicon` for the lookups (tests; the stage shares the pipeline's index).
    package init(lexicon: Lexicon) {
        self.init(index: LexiconIndex(lexicon: lexicon))
    }

    /// What the `drug` and `substance` entries named `name` say, merged in lexicon order: the
    /// first entry makes the info, later ones (core.tsv first, drugs.tsv after it) fill what
    /// earlier ones lack.
    func info(forDrug name: String) -> DrugInfo? {
        let entries = index.lexicon.entries
        let indices =
            (index.entryIndices(kind: "drug", named: name) + index.entryIndices(kind: "substance", named: name))
            .sorted()
        var result: DrugInfo?
        for i in indices {
            let entry = entries[i]
            // Made only for the entries that give the info its source.
            func source() -> String { "lexicon:" + Self.stem(of: entry.file) }
            let schedule = entry.attribute("schedule")
            let classes = entry.attribute("class").map { $0.split(separator: "|").map(String.init) } ?? []
            guard var existing = result else {
                result = DrugInfo(
                    source: source(), file: entry.file, line: entry.line,
                    schedule: schedule, scheduleQualifiers: Self.scheduleQualifiers(of: entry), classes: classes,
                    codes: entry.codes)
                continue
            }
            if existing.schedule == nil, let schedule {
                existing.schedule = schedule
                existing.scheduleQualifiers = Self.scheduleQualifiers(of: entry)
                existing.source = source()
                existing.file = entry.file
                existing.line = entry.line
            }
            if existing.classes.isEmpty, !classes.isEmpty { existing.classes = classes }
            for code in entry.codes
            where !existing.codes.contains(where: { Self.system(of: $0) == Self.system(of: code) }) {
                existing.codes.append(code)
            }
            result = existing
        }
        return result
    }

    /// The code of the first `class` entry named `name` that has one.
    func classCode(_ name: String) -> String? {
        for i in index.entryIndices(kind: "class", named: name) {
            if let code = index.firstCode(ofEntry: i) { return code }
        }
        return nil
    }

    /// The record with lexicon facts and codes added; facts stay sorted by `Fact.key`, then source.
    /// `anchors` gives, per drug name, the evidence of its first mention; drugs without an anchor
    /// get no lexicon facts (a fact needs evidence), only codes.
    package func enrich(_ record: Record, anchors: [String: Evidence] = [:]) -> Record {
        var record = record
        enrich(&record.drugs, anchors: anchors)
        return record
    }

    /// `enrich(_:anchors:)` on a record's drugs, in place: facts already there are neither copied
    /// nor moved unless lexicon facts are added among them.
    package func enrich(_ drugs: inout [DrugRecord], anchors: [String: Evidence] = [:]) {
        for index in drugs.indices {
            guard let info = info(forDrug: drugs[index].name) else { continue }
            for code in info.codes {
                let system = Self.system(of: code)
                if drugs[index].codes[system] == nil {
                    drugs[index].codes[system] = String(code.dropFirst(system.count + 1))
                }
            }
            guard var anchor = anchors[drugs[index].name] else { continue }
            anchor.path = Self.relativeOrigin(info.origin)
            // What the text states already (a few lookups: a scan, not a set of every fact).
            func stated(_ type: FactType, _ value: String) -> Bool {
                drugs[index].facts.contains { !$0.negated && $0.type == type && $0.value == value }
            }
            var added: [Fact] = []
            if let schedule = info.schedule, !stated(.schedule, schedule) {
                added.append(
                    Fact(
                        type: .schedule, value: schedule,
                        qualifiers: info.scheduleQualifiers.isEmpty ? nil : info.scheduleQualifiers,
                        evidence: [anchor], rule: "enrich.schedule", source: info.source))
            }
            for drugClass in info.classes where !stated(.drugClass, drugClass) {
                added.append(
                    Fact(
                        type: .drugClass, value: drugClass, code: classCode(drugClass), evidence: [anchor],
                        rule: "enrich.class", source: info.source))
            }
            guard !added.isEmpty else { continue }
            var facts: [Fact] = []
            swap(&facts, &drugs[index].facts)
            facts += added
            // Keys made once, facts moved once (a stable sort, as before).
            let keys = facts.map { ($0.key, $0.source) }
            drugs[index].facts = keys.indices.sorted { keys[$0] < keys[$1] }.map { facts[$0] }
        }
    }

    /// The provenance a schedule entry carries (`jurisdiction=US;schedule-as-of=2024-09-13;
    /// schedule-source=87 FR 59296 (2022-09-30)`) as fact qualifiers: `jurisdiction`, `as-of`
    /// and `citation`. A schedule is a fact of one country's law at one date.
    static func scheduleQualifiers(of entry: Lexicon.Entry) -> [String: [String]] {
        var qualifiers: [String: [String]] = [:]
        for (attribute, qualifier) in [
            ("jurisdiction", "jurisdiction"), ("schedule-as-of", "as-of"), ("schedule-source", "citation"),
        ] {
            if let value = entry.attribute(attribute) {
                qualifiers[qualifier] = value.split(separator: "|").map(String.init)
            }
        }
        return qualifiers
    }

    /// "…/Pipelines/lexicons/drugs.tsv:12" → "lexicons/drugs.tsv:12" (stable across checkouts).
    static func relativeOrigin(_ origin: String) -> String {
        if let range = origin.range(of: "lexicons/", options: .backwards) { return String(origin[range.lowerBound...]) }
        return origin
    }

    static func system(of code: String) -> String {
        code.firstIndex(of: ":").map { String(code[..<$0]) } ?? code
    }

    /// "Pipelines/lexicons/drugs.tsv:12" → "drugs".
    static func stem(of origin: String) -> String {
        var path = Substring(origin)
        if let colon = path.lastIndex(of: ":"), path[path.index(after: colon)...].allSatisfy(\.isNumber) {
            path = path[..<colon]
        }
        if let slash = path.lastIndex(of: "/") { path = path[path.index(after: slash)...] }
        if let dot = path.lastIndex(of: ".") { path = path[..<dot] }
        return path.isEmpty ? "lexicon" : String(path)
    }
}
