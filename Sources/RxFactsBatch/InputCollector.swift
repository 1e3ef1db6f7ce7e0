import Foundation
import RxFacts

/// Turns command-line inputs (files, directories, zip archives, `-`) into an ordered list of inputs.
/// Directories are walked recursively in sorted order (leaflet files and `.zip` archives; hidden
/// files are skipped). A path that does not exist is kept, so reading it reports the error in its
/// turn. Zip archives stay one input here; `InputWalker` opens them member by member.
package enum InputCollector {
    /// File extensions taken from directories (files named explicitly are always taken).
    package static let leafletExtensions: Set<String> = ["txt", "xml", "json", "text", "md"]

    /// Files in a collection that describe it rather than being leaflets (MANIFEST.md,
    /// COPYING.openfda.txt, README.txt…); directory walks leave them out, named files are read.
    package static func isCollectionNote(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["README", "MANIFEST", "COPYING", "LICENSE", "LICENCE", "NOTICE", "SOURCES", "CHANGELOG"].contains {
            upper.hasPrefix($0)
        }
    }

    /// What `gather` found: the inputs in order, and what the summary and the ids need.
    package struct Collected: Sendable {
        /// Inputs in order (files, `-`, archives, and the bad entries `problems` explains).
        package var paths: [String] = []
        /// Files directory walks left out because their format is not one rxfacts reads.
        package var skipped: [String] = []
        /// Entries of walked directories that cannot be inputs: a dangling or looping symbolic
        /// link, a name that is not valid UTF-8, a link back to a directory already walked.
        /// Each stays in `paths`, in its place, and ends as an error entry.
        package var problems: [String: InputError] = [:]
        /// Document ids of the files found by walking a directory: the path relative to the
        /// directory named, without extension (`a/leaflet`, `b/leaflet`), unique and stable.
        package var ids: [String: String] = [:]

        package init() {}
    }

    package static func collect(_ arguments: [String]) -> [String] {
        gather(arguments).paths
    }

    /// `collect(_:)`, also listing the files directory walks left out because their format is not
    /// one rxfacts reads (PDF, HTML, images, records, …), so the summary can count them. Hidden
    /// files and collection notes (README, MANIFEST…) are not listed.
    package static func collect(_ arguments: [String], skipped: inout [String]) -> [String] {
        let collected = gather(arguments)
        skipped += collected.skipped
        return collected.paths
    }

    /// Walks the arguments: directories recursively in sorted order, each directory reached once
    /// (symbolic-link cycles are reported, not followed); see `Collected`.
    package static func gather(_ arguments: [String]) -> Collected {
        var collected = Collected()
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", fm.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                var visited: Set<DirectoryIdentity> = []
                if let identity = DirectoryIdentity(argument) { visited.insert(identity) }
                walk(argument, relative: "", into: &collected, visited: &visited)
            } else {
                collected.paths.append(argument)
            }
        }
        return collected
    }

    /// A directory's device and inode: the same directory reached again through a symbolic link
    /// is recognised, so `ln -s . loop` is walked once.
    struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        /// The identity of the directory `path` names, following symbolic links.
        init?(_ path: String) {
            let target = path.hasSuffix("/") ? path + "." : path + "/."
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
                let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
                let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            else { return nil }
            self.device = device
            self.inode = inode
        }
    }

    /// "7 .jsonl, 2 .pdf": skipped files counted by extension, most frequent first.
    package static func describeSkipped(_ paths: [String]) -> String {
        var counts: [String: Int] = [:]
        for path in paths {
            let ext = (path as NSString).pathExtension.lowercased()
            counts[ext.isEmpty ? "no extension" : "." + ext, default: 0] += 1
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }.joined(
            separator: ", ")
    }

    static func walk(
        _ directory: String, relative: String, into collected: inout Collected, visited: inout Set<DirectoryIdentity>
    ) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            collected.paths.append(directory)
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let relativeName = relative + name
            let wanted =
                archiveOrLeaflet((name as NSString).pathExtension.lowercased()) && !isCollectionNote(name)
                && !name.hasSuffix(".expected.md") && !name.hasSuffix(".jsonl")
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // Foundation decodes a name that is not UTF-8 with U+FFFD; such a path names nothing.
                let linkTarget = try? fm.destinationOfSymbolicLink(atPath: path)
                let exists = linkTarget != nil || (try? fm.attributesOfItem(atPath: path)) != nil
                if !exists, name.unicodeScalars.contains("\u{FFFD}") {
                    collected.paths.append(path)
                    collected.problems[path] = InputError(
                        .encoding, path: path,
                        reason: "file name is not valid UTF-8 (shown with U+FFFD); rename the file to read it")
                } else if let linkTarget, wanted || (name as NSString).pathExtension.isEmpty {
                    collected.paths.append(path)
                    collected.problems[path] = InputError(
                        .unreadable, path: path,
                        reason: "symbolic link to '\(linkTarget)' leads nowhere (dangling, or a loop of links)")
                } else if !isCollectionNote(name) {
                    collected.skipped.append(path)
                }
                continue
            }
            if isDirectory.boolValue {
                guard let identity = DirectoryIdentity(path) else {
                    collected.paths.append(path)
                    collected.problems[path] = InputError(.unreadable, path: path, reason: "directory cannot be read")
                    continue
                }
                guard visited.insert(identity).inserted else {
                    collected.paths.append(path)
                    collected.problems[path] = InputError(
                        .unreadable, path: path,
                        reason:
                            "symbolic link to a directory already walked (a cycle, or a second way to the same files); not walked again"
                    )
                    continue
                }
                walk(path, relative: relativeName + "/", into: &collected, visited: &visited)
            } else if wanted {
                collected.paths.append(path)
                if !InputWalker.isArchive(path) { collected.ids[path] = withoutExtension(relativeName) }
            } else if !isCollectionNote(name), !name.hasSuffix(".expected.md") {
                collected.skipped.append(path)
            }
        }
    }

    /// `a/leaflet.txt` → `a/leaflet` (a name that is only an extension, `.txt`, is kept).
    static func withoutExtension(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot != slash else { return path }
        return String(path[..<dot])
    }

    static func archiveOrLeaflet(_ ext: String) -> Bool {
        ext == "zip" || leafletExtensions.contains(ext)
    }

    /// The inputs named in a list file (`--files-from`; `-` is standard input): one path a line,
    /// blank lines and lines starting with `#` ignored, surrounding spaces kept (they may be part
    /// of a name) except a trailing carriage return.
    package static func readList(_ path: String) throws(InputError) -> [String] {
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
                throw InputError(
                    .encoding, path: path, line: lineNumber, column: 1, reason: "file list line is not valid UTF-8")
            }
            result.append(name)
        }
        return result
    }

    /// Reads an input's bytes (`-` is standard input), refusing more than `maxBytes`: a file,
    /// a pipe or standard input is read in blocks and given up as soon as it passes the limit,
    /// so `/dev/zero` or a runaway pipe never grows memory without bound.
    package static func read(
        _ path: String, maxBytes: Int = BatchExtractor.defaultMaxDocumentBytes
    ) throws(InputError) -> SourceInput {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(.unreadable, path: path, reason: "no such file")
            }
            if isDirectory.boolValue {
                throw InputError(.unreadable, path: path, reason: "is a directory with no leaflets")
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw InputError(.unreadable, path: path, reason: "cannot be read (permission denied?)")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        var bytes: [UInt8] = []
        while true {
            let block: Data?
            do {
                block = try handle.read(upToCount: 1 << 20)
            } catch {
                throw InputError(.unreadable, path: path, reason: "cannot be read (\(error.localizedDescription))")
            }
            guard let block, !block.isEmpty else { break }
            guard bytes.count + block.count <= maxBytes else {
                throw InputError(
                    .unreadable, path: path,
                    reason: "document is over the limit of \(describe(bytes: maxBytes)) (--max-document-mib); not read")
            }
            bytes.append(contentsOf: block)
        }
        return SourceInput(path: path, bytes: bytes)
    }

    /// "128 MiB" or "1000 bytes".
    static func describe(bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
