import Foundation
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Locations and loaders shared by the XML tests (all relative to this file, never ../shared).
enum XMLTestSupport {
    static let testsDirectory = TestSupport.root.appendingPathComponent("Tests/RxFactsTests")
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/xml")
    static let corpus = testsDirectory.appendingPathComponent("../../Corpus/spl").standardizedFileURL
    static let pipelines = testsDirectory.appendingPathComponent("../../Pipelines").standardizedFileURL

    static func fixture(_ name: String) throws -> SourceInput {
        let url = fixtures.appendingPathComponent(name)
        return SourceInput(path: "Fixtures/xml/" + name, bytes: [UInt8](try Data(contentsOf: url)))
    }

    static func corpusFile(_ name: String) throws -> SourceInput {
        let url = corpus.appendingPathComponent(name)
        return SourceInput(path: "Corpus/spl/" + name, bytes: [UInt8](try Data(contentsOf: url)))
    }

    static func string(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Decodes the five XML entities and numeric character references (test oracle).
    static func decodeEntities(_ raw: String) -> String {
        var out = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else {
                out += rest[amp...]
                return out
            }
            let name = rest[rest.index(after: amp)..<semi]
            switch name {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                    out.unicodeScalars.append(s)
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
                    out.unicodeScalars.append(s)
                } else {
                    out += rest[amp...semi]
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// Drops `<…>` markup (test oracle for words that span inline elements such as `<sup>`).
    static func removingTags(_ raw: String) -> String {
        var out = ""
        var inTag = false
        for c in raw {
            if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }
}
