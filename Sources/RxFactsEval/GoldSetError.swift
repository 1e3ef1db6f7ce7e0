import RxFacts
import RxFactsDiff
/// A gold-set file that cannot be converted; `path:line: reason` like every rxfacts error.
package struct GoldSetError: Error, Sendable, Hashable, CustomStringConvertible {
    package var path: String
    package var line: Int?
    package var reason: String

    package init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    package var description: String { line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)" }
}
