/// Resource limits every XML read obeys; inputs over a limit are rejected, never truncated.
public struct XMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes (libxml2 itself is run without `XML_PARSE_HUGE`).
    public var maxInputBytes: Int
    /// Deepest element nesting accepted; enforced by the scanner while it builds the tree.
    public var maxDepth: Int

    /// Most attributes (namespace declarations included) one element may carry; checked before
    /// libxml2 runs, whose duplicate check is quadratic in this number.
    public var maxAttributesPerElement: Int

    public init(maxInputBytes: Int = 128 << 20, maxDepth: Int = 200, maxAttributesPerElement: Int = 1_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAttributesPerElement = maxAttributesPerElement
    }

    /// 128 MiB, 200 levels, 1,000 attributes an element: far above any real SPL or ePI file, far below harm.
    public static let `default` = XMLLimits()
}
