import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsLexiconBuild

/// One grammar for lexicon files: `rxfacts lexicon check` (`LexiconFileParser`), the build's
/// check of its own output and the pipeline (`Lexicon.parse`) accept and reject the same lines,
/// with the same `file:line:column` errors.
@Suite struct LexiconGrammarTests {
    /// Parses with the runtime and with the build-side adapter; both must agree.
    static func errors(_ text: String) -> (runtime: InputError?, check: LexiconBuildError?) {
        var runtime: InputError? = nil
        var check: LexiconBuildError? = nil
        do { _ = try Lexicon.parse(Array(text.utf8), path: "user.tsv") } catch { runtime = error }
        do { _ = try LexiconFileParser().parse(text: text, path: "user.tsv") } catch { check = error }
        return (runtime, check)
    }

    @Test(
        "malformed lines are refused by check and runtime alike, at the same place",
        arguments: [
            // (line, 1-based column, words of the reason)
            ("drug\tdiazepam\tdiazepam", 1, "expected 4 or 5"),
            ("drug\tdiazepam\tdiazepam\t-\ta=b\textra", 30, "expected 4 or 5"),
            ("Drug\tdiazepam\tdiazepam\t-", 1, "kind"),
            ("drug\t \tdiazepam\t-", 6, "canonical name is empty"),
            ("drug\tdiazepam\tdiazepam||valium\t-", 24, "empty variant"),
            ("drug\tdiazepam|valium\tdiazepam\t-", 14, "canonical name holds '|'"),
            ("drug\tdiazepam\t|diazepam\t-", 15, "empty variant"),
            ("drug\tdiazepam\tdiazepam|\t-", 24, "empty variant"),
            ("drug\tdiazepam\tdiazepam\t", 24, "codes column is empty"),
            ("drug\tdiazepam\tdiazepam\trxcui3322", 24, "system:code"),
            ("drug\tdiazepam\tdiazepam\trxcui:3322  unii:Q3", 35, "system:code"),
            ("drug\tdiazepam\tdiazepam\tRxCUI:3322", 24, "system:code"),
            ("drug\tdiazepam\tdiazepam\t-\tschedule", 26, "key=value"),
            ("drug\tdiazepam\tdiazepam\t-\tschedule=", 26, "key=value"),
            ("drug\tdiazepam\tdiazepam\t-\tschedule=CIV;", 39, "key=value"),
            ("drug\tdiazepam\tdiazepam\t-\tclass=a||b", 34, "empty list value"),
            ("drug\tdiazepam\tdiazepam\t-\tschedule=CIV;schedule=CII", 39, "given twice"),
            ("schedule\tCI\t\t-\tmatch=variants", 13, "needs at least one variant"),
            ("schedule\tCI\tc-i\t-\tmatch=all", 19, "only value"),
            ("brand\tvalium\tvalium\t-\tschedule=CIV", 23, "ingredient="),
            ("brand\tvalium\tvalium\t-", 22, "ingredient="),
        ])
    func malformedLine(line: String, column: Int, reason: String) throws {
        let (runtime, check) = Self.errors("# rxfacts-lexicon/1\n" + line + "\n")
        let error = try #require(runtime, "the runtime accepted \(line)")
        #expect(error.path == "user.tsv")
        #expect(error.line == 2)
        #expect(error.column == column, "\(error)")
        #expect(error.reason.contains(reason), "\(error.reason)")
        let checked = try #require(check, "lexicon check accepted \(line)")
        #expect(checked.description == error.description)
    }

    @Test(
        "invalid UTF-8 is an error at the line and byte column where the bad sequence starts",
        arguments: [
            ([0xFF] as [UInt8], 18),  // never valid
            ([0xC3] as [UInt8], 18),  // truncated two-byte sequence
            ([0xC0, 0xAF] as [UInt8], 18),  // overlong '/'
            ([0xED, 0xA0, 0x80] as [UInt8], 18),  // UTF-16 surrogate
            ([0xE2, 0x82, 0x41] as [UInt8], 18),  // bad continuation byte
        ])
    func invalidUTF8(bad: [UInt8], column: Int) throws {
        let bytes = Array("# ok\ndrug\tdiazepam\tdia".utf8) + bad + Array("zepam\t-\n".utf8)
        do {
            _ = try Lexicon.parse(bytes, path: "bad.tsv")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == column, "\(error)")
            #expect(error.reason.contains("UTF-8"))
        }
        // lexicon check reads the same bytes from a file and gives the same error.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-utf8-\(UUID().uuidString).tsv")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: LexiconBuildError.self) { try LexiconFileParser().parse(path: file.path) }
    }

    @Test func validLinesReadTheSameThroughBothEntryTypes() throws {
        let text = """
            \u{FEFF}# rxfacts-lexicon/1
            drug\tdiazepam\t diazepam | valium-free |diazepam\trxcui:3322 unii:Q3JTX2Q7TU\tschedule=CIV;class=benzodiazepine
            schedule\tCIV\tc-iv|CIV\t-\tmatch=variants;authority=US-DEA
            condition\tinsomnia\t\t-\t-
            \t\t
            brand\tvalium\tValium\tcrlf:1\tingredient=diazepam\r

            """
        let lexicon = try Lexicon.parse(Array(text.utf8), path: "ok.tsv")
        #expect(lexicon.entries.map(\.canonical) == ["diazepam", "CIV", "insomnia", "valium"])
        // Variants are trimmed, de-duplicated, canonical first.
        #expect(lexicon.entries[0].variants == ["diazepam", "valium-free"])
        // match=variants: the canonical is matched only because it is listed.
        #expect(lexicon.entries[1].variants == ["CIV", "c-iv"])
        #expect(lexicon.entries[2].variants == ["insomnia"])
        #expect(lexicon.entries[2].attributes.isEmpty)
        #expect(lexicon.entries[3].origin == "ok.tsv:6")
        let built = try LexiconFileParser().parse(text: text, path: "ok.tsv")
        #expect(built.map(\.canonical) == lexicon.entries.map(\.canonical))
        #expect(built[0].variants == ["valium-free"])
        #expect(built[0].attributes == ["schedule": ["CIV"], "class": ["benzodiazepine"]])
        #expect(built[1].line == "schedule\tCIV\tCIV|c-iv\t-\tauthority=US-DEA;match=variants")
    }

    /// Variants are de-duplicated with a set: a line with tens of thousands of variants parses
    /// in one pass (the old list search was quadratic).
    @Test func manyVariantsOnOneLine() throws {
        let forms = (0..<40_000).map { "form \($0)" }
        let line = "effect\tmany\t" + (forms + forms).joined(separator: "|") + "\t-"
        let entry = try Lexicon.parseLine(line, path: "big.tsv", line: 1)
        #expect(entry.variants.count == forms.count + 1)
        #expect(entry.variants.last == "form 39999")
    }
}
