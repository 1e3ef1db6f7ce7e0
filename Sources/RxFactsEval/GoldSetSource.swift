import Foundation

extension Evaluation.GoldSet {
    /// Where the gold set comes from and under what terms: the text `rxfacts eval` shows when its
    /// folder is missing. None is in the repository (DDI 2013 is non-commercial, eval only).
    package var origin: String {
        switch self {
        case .splADR:
            "SPL-ADR-200DB (TAC 2017 adverse reactions), file \(SPLADRGold.fileName): from tatonetti-lab/onsides (data CC0, NLM)"
        case .labeledIn:
            "LabeledIn (indications), files LabeledIn_annotated_XML*.txt: from dhimmel/indications, folder labeledin (public domain)"
        case .ddi2013:
            "DDI Extraction 2013, DrugBank training XML files: from isegura/DDICorpus (CC BY-NC 4.0: evaluation only, never copied into the project)"
        }
    }

    /// Nil when `dataDirectory/<set>` exists; otherwise a message saying what is missing and where
    /// the data comes from.
    package func missingDataMessage(dataDirectory: String) -> String? {
        let folder = (dataDirectory as NSString).appendingPathComponent(rawValue)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
            return nil
        }
        return "\(folder): no such folder; it should hold \(origin)"
    }
}

extension Evaluation {
    /// What to tell a user whose `--data` folder lacks gold sets, or nil when all are there.
    package static func missingDataExplanation(dataDirectory: String, sets: [GoldSet]) -> String? {
        let missing = sets.compactMap { $0.missingDataMessage(dataDirectory: dataDirectory) }
        guard !missing.isEmpty else { return nil }
        return missing.joined(separator: "\n") + """

            The gold sets are not part of the repository (their licences differ and some are for \
            evaluation only). rxfacts reads them in place from --data DIR, laid out as DIR/spl-adr, \
            DIR/labeledin and DIR/ddi2013 — the layout of the project's data bundle (../shared/data \
            beside the checkout; its MANIFEST.md lists each source, commit and licence). Fetch the \
            sets named above into that layout, or pick the ones you have with --set.
            """
    }
}
