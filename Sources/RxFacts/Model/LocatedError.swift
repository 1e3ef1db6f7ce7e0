/// An error about a place in a file: `path`, 1-based `line` and `column` when known, and why.
/// Its description has the compiler shape `path:line:column: reason`, so editors can jump to it.
public protocol LocatedError: Error, CustomStringConvertible {
    var path: String { get }
    var line: Int? { get }
    var column: Int? { get }
    var reason: String { get }
}

extension LocatedError {
    /// `path:line:column: reason`, one line: control characters from file names or file content
    /// (a newline, an escape sequence) are shown escaped, never sent to the terminal.
    public var description: String {
        var location = Printable.escaped(path)
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(Printable.escaped(reason))"
    }
}

/// Text made safe for a one-line message on a terminal.
public enum Printable {
    /// `text` with C0/C1 control characters and DEL escaped (`\n`, `\t`, `\x1B`); unchanged
    /// (and not copied) when it has none.
    public static func escaped(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
