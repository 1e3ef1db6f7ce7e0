import Foundation
import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild
import RxFactsStore
import RxSQL

/// Records, databases and table dumps shared by the store tests.
enum StoreTestSupport {
    /// A record shaped like a real SPL label: `drugs` drugs with `facts` facts each, two evidence
    /// spans on every third fact, qualifiers on combinations, codes and brands. `marker` changes
    /// the content without changing the document identity.
    static func record(
        id: String, version: String? = "1", effectiveTime: String? = "20240101",
        drugs drugCount: Int = 2, facts factCount: Int = 5, marker: String = ""
    ) -> Record {
        let types: [FactType] = [.drugClass, .schedule, .combination, .adverseEffect, .withdrawal, .indication]
        let drugs = (0..<drugCount).map { d in
            DrugRecord(
                name: "drug-\(d)\(marker)", brands: d == 0 ? ["brand-a", "brand-b"] : [],
                codes: ["rxcui": "\(1000 + d)", "unii": "U\(d)"],
                facts: (0..<factCount).map { f in
                    let type = types[f % types.count]
                    let evidence = (0..<(f % 3 == 0 ? 2 : 1)).map { e in
                        Evidence(
                            section: "WARNINGS AND PRECAUTIONS", start: 100 * f + 10 * e, end: 100 * f + 10 * e + 9,
                            text: "it's \"quoted\"; -- not SQL \(f).\(e)\(marker) ≥ 5%")
                    }
                    return Fact(
                        type: type, value: type == .schedule ? "CIV" : "value \(f)\(marker)", negated: f % 4 == 3,
                        hedged: f % 5 == 4, code: f % 2 == 0 ? "nui:N\(f)" : nil,
                        qualifiers: type == .combination ? ["risks": ["coma", "respiratory depression"]] : nil,
                        evidence: evidence, rule: "rule.\(type.rawValue)",
                        source: type == .schedule ? "spl-metadata" : "text")
                })
        }
        return Record(
            document: DocumentInfo(
                id: id, source: "Corpus/spl/\(id).xml", format: "spl", title: "Label \(id)", version: version,
                effectiveTime: effectiveTime, documentType: "34391-3", sections: ["BOXED WARNING", "INDICATIONS"],
                contentHash: "hash-\(id)-\(version ?? "")\(marker)"),
            drugs: drugs)
    }

    static func factCount(_ records: [Record]) -> Int {
        records.reduce(0) { $0 + $1.drugs.reduce(0) { $0 + $1.facts.count } }
    }

    static func evidenceCount(_ records: [Record]) -> Int {
        records.reduce(0) { $0 + $1.drugs.reduce(0) { $0 + $1.facts.reduce(0) { $0 + $1.evidence.count } } }
    }

    static func jsonl(_ records: [Record]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = Data()
        for record in records {
            data += try encoder.encode(record)
            data.append(0x0A)
        }
        return data
    }

    /// A fresh SQLite file in a fresh temporary directory.
    static func temporarySQLiteURL() throws -> DatabaseURL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rxfacts-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return .sqlite(path: directory.appendingPathComponent("facts.db").path)
    }

    /// Every row of every table in key order, values as text (booleans as 0/1 so SQLite and
    /// PostgreSQL compare equal), without `loaded_at`.
    static func dump(_ store: RecordStore) throws -> [String] {
        let queries = [
            "SELECT doc_key, id, version, version_number, source, format, title, effective_time, document_type, "
                + "sections, content_hash, record_hash, is_current, superseded_by FROM documents ORDER BY doc_key",
            "SELECT * FROM drugs ORDER BY doc_key, drug_ord",
            "SELECT * FROM drug_brands ORDER BY doc_key, drug_ord, brand_ord",
            "SELECT * FROM drug_codes ORDER BY doc_key, drug_ord, system",
            "SELECT * FROM facts ORDER BY doc_key, drug_ord, fact_ord",
            "SELECT * FROM evidence ORDER BY doc_key, drug_ord, fact_ord, evidence_ord",
        ]
        var lines: [String] = []
        for sql in queries {
            for row in try store.connection.query(sql) {
                lines.append(
                    row.map { value in
                        switch value {
                        case .bool(let b): b ? "1" : "0"
                        default: value.description
                        }
                    }.joined(separator: "|"))
            }
        }
        return lines
    }

    /// (facts, evidence) stored per document id and version.
    static func perDocumentCounts(_ store: RecordStore) throws -> [String: [Int]] {
        let rows = try store.connection.query(
            """
            SELECT d.id, d.version,
                (SELECT COUNT(*) FROM facts f WHERE f.doc_key = d.doc_key),
                (SELECT COUNT(*) FROM evidence e WHERE e.doc_key = d.doc_key),
                (SELECT COUNT(*) FROM drugs g WHERE g.doc_key = d.doc_key)
            FROM documents d
            """)
        var counts: [String: [Int]] = [:]
        for row in rows {
            counts["\(row[0])@\(row[1])"] = [
                Int(row[2].integer ?? -1), Int(row[3].integer ?? -1), Int(row[4].integer ?? -1),
            ]
        }
        return counts
    }

    static func expectedPerDocumentCounts(_ records: [Record]) -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        for record in records {
            counts["\(record.document.id)@\(record.document.version ?? "")"] = [
                factCount([record]), evidenceCount([record]), record.drugs.count,
            ]
        }
        return counts
    }

    /// The `rxfacts` executable built beside the test bundle, or nil when it is not there.
    static let rxfactsExecutable: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["RXFACTS_BIN"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent("rxfacts"))
        candidates.append(
            testBinary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rxfacts"))
        let packageRoot = TestSupport.root
        candidates.append(packageRoot.appendingPathComponent(".build/debug/rxfacts"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
