#if !RXFACTS_LIBFUZZER
    import Foundation

    /// Without libFuzzer: a seeded mutation fuzzer, and a replayer for saved inputs.
    ///
    ///     rxfacts-fuzz TARGET --runs N [--seed S] [--save DIR] SEED_PATH...   # mutate seeds N times
    ///     rxfacts-fuzz TARGET --replay FILE...                               # run saved inputs once
    ///
    /// Each input is written to DIR/current before it runs (with --save), so the input that
    /// crashed the process is on disk afterwards.
    @main
    struct MutationHarness {
        static func main() {
            var arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                FileHandle.standardError.write(
                    Data(
                        "usage: rxfacts-fuzz {\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))} (--runs N [--seed S] [--save DIR] | --replay) PATH...\n"
                            .utf8))
                exit(2)
            }
            arguments.removeFirst()
            var runs = 1000
            var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
            var save: String?
            var replay = false
            var paths: [String] = []
            var index = 0
            while index < arguments.count {
                let argument = arguments[index]
                let value = index + 1 < arguments.count ? arguments[index + 1] : ""
                switch argument {
                case "--runs":
                    runs = Int(value) ?? runs
                    index += 1
                case "--seed":
                    seed = UInt64(value) ?? seed
                    index += 1
                case "--save":
                    save = value
                    index += 1
                case "--replay": replay = true
                default: paths.append(argument)
                }
                index += 1
            }
            let inputs = paths.flatMap(files).compactMap {
                FileManager.default.contents(atPath: $0).map { [UInt8]($0) }
            }
            if replay {
                for input in inputs { target.run(input) }
                print("rxfacts-fuzz \(target.rawValue): replayed \(inputs.count) inputs")
                return
            }
            var mutator = Mutator(
                state: seed, seeds: inputs.isEmpty ? [[]] : inputs, dictionary: Mutator.dictionary(for: target))
            let current = save.map { $0 + "/current-\(target.rawValue)" }
            if let save { try? FileManager.default.createDirectory(atPath: save, withIntermediateDirectories: true) }
            target.prepare()
            let started = Date()
            for run in 0..<runs {
                let input = mutator.next()
                if let current { FileManager.default.createFile(atPath: current, contents: Data(input)) }
                target.run(input)
                if run > 0, run % 100_000 == 0 {
                    print(
                        "rxfacts-fuzz \(target.rawValue): \(run) runs, \(Int(Double(run) / Date().timeIntervalSince(started)))/s"
                    )
                }
            }
            if let current { try? FileManager.default.removeItem(atPath: current) }
            let seconds = Date().timeIntervalSince(started)
            print("rxfacts-fuzz \(target.rawValue): \(runs) runs in \(Int(seconds)) s, no crash")
        }

        /// A file, or the files under a directory.
        static func files(_ path: String) -> [String] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
            guard isDirectory.boolValue else { return [path] }
            let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            return names.sorted().map { path + "/" + $0 }.filter {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
        }
    }

    /// Byte-level mutations of seed inputs: flips, inserts, deletions, repeats, splices and
    /// format tokens, 1–4 at a time (xorshift64*, so a run is reproducible from its seed).
    struct Mutator {
        var state: UInt64
        let seeds: [[UInt8]]
        let dictionary: [[UInt8]]

        static func dictionary(for target: FuzzTarget) -> [[UInt8]] {
            let tokens: [String]
            switch target {
            case .text:
                tokens = [
                    "\n", " ", "•", "\u{FEFF}", "\r\n", "do not take", "is used to treat", ":", "(", ")", "\u{00A0}",
                    "\u{2028}",
                ]
            case .xml:
                tokens = [
                    "<", ">", "</", "/>", "&#x", "&amp;", "<![CDATA[", "]]>", "<!--", "-->", "<!DOCTYPE a [",
                    "<!ENTITY", "xmlns=\"urn:hl7-org:v3\"", "xmlns:x=\"", "<section>", "<text>", "<paragraph>", "=\"",
                    "\"", "root=\"\"",
                ]
            case .epiJSON:
                tokens = [
                    "{", "}", "[", "]", "\"", "\\u", "\\ud800", ":", ",", "\"resourceType\"", "\"Composition\"",
                    "\"section\"", "\"div\"", "\"text\"", "null", "1e999", "<div>",
                ]
            case .zip:
                tokens = [
                    "PK\u{03}\u{04}", "PK\u{01}\u{02}", "PK\u{05}\u{06}", "PK\u{06}\u{06}", "\u{FF}\u{FF}\u{FF}\u{FF}",
                    "\u{00}\u{00}", "a.zip", "a.txt",
                ]
            case .lexicon:
                tokens = [
                    "\t", "|", "\n", "#", "drug", "class", "-", "=", ";", "rxcui:1", "match=variants", "ingredient=x",
                    "\u{FF}",
                ]
            case .pipeline:
                tokens = [
                    "stages:", "- ", "name:", ":", "\n", "  ", "[", "]", "{", "}", "&a", "*a", "<<: *a", "!!binary",
                    "ingest", "emit", "tag:", "lexicons:", "xml:",
                ]
            }
            return tokens.map { Array($0.utf8) }
        }

        mutating func random(_ bound: Int) -> Int {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return bound <= 0 ? 0 : Int((state &* 0x2545_F491_4F6C_DD1D) % UInt64(bound))
        }

        mutating func next() -> [UInt8] {
            var bytes = seeds[random(seeds.count)]
            for _ in 0...random(4) { mutate(&bytes) }
            return bytes
        }

        mutating func mutate(_ bytes: inout [UInt8]) {
            let at = random(bytes.count + 1)
            switch random(8) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let i = random(bytes.count)
                bytes[i] ^= UInt8(1 << random(8))
            case 1 where !bytes.isEmpty:  // interesting byte
                bytes[random(bytes.count)] = [0, 0xFF, 0x7F, 0x80, 0x0A, 0x3C, 0x26, 0x22][random(8)]
            case 2:  // insert a format token
                bytes.insert(contentsOf: dictionary[random(dictionary.count)], at: at)
            case 3 where !bytes.isEmpty:  // delete a run
                let count = min(bytes.count - min(at, bytes.count), 1 + random(64))
                if at < bytes.count { bytes.removeSubrange(at..<(at + count)) }
            case 4 where !bytes.isEmpty:  // repeat a run
                let start = random(bytes.count)
                let end = min(bytes.count, start + 1 + random(256))
                let run = Array(bytes[start..<end])
                for _ in 0...random(16) { bytes.insert(contentsOf: run, at: min(at, bytes.count)) }
            case 5:  // splice in part of another seed
                let other = seeds[random(seeds.count)]
                guard !other.isEmpty else { return }
                let start = random(other.count)
                let end = min(other.count, start + 1 + random(1024))
                bytes.insert(contentsOf: other[start..<end], at: at)
            case 6 where bytes.count > 1:  // truncate
                bytes.removeSubrange(random(bytes.count)...)
            case 7 where bytes.count >= 4:  // overwrite with a little-endian boundary number (sizes, counts)
                let i = random(bytes.count - 3)
                let value: UInt32 = [0, 1, 0xFFFF, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, UInt32(bytes.count)][
                    random(7)]
                for k in 0..<4 { bytes[i + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
            default:
                bytes.insert(UInt8(truncatingIfNeeded: random(256)), at: at)
            }
        }
    }
#endif
