/// Resource limits every XML read obeys; inputs over a limit are rejected, never truncated.
public struct XMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes (libxml2 itself is run without `XML_PARSE_HUGE`).
    public var maxInputBytes: Int
    /// Deepest element nesting accepted; enforced by the scanner while it builds the tree.
    public var maxDepth: Int

    public init(maxInputBytes: Int = 128 << 20, maxDepth: Int = 200) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
    }

    /// 128 MiB and 200 levels: far above any real SPL or ePI file, far below harm.
    public static let `default` = XMLLimits()
}
