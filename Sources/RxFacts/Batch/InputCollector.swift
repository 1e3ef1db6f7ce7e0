import Foundation

/// Turns command-line inputs (files, directories, `-`) into an ordered list of inputs.
/// Directories are walked recursively in sorted order; hidden files are skipped.
/// A path that does not exist is kept, so reading it reports the error in its turn.
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
        var result: [String] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", fm.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                result.append(contentsOf: walk(argument))
            } else {
                result.append(argument)
            }
        }
        return result
    }

    static func walk(_ directory: String) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return [directory] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                files.append(contentsOf: walk(path))
            } else if leafletExtensions.contains((name as NSString).pathExtension.lowercased()), !isCollectionNote(name),
                !name.hasSuffix(".expected.md"), !name.hasSuffix(".jsonl")
            {
                files.append(path)
            }
        }
        return files
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
