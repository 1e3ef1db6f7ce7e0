import Foundation
import RxFacts
import RxFactsDiff

/// Converts SPL-ADR-200DB (TAC 2017 ADR training labels, `spl-adr/demner-fushman-train-labels.json`).
///
/// One gold document per label section (`LABEL/section name`), grouped by label. Each entry of
/// `adverse_events` is `[mention, PT, PT id, LLT, LLT id, start, length, kind]`; the gold lists
/// every distinct mention string of a section once, at its first occurrence (offsets count
/// characters; a null start means the mention has no contiguous span).
package enum SPLADRGold {
    package static let fileName = "demner-fushman-train-labels.json"

    package static func load(directory: String) throws(GoldSetError) -> [GoldDocument] {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GoldSetError(path: path, reason: "cannot read file")
        }
        return try parse(data, path: path)
    }

    /// The gold's section names as the SPL ingester names those LOINC sections
    /// (`SPLSectionCodes`): "boxed warnings" is 34066-1 "boxed warning", "warnings and
    /// precautions" is 43685-7 "warnings and cautions".
    static func canonicalSection(_ name: String) -> String {
        switch name.lowercased() {
        case "boxed warnings": "boxed warning"
        case "warnings and precautions": "warnings and cautions"
        case let other: other
        }
    }

    package static func parse(_ data: Data, path: String) throws(GoldSetError) -> [GoldDocument] {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw GoldSetError(path: path, reason: "not valid JSON: \(error)")
        }
        guard let entries = json as? [[String: Any]] else {
            throw GoldSetError(path: path, reason: "expected a JSON array of label sections")
        }
        var documents: [GoldDocument] = []
        for (index, entry) in entries.enumerated() {
            let at = "entry \(index + 1)"
            guard let label = entry["label_id"] as? String, let section = entry["section_name"] as? String,
                let text = entry["section_text"] as? String, let events = entry["adverse_events"] as? [[Any]]
            else {
                throw GoldSetError(
                    path: path, reason: "\(at): needs label_id, section_name, section_text, adverse_events")
            }
            let offsets = ScalarOffsets(text)
            var annotations: [GoldDocument.Annotation] = []
            for event in events {
                guard event.count >= 7, let mention = event[0] as? String else {
                    throw GoldSetError(
                        path: path,
                        reason: "\(at) (\(label)): adverse event \(event) is not [mention, PT, …, start, length, …]")
                }
                var range: Range<Int>?
                if let startText = event[5] as? String, let lengthText = event[6] as? String,
                    let start = Int(startText), let length = Int(lengthText)
                {
                    guard let bytes = offsets.bytes(start, start + length) else {
                        throw GoldSetError(
                            path: path,
                            reason: "\(at) (\(label)): '\(mention)' at \(start)+\(length) is outside the section text")
                    }
                    range = bytes
                }
                annotations.append(
                    .init(type: .adverseEffect, range: range, text: mention, concept: event[1] as? String))
            }
            documents.append(
                GoldDocument(
                    id: "\(label)/\(section)", group: label, title: label,
                    text: Array(text.utf8), annotations: annotations,
                    section: canonicalSection(section)))
        }
        return documents
    }
}
