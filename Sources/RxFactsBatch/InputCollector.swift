import Foundation
import RxFacts

/// Turns command-line inputs (files, directories, zip archives, `-`) into an ordered list of inputs.
/// Directories are walked recursively in sorted order (leaflet files and `.zip` archives; hidden
/// files are skipped). A path that does not exist is kept, so reading it reports the error in its
/// turn. Zip archives stay one input here; `InputWalker` opens them member by member.
public enum InputCollector {
    /// File extensions taken from directories (files named explicitly are always taken).
    public static let leafletExtensions: Set<String> = ["txt", "xml", "json", "text"]

    /// Files in a collection that describe it rather than being leaflets (MANIFEST.md,
    /// COPYING.openfda.txt, README.txt…); directory walks leave them out, named files are read.
    public static func isCollectionNote(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["README", "MANIFEST", "COPYING", "LICENSE", "LICENCE", "NOTICE", "SOURCES", "CHANGELOG"].contains { upper.hasPrefix($0) }
    }

    public static func collect(_ arguments: [String]) -> [String] {
        var skipped: [String] = []
        return collect(arguments, skipped: &skipped)
    }

    /// `collect(_:)`, also listing the files directory walks left out because their format is not
    /// one rxfacts reads (PDF, HTML, images, records, …), so the summary can count them. Hidden
    /// files and collection notes (README, MANIFEST…) are not listed.
    public static func collect(_ arguments: [String], skipped: inout [String]) -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", fm.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                result.append(contentsOf: walk(argument, skipped: &skipped))
            } else {
                result.append(argument)
            }
        }
        return result
    }

    /// "7 .jsonl, 2 .pdf": skipped files counted by extension, most frequent first.
    public static func describeSkipped(_ paths: [String]) -> String {
        var counts: [String: Int] = [:]
        for path in paths {
            let ext = (path as NSString).pathExtension.lowercased()
            counts[ext.isEmpty ? "no extension" : "." + ext, default: 0] += 1
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    static func walk(_ directory: String, skipped: inout [String]) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return [directory] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                files.append(contentsOf: walk(path, skipped: &skipped))
            } else if archiveOrLeaflet((name as NSString).pathExtension.lowercased()), !isCollectionNote(name),
                !name.hasSuffix(".expected.md"), !name.hasSuffix(".jsonl")
            {
                files.append(path)
            } else if !isCollectionNote(name), !name.hasSuffix(".expected.md") {
                skipped.append(path)
            }
        }
        return files
    }

    static func archiveOrLeaflet(_ ext: String) -> Bool {
        ext == "zip" || leafletExtensions.contains(ext)
    }

    /// The inputs named in a list file (`--files-from`; `-` is standard input): one path a line,
    /// blank lines and lines starting with `#` ignored, surrounding spaces kept (they may be part
    /// of a name) except a trailing carriage return.
    public static func readList(_ path: String) throws(InputError) -> [String] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw InputError(.unreadable, path: path, reason: "cannot read the file list")
            }
            data = contents
        }
        var result: [String] = []
        var lineNumber = 0
        for var line in [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            guard let name = String(bytes: line, encoding: .utf8) else {
                throw InputError(.encoding, path: path, line: lineNumber, column: 1, reason: "file list line is not valid UTF-8")
            }
            result.append(name)
        }
        return result
    }

    /// Reads an input's bytes (`-` is standard input).
    public static func read(_ path: String) throws(InputError) -> SourceInput {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceInput(path: "-", bytes: [UInt8](data))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.unreadable, path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw InputError(.unreadable, path: path, reason: "is a directory with no leaflets") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.unreadable, path: path, reason: "cannot be read (permission denied?)")
        }
        return SourceInput(path: path, bytes: [UInt8](data))
    }
}
