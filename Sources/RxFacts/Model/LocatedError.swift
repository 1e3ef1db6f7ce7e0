/// An error about a place in a file: `path`, 1-based `line` and `column` when known, and why.
/// Its description has the compiler shape `path:line:column: reason`, so editors can jump to it.
public protocol LocatedError: Error, CustomStringConvertible {
    var path: String { get }
    var line: Int? { get }
    var column: Int? { get }
    var reason: String { get }
}

extension LocatedError {
    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(reason)"
    }
}
